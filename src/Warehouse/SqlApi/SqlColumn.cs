namespace Kencana.Warehouse.SqlApi;

/// <summary>One column of a statement's result.</summary>
/// <param name="Name">The column name as the statement gives it.</param>
/// <param name="Type">Its type as clients see it.</param>
public sealed record SqlColumn(string Name, SqlType Type);
