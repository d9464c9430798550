namespace Kencana.Warehouse.Aggregation;

/// <summary>
/// The SQL of each dimension and measure over one source of rows: the observations themselves (<c>o</c>, with
/// regions <c>r</c>) or the pre-aggregated table (<c>p</c>). Fixed text, never from a request.
/// </summary>
internal sealed record AggregateSql(
    IReadOnlyDictionary<AggregateDimension, string> Dimensions,
    IReadOnlyDictionary<AggregateMeasure, string> Measures,
    string WeightedCount,
    string Synthetic);
