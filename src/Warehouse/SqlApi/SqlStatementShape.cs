namespace Kencana.Warehouse.SqlApi;

/// <summary>What a prepared statement takes and returns, known before it runs.</summary>
/// <param name="Parameters">The types of <c>$1</c>, <c>$2</c>, ... in order; <see cref="SqlType.Text"/> where the engine cannot tell.</param>
/// <param name="Columns">The result columns; empty for a statement that returns no rows.</param>
public sealed record SqlStatementShape(IReadOnlyList<SqlType> Parameters, IReadOnlyList<SqlColumn> Columns);
