namespace Kencana.Warehouse.Export;

/// <summary>Why an export request cannot be served, in the terms of an RFC 9457 problem: HTTP writes it as
/// <c>application/problem+json</c>, Arrow Flight as a gRPC status with the same detail.</summary>
/// <param name="Status">The HTTP status: 404 for an unknown dataset or format, 422 for a roll-up of an indicator that
/// does not add up, 400 otherwise.</param>
/// <param name="Kind">A stable slug naming the kind of problem, for example <c>unknown-indicator</c>; the problem type is built from it.</param>
/// <param name="Title">A short summary that is the same for every problem of the kind.</param>
/// <param name="Detail">What is wrong with this request and how to fix it.</param>
/// <param name="Parameter">The request parameter at fault, when one is.</param>
public sealed record ExportProblem(int Status, string Kind, string Title, string Detail, string? Parameter = null)
{
    /// <summary>The problem type URI: a URN, since the kinds are identifiers rather than pages.</summary>
    public string Type => $"urn:kencana:problem:{Kind}";

    internal static ExportProblem UnknownDataset(string name, IEnumerable<string> known) =>
        new(404, "unknown-dataset", "Unknown dataset",
            $"There is no dataset {ProblemText.Quote(name)}. Datasets: {string.Join(", ", known)} (GET /api/v1/export lists them with their columns).");

    internal static ExportProblem UnknownFormat(string extension) =>
        new(404, "unknown-format", "Unknown format",
            $"{ProblemText.Quote(extension)} is not an export format: use {string.Join(", ", ExportFormats.All.Select(f => f.Extension()))}.");

    internal static ExportProblem UnknownParameter(string name, string dataset, IEnumerable<string> accepted) =>
        new(400, "unknown-parameter", "Unknown parameter",
            $"{ProblemText.Quote(name)} is not a parameter of the {dataset} export; it takes {string.Join(", ", accepted)}.", ProblemText.Escape(name));

    internal static ExportProblem InvalidValue(string parameter, string detail) =>
        new(400, "invalid-parameter", "Invalid parameter value", detail, parameter);

    internal static ExportProblem UnknownIndicator(string parameter, IEnumerable<string> codes) =>
        new(400, "unknown-indicator", "Unknown indicator",
            $"No indicator has the code {ProblemText.QuoteList([.. codes])}; the indicators are listed by GraphQL {{ indicators {{ code }} }}.", parameter);

    internal static ExportProblem UnknownRegion(string parameter, IEnumerable<string> codes) =>
        new(400, "unknown-region", "Unknown region",
            $"No region has the Kemendagri code {ProblemText.QuoteList([.. codes])}.", parameter);

    internal static ExportProblem InvalidYears(string parameter, string detail) =>
        new(400, "invalid-years", "Invalid year range", detail, parameter);

    internal static ExportProblem Unbounded(string dataset) =>
        new(400, "unbounded-export", "Export needs a filter",
            $"Without an indicator or region filter the {dataset} export is every value for every region (the whole warehouse). Name what you want with indicator=, region=, parent= or ancestor=, or add all=true to ask for everything on purpose.",
            ExportParameter.Indicator);

    internal static ExportProblem NotAdditive(string parameter, string detail) =>
        new(422, "not-additive", "Indicator does not roll up", detail, parameter);
}
