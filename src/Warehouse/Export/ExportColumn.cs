namespace Kencana.Warehouse.Export;

/// <summary>One column of a dataset: its name and type in every format, and what it means.</summary>
/// <param name="Name">The column name in the file header, schema and catalogue.</param>
/// <param name="Type">The type in every format.</param>
/// <param name="Description">What the column holds.</param>
/// <param name="Unit">The unit of its values, when it has one of its own (a value's unit is its indicator's).</param>
/// <param name="Nullable">True when a row may have no value in the column.</param>
public sealed record ExportColumn(string Name, ExportColumnType Type, string Description, string? Unit = null, bool Nullable = false);
