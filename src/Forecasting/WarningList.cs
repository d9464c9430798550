using System.Globalization;

namespace Kencana.Forecasting;

/// <summary>A forecast's warnings, at most one of each kind.</summary>
internal sealed class WarningList
{
    private readonly List<ForecastWarning> warnings = [];

    public IReadOnlyList<ForecastWarning> Items => warnings;

    public bool Has(WarningKind kind) => warnings.Any(w => w.Kind == kind);

    public void Add(WarningKind kind, FormattableString message)
    {
        if (!Has(kind))
        {
            warnings.Add(new ForecastWarning(kind, message.ToString(CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>Horizons as runs: 1-3, 5.</summary>
    public static string Horizons(IEnumerable<int> horizons)
    {
        var runs = new List<string>();
        int? start = null, previous = null;
        foreach (var h in horizons.Order())
        {
            if (previous is { } p && h == p + 1)
            {
                previous = h;
                continue;
            }
            Close();
            start = previous = h;
        }
        Close();
        return string.Join(", ", runs);

        void Close()
        {
            if (start is { } s && previous is { } e)
            {
                runs.Add(s == e ? s.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{s}-{e}"));
            }
        }
    }
}
