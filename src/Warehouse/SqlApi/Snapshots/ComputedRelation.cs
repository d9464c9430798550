using Kencana.Warehouse.Export;

namespace Kencana.Warehouse.SqlApi.Snapshots;

/// <summary>
/// A curated relation whose rows are computed in .NET (forecasts, outlooks) rather than selected from the warehouse;
/// the snapshot builder appends them to a table of the columns' types.
/// </summary>
/// <param name="Name">The relation's name.</param>
/// <param name="Description">What a row is.</param>
/// <param name="Columns">The columns, with their types and descriptions (an export dataset's, when there is one).</param>
/// <param name="Rows">The rows, one value per column in order, as <see cref="IComputedExportDataset.ComputeRows"/> yields them.</param>
public sealed record ComputedRelation(string Name, string Description, IReadOnlyList<ExportColumn> Columns, Func<CancellationToken, IEnumerable<object?[]>> Rows);
