using GraphQL.DataLoader;
using Kencana.Warehouse.Model;
using Kencana.Warehouse.Queries;
using Kencana.Warehouse.Targets;

namespace Kencana.Server.GraphQL.Loading;

/// <summary>
/// One request's batched access to the warehouse: children, series, targets and scorecards are loaded for all the
/// objects of a result level at once; indicators, sources and regions come from the data version's catalogues in
/// memory (<see cref="CatalogCache"/>), fixed for the whole request.
/// </summary>
public sealed class RequestLoader
{
    private readonly Lazy<CatalogSnapshot> _catalog;
    private readonly BatchLoader<RegionCode, Region[]> _children;
    private readonly BatchLoader<RegionCode, long> _childCounts;
    private readonly BatchLoader<(string Indicator, bool DefaultOnly, RegionCode Region), Observation[]> _observations;
    private readonly BatchLoader<(string Indicator, RegionCode Region), Target[]> _targets;
    private readonly BatchLoader<(Period Period, string? Plan, RegionCode Region), Scorecard> _scorecards;

    public RequestLoader(CatalogCache catalogs, RegionDirectory regions, SeriesReader series, ScorecardReader scorecards)
    {
        _catalog = new(() => catalogs.Current(), LazyThreadSafetyMode.ExecutionAndPublication);
        _children = new((codes, cancel) => regions.ChildrenOf(codes, cancel).ToDictionary(g => g.Key, g => g.ToArray()));
        _childCounts = new((codes, cancel) => regions.CountChildren(codes, cancel));
        _observations = new((keys, cancel) => keys
            .GroupBy(k => (k.Indicator, k.DefaultOnly))
            .SelectMany(group =>
            {
                var found = series.GetObservations(group.Key.Indicator, [.. group.Select(k => k.Region)], group.Key.DefaultOnly, cancel);
                return group.Select(k => (Key: k, Value: found[k.Region].ToArray()));
            })
            .ToDictionary(x => x.Key, x => x.Value));
        _targets = new((keys, cancel) => keys
            .GroupBy(k => k.Indicator)
            .SelectMany(group =>
            {
                var found = series.GetTargets(group.Key, [.. group.Select(k => k.Region)], cancel);
                return group.Select(k => (Key: k, Value: found[k.Region].ToArray()));
            })
            .ToDictionary(x => x.Key, x => x.Value));
        _scorecards = new((keys, cancel) => keys
            .GroupBy(k => (k.Period, k.Plan))
            .SelectMany(group =>
            {
                var found = scorecards.ForRegions([.. group.Select(k => k.Region)], group.Key.Period, group.Key.Plan, cancel);
                return group.Select(k => (Key: k, Value: found[k.Region]));
            })
            .ToDictionary(x => x.Key, x => x.Value));
    }

    /// <summary>The catalogues of the data version this request answers from.</summary>
    public CatalogSnapshot Catalog => _catalog.Value;

    public IReadOnlyCollection<Indicator> Indicators => [.. Catalog.Indicators.Values.OrderBy(i => i.Code, StringComparer.Ordinal)];

    public Indicator? Indicator(string code) => Catalog.Indicator(code);

    public Source Source(string id) => Catalog.Sources.TryGetValue(id, out var source)
        ? source
        : throw new InvalidOperationException($"Source {id} is cited but not in the warehouse.");

    public IDataLoaderResult<Region?> Region(RegionCode code) => DataLoaderResultExtensions.Completed(Catalog.Regions.GetValueOrDefault(code));

    public IDataLoaderResult<Region[]?> Children(RegionCode parent) => _children.Load(parent);

    public IDataLoaderResult<long> ChildCount(RegionCode parent) => _childCounts.Load(parent);

    public IDataLoaderResult<Observation[]?> Observations(string indicator, RegionCode region, bool defaultOnly) => _observations.Load((indicator, defaultOnly, region));

    public IDataLoaderResult<Target[]?> Targets(string indicator, RegionCode region) => _targets.Load((indicator, region));

    public IDataLoaderResult<Scorecard?> Scorecard(RegionCode region, Period period, string? plan) => _scorecards.Load((period, plan, region));
}
