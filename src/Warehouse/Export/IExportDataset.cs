using Kencana.Warehouse.Model;

namespace Kencana.Warehouse.Export;

/// <summary>
/// A dataset the export serves in every format. A new dataset is one class implementing this, registered as a
/// service; the HTTP endpoints, the catalogue and Arrow Flight pick it up from there.
/// </summary>
public interface IExportDataset
{
    /// <summary>The name in URLs and tickets, for example <c>observations</c>.</summary>
    string Name { get; }

    /// <summary>A one-line title.</summary>
    string Title { get; }

    /// <summary>What a row is, and the rules behind its values.</summary>
    string Description { get; }

    /// <summary>The columns, in order.</summary>
    IReadOnlyList<ExportColumn> Columns { get; }

    /// <summary>The filters it takes; any other parameter is refused.</summary>
    IReadOnlyList<ExportFilterInfo> Filters { get; }

    /// <summary>Checks the dataset's own rules on already parsed filters.</summary>
    /// <param name="filter">The filters, with every code known to exist.</param>
    /// <param name="indicators">The indicator catalogue by code.</param>
    /// <exception cref="InvalidExportRequestException">The request breaks a rule; the problem says which.</exception>
    void Validate(ExportFilter filter, IReadOnlyDictionary<string, Indicator> indicators);

    /// <summary>The query that yields the rows, with exactly <see cref="Columns"/> in order.</summary>
    ExportQuery BuildQuery(ExportFilter filter);
}
