using System.Globalization;
using System.Text;
using Kencana.Server.Localization;

namespace Kencana.Server.Charts;

/// <summary>
/// A checked chart request: which chart, in which format and size, in which language, and the chart's own
/// parameters as given (trimmed). Every parameter is bounded: a width, height or year outside its range, a parameter
/// the chart does not take or one given twice is refused with a problem naming it.
/// </summary>
public sealed class ChartRequest
{
    public const string Width = "width";
    public const string Height = "height";

    private readonly SortedDictionary<string, string> _parameters;
    private readonly PlannerTexts _texts;

    private ChartRequest(IChart chart, ChartFormat format, int width, int height, Language language, SortedDictionary<string, string> parameters, PlannerTexts texts)
    {
        Chart = chart;
        Format = format;
        PixelWidth = width;
        PixelHeight = height;
        Language = language;
        _parameters = parameters;
        _texts = texts;
    }

    public IChart Chart { get; }

    public ChartFormat Format { get; }

    public int PixelWidth { get; }

    public int PixelHeight { get; }

    public Language Language { get; }

    /// <summary>Everything that decides the image, in a fixed order: the key of its ETag.</summary>
    public string CanonicalKey
    {
        get
        {
            var key = new StringBuilder($"{Chart.Name}.{Format.Extension()}?lang={Language.Code()}&width={PixelWidth}&height={PixelHeight}");
            foreach (var (name, value) in _parameters)
            {
                key.Append('&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
            }
            return key.ToString();
        }
    }

    /// <summary>Checks the query string of a request for <paramref name="chart"/>.</summary>
    /// <exception cref="ChartProblemException">A parameter is unknown, repeated or out of range.</exception>
    public static ChartRequest Parse(IChart chart, ChartFormat format, Language language, IQueryCollection query, ChartOptions options, PlannerTexts texts)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(texts);
        var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal);
        int? width = null, height = null;
        foreach (var (rawName, values) in query)
        {
            var name = rawName.Trim();
            if (values.Count != 1)
            {
                throw Invalid(texts, language, name, "chart.problem.repeated", name);
            }
            var value = (values[0] ?? "").Trim();
            if (name == LanguageNegotiation.Parameter)
            {
                continue;
            }
            if (name == Width || name == Height)
            {
                var size = ParseBounded(texts, language, name, value, options.MinSize, options.MaxSize, "chart.problem.size");
                if (name == Width)
                {
                    width = size;
                }
                else
                {
                    height = size;
                }
                continue;
            }
            if (!chart.Parameters.Contains(name, StringComparer.Ordinal))
            {
                var accepted = string.Join(", ", chart.Parameters.Concat([Width, Height, LanguageNegotiation.Parameter]));
                throw new ChartProblemException(400, "unknown-parameter", "Unknown parameter",
                    texts.Get("chart.problem.unknownParameter", language, Quote(name), chart.Name, accepted), Quote(name));
            }
            parameters[name] = value;
        }
        return new ChartRequest(chart, format, width ?? options.DefaultWidth, height ?? options.DefaultHeight, language, parameters, texts);
    }

    /// <summary>A parameter the chart cannot do without.</summary>
    /// <exception cref="ChartProblemException">It is missing or empty.</exception>
    public string Required(string name) =>
        Optional(name) ?? throw Invalid(_texts, Language, name, "chart.problem.required", name);

    /// <summary>A parameter's value, or null when it is absent or empty.</summary>
    public string? Optional(string name) => _parameters.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    /// <summary>A whole number within bounds, or null when absent.</summary>
    /// <exception cref="ChartProblemException">It is not a whole number within the bounds.</exception>
    public int? OptionalInteger(string name, int min, int max) =>
        Optional(name) is { } text ? ParseBounded(_texts, Language, name, text, min, max, "chart.problem.range") : null;

    /// <summary>A whole number within bounds.</summary>
    /// <exception cref="ChartProblemException">It is missing, or not a whole number within the bounds.</exception>
    public int RequiredInteger(string name, int min, int max) =>
        ParseBounded(_texts, Language, name, Required(name), min, max, "chart.problem.range");

    private static int ParseBounded(PlannerTexts texts, Language language, string name, string text, int min, int max, string key)
    {
        // At most 9 digits: int.Parse would accept a megabyte of leading zeros.
        if (text.Length > 9 || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw Invalid(texts, language, name, key, name, min.ToString(CultureInfo.InvariantCulture), max.ToString(CultureInfo.InvariantCulture));
        }
        return value;
    }

    private static ChartProblemException Invalid(PlannerTexts texts, Language language, string parameter, string key, params object?[] arguments) =>
        new(400, "invalid-parameter", "Invalid parameter value", texts.Get(key, language, arguments), Quote(parameter));

    /// <summary>A parameter name as a problem may quote it: at most 40 printable ASCII characters.</summary>
    private static string Quote(string name)
    {
        var printable = new string([.. name.Take(40).Select(c => c is >= ' ' and <= '~' ? c : '?')]);
        return name.Length > 40 ? printable + "..." : printable;
    }
}
