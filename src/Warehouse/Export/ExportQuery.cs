namespace Kencana.Warehouse.Export;

/// <summary>The SQL of an export and its parameter values. The text comes from code only; every value from a request is a parameter.</summary>
/// <param name="Sql">One SELECT statement.</param>
/// <param name="Parameters">Named parameter values (<c>$p0</c>, ...).</param>
public sealed record ExportQuery(string Sql, IReadOnlyList<KeyValuePair<string, object?>> Parameters);
