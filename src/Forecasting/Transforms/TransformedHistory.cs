using Kencana.Forecasting.Input;

namespace Kencana.Forecasting.Transforms;

/// <summary>A series as the models see it: years, values, their model-space images and the survey of each value. A
/// backtest takes prefixes of one history without copying.</summary>
internal sealed class TransformedHistory
{
    private readonly int[] years;
    private readonly double[] values;
    private readonly double[] z;
    private readonly string?[] surveys;

    private TransformedHistory(RegionIdentity region, ValueTransform transform, int[] years, double[] values, double[] z, string?[] surveys, int count, SeriesLineage? lineage)
    {
        Region = region;
        Transform = transform;
        this.years = years;
        this.values = values;
        this.z = z;
        this.surveys = surveys;
        Count = count;
        Lineage = lineage;
    }

    public static TransformedHistory Of(Series series, ValueTransform transform)
    {
        var years = series.Points.Select(p => p.Year).ToArray();
        var values = series.Points.Select(p => p.Value).ToArray();
        var z = values.Select(transform.Forward).ToArray();
        var surveys = series.Points.Select(p => p.Survey).ToArray();
        return new TransformedHistory(series.Region, transform, years, values, z, surveys, years.Length, series.Lineage);
    }

    public RegionIdentity Region { get; }

    public ValueTransform Transform { get; }

    public SeriesLineage? Lineage { get; }

    public int Count { get; }

    public ReadOnlySpan<int> Years => years.AsSpan(0, Count);

    public ReadOnlySpan<double> Values => values.AsSpan(0, Count);

    public ReadOnlySpan<double> Z => z.AsSpan(0, Count);

    public int LastYear => years[Count - 1];

    public double LastZ => z[Count - 1];

    public double LastValue => values[Count - 1];

    /// <summary>The survey of the latest value, or null.</summary>
    public string? LastSurvey => surveys[Count - 1];

    /// <summary>The survey of the value at <paramref name="index"/> of the whole history (beyond any prefix), for
    /// backtests that look at what came next.</summary>
    public string? SurveyAt(int index) => surveys[index];

    /// <summary>The first <paramref name="count"/> points: what was known at that origin.</summary>
    public TransformedHistory Prefix(int count) =>
        count is < 1 || count > Count
            ? throw new ArgumentOutOfRangeException(nameof(count))
            : new TransformedHistory(Region, Transform, years, values, z, surveys, count, Lineage);

    /// <summary>The points up to and including <paramref name="year"/>, or null when there is none.</summary>
    public TransformedHistory? Until(int year)
    {
        var count = 0;
        while (count < Count && years[count] <= year)
        {
            count++;
        }
        return count == 0 ? null : Prefix(count);
    }

    /// <summary>True when two of the points come from surveys of different families.</summary>
    public bool MixesSurveys()
    {
        for (var i = 1; i < Count; i++)
        {
            if (SurveyName.Differ(surveys[i - 1], surveys[i]))
            {
                return true;
            }
        }
        return false;
    }
}
