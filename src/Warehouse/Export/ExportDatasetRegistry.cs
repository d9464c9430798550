namespace Kencana.Warehouse.Export;

/// <summary>The datasets the export serves, looked up by name, and the catalogue that describes them.</summary>
public sealed class ExportDatasetRegistry
{
    private readonly Dictionary<string, IExportDataset> _byName;

    /// <summary>Collects the datasets; their names must be unique.</summary>
    /// <exception cref="ArgumentException">Two datasets share a name.</exception>
    public ExportDatasetRegistry(IEnumerable<IExportDataset> datasets)
    {
        ArgumentNullException.ThrowIfNull(datasets);
        Datasets = [.. datasets.OrderBy(d => d.Name, StringComparer.Ordinal)];
        _byName = new Dictionary<string, IExportDataset>(StringComparer.OrdinalIgnoreCase);
        foreach (var dataset in Datasets)
        {
            if (!_byName.TryAdd(dataset.Name, dataset))
            {
                throw new ArgumentException($"Two export datasets are named '{dataset.Name}'.", nameof(datasets));
            }
        }
        Catalog = new ExportCatalog(
            [.. Datasets.Select(d => new ExportDatasetInfo(d.Name, d.Title, d.Description,
                [.. d.Columns.Select(c => new ExportColumnInfo(c.Name, c.Type.Name(), c.Description, c.Unit, c.Nullable))],
                d.Filters))],
            [.. ExportFormats.All.Select(f => new ExportFormatInfo(f.Extension(), f.MediaType(), f.Description(),
                f == ExportFormat.Csv ? [.. Enum.GetValues<CsvExportDialect>().Select(d => d.Name())] : []))]);
    }

    /// <summary>The datasets, by name.</summary>
    public IReadOnlyList<IExportDataset> Datasets { get; }

    /// <summary>The catalogue of every dataset.</summary>
    public ExportCatalog Catalog { get; }

    /// <summary>The dataset with the name (case-insensitive), or null.</summary>
    public IExportDataset? Find(string name) => _byName.GetValueOrDefault(name);
}
