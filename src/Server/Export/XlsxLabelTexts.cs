using Kencana.Server.Localization;
using Kencana.Warehouse.Export;

namespace Kencana.Server.Export;

/// <summary>A spreadsheet export's headers and sheet names in a language, from the planner's texts (<c>export.*</c> keys).</summary>
internal static class XlsxLabelTexts
{
    private static readonly string[] SourceColumns = ["id", "title", "publisher", "url", "published_on", "priority"];

    public static XlsxLabels For(PlannerTexts texts, Language language) => new(
        texts.Get("export.sheet.data", language),
        texts.Get("export.sheet.sources", language),
        // A column added to a dataset before its translation keeps its own name rather than failing the export.
        name => texts.Find("export.column." + name, language) ?? name,
        [.. SourceColumns.Select(c => texts.Get("export.source." + c, language))]);
}
