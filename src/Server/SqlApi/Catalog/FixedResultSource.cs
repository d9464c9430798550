using Kencana.Server.SqlApi.Session;
using Kencana.Warehouse.SqlApi;

namespace Kencana.Server.SqlApi.Catalog;

/// <summary>Rows known before a statement runs: its columns for Describe, and a fresh result for each Execute.</summary>
internal sealed record FixedResultSource(IReadOnlyList<SqlColumn> Columns, IReadOnlyList<object?[]> Rows)
{
    public LocalStatement Statement(string tag = "SELECT") => new(Columns, () => new StatementAnswer(tag, new FixedResult(Columns, Rows)));
}
