namespace Kencana.Warehouse.Export;

/// <summary>
/// How to read a dataset's CSV (the default dialect) with its declared column types in pandas, R readr, DuckDB and
/// Power Query (Power BI, Excel's Get Data), generated from the dataset's columns so that they cannot drift from it.
/// </summary>
/// <remarks>
/// Every one of these readers guesses a column's type from its values when not told, and takes region codes for
/// numbers: 64.10 becomes 64.1 and 64 becomes 64.0, and no setting in the file itself stops them. Naming the types
/// is what works in all of them. Only an empty field is null, so that text such as NA stays text.
/// </remarks>
public static class ExportReadRecipes
{
    /// <summary>The recipes for a dataset's CSV at <paramref name="url"/>, one per reader.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="url">Where the CSV is, filters and all.</param>
    public static IReadOnlyList<ExportReadRecipe> For(IExportDataset dataset, string url)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(url);
        return [Pandas(dataset.Columns, url), Readr(dataset.Columns, url), DuckDB(dataset.Columns, url), PowerQuery(dataset.Columns, url)];
    }

    private static ExportReadRecipe Pandas(IReadOnlyList<ExportColumn> columns, string url)
    {
        // pandas reads integers with a null as floats unless told a nullable integer type; the others it guesses right.
        var types = columns.Select(c => (c.Name, Type: c.Type switch
        {
            ExportColumnType.Text or ExportColumnType.RegionCode => "str",
            ExportColumnType.SmallInt => "Int16",
            ExportColumnType.Integer32 => "Int32",
            ExportColumnType.BigInt => "Int64",
            ExportColumnType.DoublePrecision => "float64",
            ExportColumnType.Boolean => "boolean",
            _ => null,
        })).Where(t => t.Type is not null);
        var dates = columns.Where(c => c.Type == ExportColumnType.Date).Select(c => $"\"{c.Name}\"");
        return new("pandas",
            $"import pandas as pd\ndf = pd.read_csv(\"{url}\", keep_default_na=False, na_values=[\"\"], parse_dates=[{string.Join(", ", dates)}],\n"
            + $"    dtype={{{string.Join(", ", types.Select(t => $"\"{t.Name}\": \"{t.Type}\""))}}})");
    }

    private static ExportReadRecipe Readr(IReadOnlyList<ExportColumn> columns, string url)
    {
        // readr has no 64-bit integer without bit64; a double holds every count exactly up to 2^53.
        var types = columns.Select(c => $"{c.Name} = \"{c.Type switch
        {
            ExportColumnType.Text or ExportColumnType.RegionCode => "c",
            ExportColumnType.SmallInt or ExportColumnType.Integer32 => "i",
            ExportColumnType.BigInt or ExportColumnType.DoublePrecision => "d",
            ExportColumnType.Boolean => "l",
            _ => "D",
        }}\"");
        return new("readr", $"df <- readr::read_csv(\"{url}\", na = \"\",\n    col_types = readr::cols({string.Join(", ", types)}))");
    }

    private static ExportReadRecipe DuckDB(IReadOnlyList<ExportColumn> columns, string url)
    {
        var types = columns.Select(c => $"'{c.Name}': '{ExportColumnTypes.SqlType(c.Type)}'");
        return new("duckdb", $"SELECT * FROM read_csv('{url}', header = true, delim = ',', quote = '\"',\n    types = {{{string.Join(", ", types)}}})");
    }

    private static ExportReadRecipe PowerQuery(IReadOnlyList<ExportColumn> columns, string url)
    {
        var types = columns.Select(c => $"{{\"{c.Name}\", {c.Type switch
        {
            ExportColumnType.Text or ExportColumnType.RegionCode => "type text",
            ExportColumnType.SmallInt or ExportColumnType.Integer32 or ExportColumnType.BigInt => "Int64.Type",
            ExportColumnType.DoublePrecision => "type number",
            ExportColumnType.Boolean => "type logical",
            _ => "type date",
        }}}}");
        // The culture makes the decimal point and ISO dates read the same whatever the machine's locale.
        return new("powerquery",
            $"let\n    Source = Csv.Document(Web.Contents(\"{url}\"), [Delimiter = \",\", Encoding = 65001, QuoteStyle = QuoteStyle.Csv]),\n"
            + "    Headers = Table.PromoteHeaders(Source, [PromoteAllScalars = true]),\n"
            + $"    Typed = Table.TransformColumnTypes(Headers, {{{string.Join(", ", types)}}}, \"en-US\")\nin\n    Typed");
    }
}
