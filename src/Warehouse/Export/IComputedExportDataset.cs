namespace Kencana.Warehouse.Export;

/// <summary>
/// A dataset whose rows are computed in .NET rather than selected by SQL (forecasts, outlooks). The export session
/// stages the rows in a temporary table on its own connection (<see cref="ExportStaging"/>) before any format is
/// written, and <see cref="IExportDataset.BuildQuery"/> selects from that table, so that CSV, Parquet, Arrow and
/// .xlsx are written by the same writers as every other dataset.
/// </summary>
public interface IComputedExportDataset : IExportDataset
{
    /// <summary>
    /// What, beside the data version, decides the rows (the model a forecast comes from), for the export's ETag;
    /// cheaper than the rows, so that a request answered 304 computes none.
    /// </summary>
    /// <param name="filter">The validated filters.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    string Revision(ExportFilter filter, CancellationToken cancellationToken);

    /// <summary>
    /// The rows, each an array with one value per column of <see cref="IExportDataset.Columns"/> in order: a
    /// <see cref="string"/> for text and region codes, <see cref="short"/>, <see cref="int"/>, <see cref="long"/>,
    /// <see cref="double"/>, <see cref="bool"/> or <see cref="DateOnly"/> for the others, null for none.
    /// </summary>
    /// <param name="filter">The validated filters.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <exception cref="InvalidExportRequestException">The filters ask for rows that cannot be computed.</exception>
    IEnumerable<object?[]> ComputeRows(ExportFilter filter, CancellationToken cancellationToken);
}
