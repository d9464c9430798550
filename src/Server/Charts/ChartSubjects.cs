using Kencana.Server.Localization;
using Kencana.Warehouse.Model;
using Kencana.Warehouse.Queries;

namespace Kencana.Server.Charts;

/// <summary>
/// The indicator, region and sources a chart is about, read from the catalogue the GraphQL API checks codes
/// against, and named in the request's language.
/// </summary>
internal static class ChartSubjects
{
    private const int MaxSourcesNamed = 6;

    /// <exception cref="ChartProblemException">The parameter is missing or names no indicator.</exception>
    public static Indicator Indicator(ChartRequest request, CatalogSnapshot catalog, PlannerTexts texts, string parameter = "indicator")
    {
        var code = request.Required(parameter);
        return catalog.Indicator(code) ?? throw new ChartProblemException(400, "unknown-indicator", "Unknown indicator",
            $"{texts.Get("error.UNKNOWN_INDICATOR", request.Language)} {string.Join(", ", catalog.Indicators.Keys.Order(StringComparer.Ordinal))}", parameter);
    }

    /// <exception cref="ChartProblemException">The parameter is missing, malformed or names no region.</exception>
    public static Region Region(ChartRequest request, CatalogSnapshot catalog, PlannerTexts texts, string parameter)
    {
        var text = request.Required(parameter);
        if (!RegionCode.TryParse(text, out var code))
        {
            throw new ChartProblemException(400, "invalid-region-code", "Invalid region code", texts.Get("error.INVALID_REGION_CODE", request.Language), parameter);
        }
        return catalog.Regions.GetValueOrDefault(code) ?? throw new ChartProblemException(400, "unknown-region", "Unknown region",
            texts.Get("error.UNKNOWN_REGION", request.Language), parameter);
    }

    public static string Name(this Indicator indicator, Language language) => language == Language.English ? indicator.NameEn : indicator.NameId;

    public static string Unit(this Indicator indicator, PlannerTexts texts, Language language) => texts.Find("unit." + indicator.Unit, language) ?? indicator.Unit;

    /// <summary>
    /// The footer line naming the sources (publisher and id, the id being what the export's Sources sheet and GraphQL
    /// <c>sources</c> list) and the data version.
    /// </summary>
    public static string SourceLine(IEnumerable<string> sourceIds, CatalogSnapshot catalog, PlannerTexts texts, Language language)
    {
        var ids = sourceIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var named = ids.Take(MaxSourcesNamed).Select(id => catalog.Sources.TryGetValue(id, out var source) ? $"{source.Publisher} ({id})" : id);
        var list = string.Join("; ", named) + (ids.Count > MaxSourcesNamed ? texts.Get("chart.moreSources", language, ids.Count - MaxSourcesNamed) : "");
        return texts.Get("chart.sources", language, list, catalog.DataVersion);
    }
}
