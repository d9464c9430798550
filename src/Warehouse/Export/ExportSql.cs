using System.Globalization;
using Kencana.Warehouse.Model;

namespace Kencana.Warehouse.Export;

/// <summary>
/// Builds the WHERE clause of an export query. Column expressions come from the dataset classes (constants); every
/// filter value becomes a named parameter, so no request text ever reaches the SQL.
/// </summary>
internal sealed class ExportSql
{
    /// <summary>The first day of a period, from its year and sub-period columns; the list is indexed by the sub_period enum's position.</summary>
    public static string PeriodStart(string year, string period) =>
        $"make_date(CAST({year} AS INTEGER), [1, 1, 7, 1, 4, 7, 10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12][enum_code({period}) + 1], 1)";

    /// <summary>The province's code (the first segment), null for the nation.</summary>
    public static string ProvinceCode(string code) => $"CASE WHEN {code} = '0' THEN NULL ELSE split_part({code}, '.', 1) END";

    private readonly List<string> _conditions = [];
    private readonly List<KeyValuePair<string, object?>> _parameters;

    public ExportSql() : this([])
    {
    }

    private ExportSql(List<KeyValuePair<string, object?>> parameters) => _parameters = parameters;

    /// <summary>A second WHERE clause of the same statement (a CTE and the outer query), numbering parameters on from this one.</summary>
    public ExportSql Then() => new(_parameters);

    public IReadOnlyList<KeyValuePair<string, object?>> Parameters => _parameters;

    /// <summary><c>WHERE a AND b</c>, or nothing when no filter applies.</summary>
    public string Where => _conditions.Count == 0 ? "" : "WHERE " + string.Join("\n  AND ", _conditions);

    /// <summary>Adds a parameter and returns its placeholder.</summary>
    public string Parameter(object? value)
    {
        var name = "p" + _parameters.Count.ToString(CultureInfo.InvariantCulture);
        _parameters.Add(new(name, value));
        return "$" + name;
    }

    /// <summary><c>column IN ($p0, $p1)</c>, each value cast to <paramref name="sqlType"/> when given; nothing for no values.</summary>
    public ExportSql In<T>(string column, IReadOnlyList<T> values, Func<T, object> toValue, string? sqlType = null)
    {
        if (values.Count > 0)
        {
            var placeholders = values.Select(v => Parameter(toValue(v))).Select(p => sqlType is null ? p : $"CAST({p} AS {sqlType})");
            _conditions.Add($"{column} IN ({string.Join(", ", placeholders)})");
        }
        return this;
    }

    /// <summary>Adds a condition built from code constants.</summary>
    public ExportSql Add(string condition)
    {
        _conditions.Add(condition);
        return this;
    }

    /// <summary>The region filters: exact codes, children of parents, descendants of ancestors, levels.</summary>
    public ExportSql Regions(ExportFilter filter, string code, string parentCode, string level)
    {
        In(code, filter.Regions, c => c.Value);
        In(parentCode, filter.Parents, c => c.Value);
        Descendants(filter.Ancestors, code);
        return Levels(filter, level);
    }

    /// <summary>The parent filters of a roll-up, on the children's parent code: parents, and parents below ancestors.</summary>
    public ExportSql RolledUpParents(ExportFilter filter, string parentCode)
    {
        In(parentCode, filter.Parents, c => c.Value);
        Descendants(filter.Ancestors, parentCode);
        return this;
    }

    /// <summary>The level filter alone.</summary>
    public ExportSql Levels(ExportFilter filter, string level) => In(level, filter.Levels, l => l.ToStorageName(), "region_level");

    private void Descendants(IReadOnlyList<RegionCode> ancestors, string code)
    {
        if (ancestors.Count == 0)
        {
            return;
        }
        // Kemendagri codes nest (64 -> 64.01 -> 64.01.01 -> 64.01.01.2001), so a region's descendants are the codes
        // that extend it by a dot; the nation's (code 0) are every other region.
        _conditions.Add("(" + string.Join(" OR ", ancestors.Select(c => c == RegionCode.Nation
            ? $"{code} <> '0'"
            : $"starts_with({code}, {Parameter(c.Value + ".")})")) + ")");
    }

    /// <summary>The period filters: years and granularity.</summary>
    public ExportSql Periods(ExportFilter filter, string year, string period)
    {
        if (filter.FromYear is { } from)
        {
            _conditions.Add($"{year} >= {Parameter(from)}");
        }
        if (filter.ToYear is { } to)
        {
            _conditions.Add($"{year} <= {Parameter(to)}");
        }
        if (filter.Granularity is { } granularity)
        {
            var subs = Enum.GetValues<SubPeriod>().Where(s => Period.GranularityOf(s) == granularity).ToList();
            In(period, subs, s => Period.CodeOf(s), "sub_period");
        }
        return this;
    }

    public ExportQuery Query(string sql) => new(sql, _parameters);
}
