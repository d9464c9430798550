using Kencana.Server.Forecasting;
using Kencana.Warehouse.Errors;
using Kencana.Warehouse.Export;
using Kencana.Warehouse.Model;
using Kencana.Warehouse.Queries;

namespace Kencana.Server.Export;

/// <summary>
/// What the <c>forecasts</c> and <c>outlooks</c> exports share: their filters' rules, the regions and indicators a
/// request names, the region columns every row starts with, and the models that decide the rows (for the ETag).
/// </summary>
internal sealed class ForecastScope(CatalogCache catalogs, RegionDirectory regions, ModelRegistry models)
{
    /// <summary>At most this many indicators in one request: each is a model and a forecast per region.</summary>
    public const int MaxIndicators = 5;

    public CatalogSnapshot Catalog(CancellationToken cancellationToken) => catalogs.Current(cancellationToken);

    /// <summary>Checks that the request names its indicators (at most <see cref="MaxIndicators"/>) and its regions.</summary>
    /// <exception cref="InvalidExportRequestException">It does not.</exception>
    public static void Validate(string dataset, ExportFilter filter)
    {
        if (filter.Indicators.Count is 0 or > MaxIndicators)
        {
            throw new InvalidExportRequestException(new ExportProblem(400, "invalid-parameter", "Invalid parameter value",
                $"The {dataset} export forecasts 1 to {MaxIndicators} indicators: name them with indicator=, for example indicator=STUNTING.", ExportParameter.Indicator));
        }
        if (filter.Regions.Count == 0 && filter.Parents.Count == 0 && filter.Levels.Count == 0)
        {
            throw new InvalidExportRequestException(new ExportProblem(400, "invalid-parameter", "Invalid parameter value",
                $"Name the regions of the {dataset} export with parent= or level= (at most 1,000 regions each), for example parent=64 for the kabupaten/kota of Kalimantan Timur.",
                ExportParameter.Parent));
        }
    }

    /// <summary>The regions a request names: exact ones, then the children of each parent (of the levels asked), in code order; at most 1,000 per parent or level.</summary>
    public IReadOnlyList<Region> Regions(ExportFilter filter, CatalogSnapshot catalog, CancellationToken cancellationToken)
    {
        var found = new Dictionary<RegionCode, Region>();
        foreach (var code in filter.Regions)
        {
            if (catalog.Regions.TryGetValue(code, out var region) && (filter.Levels.Count == 0 || filter.Levels.Contains(region.Level)))
            {
                found[code] = region;
            }
        }
        var levels = filter.Levels.Count == 0 ? [null] : filter.Levels.Select(l => (RegionLevel?)l).ToList();
        var parents = filter.Parents.Count == 0 && filter.Regions.Count == 0 ? [null] : filter.Parents.Select(p => (RegionCode?)p).ToList();
        foreach (var parent in parents)
        {
            foreach (var level in levels)
            {
                if (parent is null && level is null)
                {
                    continue;
                }
                foreach (var region in regions.List(level, parent, RegionDirectory.MaxPageSize, cancellationToken: cancellationToken))
                {
                    found[region.Code] = region;
                }
            }
        }
        return [.. found.Values.OrderBy(r => r.Code.Value, StringComparer.Ordinal)];
    }

    /// <summary>The indicators a request names, from the catalogue.</summary>
    public static IReadOnlyList<Indicator> Indicators(ExportFilter filter, CatalogSnapshot catalog) =>
        [.. filter.Indicators.Select(code => catalog.Indicators[code])];

    /// <summary>The models the rows come from, by indicator: their data version and training time.</summary>
    public string Revision(ExportFilter filter)
    {
        return string.Join(';', filter.Indicators.Select(code =>
        {
            try
            {
                var metadata = models.Get(code).Metadata;
                return $"{code}:{metadata.DataVersion}:{metadata.TrainedAt.UtcTicks}";
            }
            catch (UserInputException)
            {
                return $"{code}:none";
            }
        }));
    }

    /// <summary>The values of <see cref="ExportRegionColumns.All"/> for a region.</summary>
    public static object?[] RegionValues(Indicator indicator, Region region) =>
    [
        indicator.Code, region.Code.Value, region.Name, region.Level.ToStorageName(), region.ParentCode?.Value,
        region.Code.Province?.Value,
    ];
}
