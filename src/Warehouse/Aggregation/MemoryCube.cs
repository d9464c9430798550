using DuckDB.NET.Data;
using Kencana.Warehouse.Model;
using Kencana.Warehouse.Queries;
using Kencana.Warehouse.Storage;

namespace Kencana.Warehouse.Aggregation;

/// <summary>
/// One observations version's pre-aggregated table held in memory, column by column, so that an aggregate or a page
/// total that fits it is answered without a statement: a statement costs the server about two milliseconds however
/// few rows it reads, while summing the few hundred table rows of a province takes microseconds.
/// </summary>
/// <remarks>
/// It answers what the SQL over the table (<see cref="PreAggregates.Sql"/>) answers: the same filters, groups,
/// measures, HAVING, order (dimensions as text or numbers, nulls last) and paging. Rows are kept ordered by indicator
/// and province, with the range of each pair indexed, so a request reads only its indicators' and province's rows.
/// </remarks>
internal sealed class MemoryCube
{
    private readonly Codes _indicators;
    private readonly Codes _provinces;
    private readonly Codes _levels;
    private readonly Codes _periods;
    private readonly RegionCode?[] _provinceCodes;
    private readonly RegionLevel?[] _levelValues;
    private readonly SubPeriod?[] _periodValues;
    private readonly Row[] _rows;

    /// <summary>Start and end (exclusive) of each indicator and province's rows.</summary>
    private readonly Dictionary<(int Indicator, int Province), (int Start, int End)> _ranges = [];

    /// <summary>Start and end (exclusive) of each indicator's rows.</summary>
    private readonly Dictionary<int, (int Start, int End)> _indicatorRanges = [];

    private MemoryCube(Row[] rows, Codes indicators, Codes provinces, Codes levels, Codes periods)
    {
        _rows = rows;
        _indicators = indicators;
        _provinces = provinces;
        _levels = levels;
        _periods = periods;
        _provinceCodes = [.. provinces.Values.Select(p => p is null ? (RegionCode?)null : RegionCode.Parse(p))];
        _levelValues = [.. levels.Values.Select(l => l is null ? (RegionLevel?)null : RegionLevels.FromStorageName(l))];
        _periodValues = [.. periods.Values.Select(p => p is null ? (SubPeriod?)null : Period.SubPeriodFromCode(p))];
        for (var start = 0; start < rows.Length;)
        {
            var end = start + 1;
            while (end < rows.Length && rows[end].Indicator == rows[start].Indicator && rows[end].Province == rows[start].Province)
            {
                end++;
            }
            _ranges[(rows[start].Indicator, rows[start].Province)] = (start, end);
            _indicatorRanges[rows[start].Indicator] = _indicatorRanges.TryGetValue(rows[start].Indicator, out var earlier) ? (earlier.Start, end) : (start, end);
            start = end;
        }
    }

    /// <summary>How many rows of the table it holds.</summary>
    public int Count => _rows.Length;

    /// <summary>
    /// Reads the table into memory, or returns null when it has more than <paramref name="maxRows"/> rows (requests
    /// then run as SQL over the table).
    /// </summary>
    /// <param name="connection">An open connection to the warehouse.</param>
    /// <param name="table">The table's name, made by <see cref="PreAggregates"/>, never from request text.</param>
    /// <param name="maxRows">The most rows to hold.</param>
    /// <param name="cancellationToken">Interrupts the read.</param>
    public static MemoryCube? Load(DuckDBConnection connection, string table, int maxRows, CancellationToken cancellationToken)
    {
        var count = connection.Scalar<long>($"SELECT count(*) FROM {table}", cancellationToken);
        if (count > maxRows)
        {
            return null;
        }
        var (indicators, provinces, levels, periods) = (new Codes(), new Codes(), new Codes(), new Codes());
        var rows = connection.Query(
            $"""
            SELECT indicator_code, province_code, below_province, level::VARCHAR, year, period::VARCHAR, is_default, is_synthetic,
                   n, sum_value, min_value, max_value, sum_weighted_value, sum_weight, weighted_n
            FROM {table}
            ORDER BY indicator_code, province_code NULLS FIRST, below_province, level, year, period, is_default, is_synthetic
            """,
            r => new Row(
                indicators.Of(r.GetString(0)),
                provinces.Of(r.IsDBNull(1) ? null : r.GetString(1)),
                r.GetBoolean(2),
                levels.Of(r.IsDBNull(3) ? null : r.GetString(3)),
                r.GetInt32(4),
                periods.Of(r.IsDBNull(5) ? null : r.GetString(5)),
                r.GetBoolean(6),
                r.GetBoolean(7),
                r.GetInt64(8),
                r.GetDouble(9),
                r.GetDouble(10),
                r.GetDouble(11),
                r.IsDBNull(12) ? null : r.GetDouble(12),
                r.IsDBNull(13) ? null : r.GetDouble(13),
                r.GetInt64(14)),
            cancellationToken).ToArray();
        return new MemoryCube(rows, indicators, provinces, levels, periods);
    }

    /// <summary>How many observations the filter selects; the filter must fit the table (<see cref="ObservationFilter.FitsCube"/>).</summary>
    public long CountObservations(ObservationFilter filter)
    {
        var selection = Select(filter);
        long total = 0;
        foreach (var (start, end) in Ranges(selection))
        {
            for (var i = start; i < end; i++)
            {
                if (selection.Holds(_rows[i]))
                {
                    total += _rows[i].N;
                }
            }
        }
        return total;
    }

    /// <summary>The aggregate; the request must fit the table (no medians, sources, single regions, parents or sources).</summary>
    public IReadOnlyList<AggregateRow> Aggregate(AggregateRequest request)
    {
        var dimensions = request.GroupBy.Distinct().ToList();
        var selection = Select(request.Filter);
        var groups = new Dictionary<GroupKey, int>();
        var sums = new List<Sums>();
        if (dimensions.Count == 0)
        {
            // Like SQL without GROUP BY: one group, even of nothing.
            groups[GroupKey.None] = 0;
            sums.Add(Sums.Empty);
        }
        foreach (var (start, end) in Ranges(selection))
        {
            for (var i = start; i < end; i++)
            {
                ref readonly var row = ref _rows[i];
                if (!selection.Holds(row))
                {
                    continue;
                }
                var key = GroupKey.Of(row, dimensions);
                if (!groups.TryGetValue(key, out var g))
                {
                    groups[key] = g = sums.Count;
                    sums.Add(Sums.Empty);
                }
                sums[g] = sums[g].Add(row);
            }
        }

        var kept = groups.Where(pair => Meets(sums[pair.Value], request.Having)).Select(pair => (Key: pair.Key, Sums: sums[pair.Value])).ToList();
        kept.Sort((a, b) => Compare(a.Key, a.Sums, b.Key, b.Sums, request, dimensions));
        return [.. kept.Skip(request.Offset).Take(request.Limit).Select(group => ToRow(group.Key, group.Sums, request))];
    }

    private static bool Meets(Sums sums, IReadOnlyList<HavingCondition>? having)
    {
        foreach (var condition in having ?? [])
        {
            // As in SQL, a comparison with a missing measure (NULL) keeps no group.
            if (sums.Measure(condition.Measure) is not { } value || !condition.Holds(value))
            {
                return false;
            }
        }
        return true;
    }

    private int Compare(GroupKey a, Sums sa, GroupKey b, Sums sb, AggregateRequest request, List<AggregateDimension> dimensions)
    {
        if (request.OrderBy is { } measure)
        {
            var (x, y) = (sa.Measure(measure), sb.Measure(measure));
            var byMeasure = (x, y) switch
            {
                (null, null) => 0,
                (null, _) => 1, // NULLS LAST in either direction
                (_, null) => -1,
                _ => request.Descending ? y!.Value.CompareTo(x!.Value) : x!.Value.CompareTo(y!.Value),
            };
            if (byMeasure != 0)
            {
                return byMeasure;
            }
        }
        foreach (var dimension in dimensions)
        {
            var c = dimension switch
            {
                AggregateDimension.Indicator => Text(_indicators.Values[a.Indicator], _indicators.Values[b.Indicator]),
                AggregateDimension.Province => Text(_provinces.Values[a.Province], _provinces.Values[b.Province]),
                AggregateDimension.Level => Text(_levels.Values[a.Level], _levels.Values[b.Level]),
                AggregateDimension.Period => Text(_periods.Values[a.Period], _periods.Values[b.Period]),
                AggregateDimension.Year => a.Year.CompareTo(b.Year),
                _ => throw new InvalidOperationException($"The pre-aggregates do not keep {dimension}."),
            };
            if (c != 0)
            {
                return c;
            }
        }
        return 0;
    }

    /// <summary>DuckDB orders text byte by byte, nulls last.</summary>
    private static int Text(string? x, string? y) => (x, y) switch
    {
        (null, null) => 0,
        (null, _) => 1,
        (_, null) => -1,
        _ => string.CompareOrdinal(x, y),
    };

    private AggregateRow ToRow(GroupKey key, Sums sums, AggregateRequest request)
    {
        double? Measure(AggregateMeasure measure) =>
            request.Measures is null || request.Measures.Contains(measure) ? Aggregator.Tidy(sums.Measure(measure)) : null;
        var aggregateKey = new AggregateKey(
            key.Indicator >= 0 ? _indicators.Values[key.Indicator] : null,
            null,
            key.Level >= 0 ? _levelValues[key.Level] : null,
            key.Province >= 0 ? _provinceCodes[key.Province] : null,
            null,
            key.Year == GroupKey.Absent ? null : key.Year,
            key.Period >= 0 ? _periodValues[key.Period] : null,
            null);
        return new AggregateRow(
            aggregateKey,
            sums.N,
            Measure(AggregateMeasure.Min),
            Measure(AggregateMeasure.Max),
            Measure(AggregateMeasure.Mean),
            Measure(AggregateMeasure.WeightedMean),
            request.IncludeWeightedCount ? sums.WeightedN : 0,
            null,
            null,
            null,
            null,
            request.IncludeSynthetic && sums.Synthetic,
            []);
    }

    private Selection Select(ObservationFilter filter)
    {
        if (!filter.FitsCube)
        {
            throw new InvalidOperationException("The pre-aggregates hold no single regions, parents or sources.");
        }
        int[]? indicators = filter.Indicators is { Count: > 0 } codes
            ? [.. codes.Select(c => c.Trim().ToUpperInvariant()).Distinct().Select(_indicators.Find).Where(i => i >= 0)]
            : null;
        bool[]? levels = filter.Levels is { Count: > 0 } wanted
            ? [.. _levels.Values.Select(l => l is not null && wanted.Any(w => w.ToStorageName() == l))]
            : null;
        bool[]? periods = filter.Granularity is { } granularity
            ? [.. _periodValues.Select(p => p is { } sub && Period.GranularityOf(sub) == granularity)]
            : null;
        // A province scope keeps the rows below it (its own row is not below itself); the nation's scope keeps every
        // row but the nation's own.
        int? province = filter.AncestorCode is { Depth: 1 } ancestor ? _provinces.Find(ancestor.Value) : (int?)null;
        var belowNation = filter.AncestorCode == RegionCode.Nation;
        var nothing = (indicators is { Length: 0 }) || province == -1;
        return new Selection(indicators, province, belowNation, _provinces.Find(null), levels, filter.FromYear, filter.ToYear, periods,
            filter.PreferredOnly, filter.Synthetic, nothing);
    }

    private IEnumerable<(int Start, int End)> Ranges(Selection selection)
    {
        if (selection.Nothing)
        {
            yield break;
        }
        if (selection.Province is null && selection.Indicators is null)
        {
            yield return (0, _rows.Length);
            yield break;
        }
        var indicators = selection.Indicators ?? Enumerable.Range(0, _indicators.Values.Count);
        foreach (var indicator in indicators)
        {
            if (selection.Province is { } province)
            {
                if (_ranges.TryGetValue((indicator, province), out var range))
                {
                    yield return range;
                }
                continue;
            }
            // Rows are ordered by indicator, then province: an indicator's rows are one range.
            if (_indicatorRanges.TryGetValue(indicator, out var whole))
            {
                yield return whole;
            }
        }
    }

    /// <summary>One row of the table, its text columns as indexes into the table's distinct values.</summary>
    private readonly record struct Row(
        int Indicator, int Province, bool BelowProvince, int Level, int Year, int Period, bool IsDefault, bool IsSynthetic,
        long N, double Sum, double Min, double Max, double? SumWeighted, double? SumWeight, long WeightedN);

    /// <summary>The filter compiled against the table's values.</summary>
    private sealed record Selection(
        int[]? Indicators, int? Province, bool BelowNation, int NationProvince, bool[]? Levels, int? FromYear, int? ToYear, bool[]? Periods,
        bool PreferredOnly, bool? Synthetic, bool Nothing)
    {
        public bool Holds(in Row row) =>
            (Province is null || row.BelowProvince)
            && (!BelowNation || row.Province != NationProvince)
            && (Levels is null || Levels[row.Level])
            && (FromYear is null || row.Year >= FromYear)
            && (ToYear is null || row.Year <= ToYear)
            && (Periods is null || Periods[row.Period])
            && (!PreferredOnly || row.IsDefault)
            && (Synthetic is null || row.IsSynthetic == Synthetic);
    }

    /// <summary>The group a row falls in: the index of each grouped dimension's value, <see cref="Absent"/> for the others.</summary>
    private readonly record struct GroupKey(int Indicator, int Province, int Level, int Year, int Period)
    {
        public const int Absent = -1;

        public static GroupKey None { get; } = new(Absent, Absent, Absent, Absent, Absent);

        public static GroupKey Of(in Row row, List<AggregateDimension> dimensions)
        {
            var key = None;
            foreach (var dimension in dimensions)
            {
                key = dimension switch
                {
                    AggregateDimension.Indicator => key with { Indicator = row.Indicator },
                    AggregateDimension.Province => key with { Province = row.Province },
                    AggregateDimension.Level => key with { Level = row.Level },
                    AggregateDimension.Year => key with { Year = row.Year },
                    AggregateDimension.Period => key with { Period = row.Period },
                    _ => throw new InvalidOperationException($"The pre-aggregates do not keep {dimension}."),
                };
            }
            return key;
        }
    }

    /// <summary>A group's running sums, as the SQL over the table sums its columns (a sum of nothing is null).</summary>
    private readonly record struct Sums(long N, double Sum, double Min, double Max, double? SumWeighted, double? SumWeight, long WeightedN, bool Synthetic)
    {
        public static Sums Empty { get; } = new(0, 0, double.PositiveInfinity, double.NegativeInfinity, null, null, 0, false);

        public Sums Add(in Row row) => new(
            N + row.N,
            Sum + row.Sum,
            Math.Min(Min, row.Min),
            Math.Max(Max, row.Max),
            row.SumWeighted is { } w ? (SumWeighted ?? 0) + w : SumWeighted,
            row.SumWeight is { } d ? (SumWeight ?? 0) + d : SumWeight,
            WeightedN + row.WeightedN,
            Synthetic || row.IsSynthetic);

        public double? Measure(AggregateMeasure measure) => measure switch
        {
            AggregateMeasure.Count => N,
            AggregateMeasure.Min => N > 0 ? Min : null,
            AggregateMeasure.Max => N > 0 ? Max : null,
            AggregateMeasure.Mean => N > 0 ? Sum / N : null,
            AggregateMeasure.WeightedMean => SumWeighted is { } w && SumWeight is { } d && d != 0 ? w / d : null,
            _ => throw new InvalidOperationException($"The pre-aggregates cannot compute {measure}."),
        };
    }

    /// <summary>The distinct values of one text column, null among them where the column holds it, each with its index.</summary>
    private sealed class Codes
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly List<string?> _values = [];
        private int _null = -1;

        public List<string?> Values => _values;

        public int Of(string? value)
        {
            if (Find(value) is var known and >= 0)
            {
                return known;
            }
            _values.Add(value);
            if (value is null)
            {
                return _null = _values.Count - 1;
            }
            return _index[value] = _values.Count - 1;
        }

        /// <summary>The value's index, or -1 when the table does not hold it.</summary>
        public int Find(string? value) => value is null ? _null : _index.GetValueOrDefault(value, -1);
    }
}
