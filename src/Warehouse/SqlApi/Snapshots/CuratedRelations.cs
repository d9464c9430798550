using Kencana.Warehouse.Export;

namespace Kencana.Warehouse.SqlApi.Snapshots;

/// <summary>
/// The relations the SQL API serves, and nothing of the warehouse's internals (audit log, pre-aggregates, schema
/// bookkeeping). Where an export dataset covers a relation, its columns and descriptions are the dataset's own, so
/// the export catalogue and the SQL comments never disagree; region codes are text everywhere.
/// </summary>
public static class CuratedRelations
{
    private static readonly IReadOnlyList<ExportColumn> ObservationColumns = new ObservationsDataset().Columns;
    private static readonly AchievementDataset Achievement = new();

    /// <summary>The relations, in the order they are built; views come after the tables they read.</summary>
    public static IReadOnlyList<SnapshotRelation> All { get; } = Build();

    /// <summary>The relation with the name (case-insensitive), or null.</summary>
    public static SnapshotRelation? Find(string name) => All.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));

    private static List<SnapshotRelation> Build()
    {
        var regionColumns = ExportRegionColumns.All.Select(SnapshotColumn.From).ToList();
        var observations = new SnapshotRelation(
            "observations",
            "Every published value of an indicator for a region and period, from every source, with its survey and flags. Values from several sources for the same indicator, region and period are all listed; is_default marks the one the default rule picks (preferred_observations holds those alone). Rows are stored in the order indicator, region_code, year, period, so filters on them read little.",
            [
                .. ObservationColumns.Select(SnapshotColumn.From),
                new("survey", "The survey the value was measured in (for example SSGI 2022), where the source names one."),
                new("ci_lower", "The lower bound of the value's confidence interval, where published."),
                new("ci_upper", "The upper bound of the value's confidence interval, where published."),
                new("is_preferred", "True when the value was loaded as the preferred one explicitly; the default rule puts such values first."),
                new("note", "The source's note on the value, if any."),
            ],
            $"""
            SELECT o.indicator_code AS indicator, o.region_code, r.name AS region_name, r.level::VARCHAR AS level, r.parent_code,
                   {ExportSql.ProvinceCode("o.region_code")} AS province_code,
                   o.year, o.period::VARCHAR AS period, {ExportSql.PeriodStart("o.year", "o.period")} AS period_start,
                   o.value, i.unit, o.numerator, o.denominator, o.source_id, o.is_default, o.is_synthetic, o.data_version,
                   o.survey, o.ci_lower, o.ci_upper, o.is_preferred, o.note
            FROM observations o
            JOIN regions r ON r.code = o.region_code
            JOIN indicators i ON i.code = o.indicator_code
            ORDER BY o.indicator_code, o.region_code, o.year, o.period, o.source_id
            """);
        var preferred = new SnapshotRelation(
            "preferred_observations",
            "The default value of each indicator, region and period: the rows of observations with is_default, one per indicator, region and period (the value GraphQL answers with). The default rule takes a value marked preferred first, then the source of highest priority, then the newest data version.",
            [.. observations.Columns.Where(c => c.Name != "is_default")],
            "",
            "SELECT * EXCLUDE (is_default) FROM observations WHERE is_default");
        var regions = new SnapshotRelation(
            "regions",
            "Every region of the Kemendagri hierarchy: the nation (code 0), provinces, regencies and cities, districts and villages, with their parent, province, population and area.",
            [
                .. regionColumns.Skip(1),
                new("bps_code", "The region's BPS (Statistics Indonesia) code, where known. Text, like region_code."),
                new("population_total", "The population, where known."),
                new("population_male", "The male population, where known."),
                new("population_female", "The female population, where known."),
                new("population_year", "The year of the population figures."),
                new("population_source_id", "The source of the population figures."),
                new("area_km2", "The area in square kilometres, where known."),
                new("source_id", "The source of the region's name and code."),
            ],
            $"""
            SELECT r.code AS region_code, r.name AS region_name, r.level::VARCHAR AS level, r.parent_code,
                   {ExportSql.ProvinceCode("r.code")} AS province_code,
                   r.bps_code, r.population_total, r.population_male, r.population_female, r.population_year,
                   r.population_source_id, r.area_km2, r.source_id
            FROM regions r
            ORDER BY r.code
            """);
        var indicators = new SnapshotRelation(
            "indicators",
            "The indicators: their names, definition, unit, which direction is better, their valid range and how they roll up from children to parents.",
            [
                regionColumns[0],
                new("name_id", "The indicator's name in Indonesian."),
                new("name_en", "The indicator's name in English."),
                new("definition", "What the indicator measures."),
                Find(ObservationColumns, "unit"),
                Find(Achievement.Columns, "direction"),
                new("min_value", "The smallest valid value, where there is one."),
                new("max_value", "The largest valid value, where there is one."),
                new("rollup", "How children's values roll up to their parent: weighted_mean (by the denominator), sum, or not_additive (published per level)."),
                new("denominator", "What the denominator counts (children measured, couples of reproductive age), where there is one."),
                new("source_id", "The source of the definition."),
            ],
            """
            SELECT i.code AS indicator, i.name_id, i.name_en, i.definition, i.unit, i.direction::VARCHAR AS direction,
                   i.min_value, i.max_value, i.rollup::VARCHAR AS rollup, i.denominator, i.source_id
            FROM indicators i
            ORDER BY i.code
            """);
        var targets = new SnapshotRelation(
            "targets",
            "The targets plans set for an indicator, region and period (RPJMN, Renstra, regional plans); achievement sets them beside the values.",
            [
                .. regionColumns,
                Find(Achievement.Columns, "year"),
                Find(Achievement.Columns, "period"),
                Find(Achievement.Columns, "period_start"),
                Find(Achievement.Columns, "plan"),
                Find(Achievement.Columns, "target"),
                new("source_id", "The source of the target."),
                new("note", "The plan's note on the target, if any."),
                new("data_version", "The data version that loaded the target."),
            ],
            $"""
            SELECT t.indicator_code AS indicator, t.region_code, r.name AS region_name, r.level::VARCHAR AS level, r.parent_code,
                   {ExportSql.ProvinceCode("t.region_code")} AS province_code,
                   t.year, t.period::VARCHAR AS period, {ExportSql.PeriodStart("t.year", "t.period")} AS period_start,
                   t.plan, t.value AS target, t.source_id, t.note, t.data_version
            FROM targets t
            JOIN regions r ON r.code = t.region_code
            ORDER BY t.indicator_code, t.region_code, t.year, t.period, t.plan
            """);
        var achievementQuery = Achievement.BuildQuery(ExportFilter.None);
        if (achievementQuery.Parameters.Count > 0)
        {
            throw new InvalidOperationException("The achievement export's unfiltered query takes parameters; the snapshot needs it without.");
        }
        var achievement = new SnapshotRelation("achievement", Achievement.Description, [.. Achievement.Columns.Select(SnapshotColumn.From)], achievementQuery.Sql);
        var sources = new SnapshotRelation(
            "sources",
            "The sources values, targets and regions come from: publications and surveys of BPS, BKKBN and the Ministry of Health, with the priority the default rule gives them.",
            [
                new("source_id", "The source's id, as source_id elsewhere."),
                new("title", "The publication's title."),
                new("publisher", "Who published it."),
                new("url", "Where it is published, if online."),
                new("published_on", "When it was published, if known."),
                new("priority", "The source's priority in the default rule: 1 is picked first."),
                new("note", "A note on the source, if any."),
                new("is_synthetic", "True for the generator's made-up sources, never real data."),
                new("data_version", "The data version that loaded the source."),
            ],
            """
            SELECT s.id AS source_id, s.title, s.publisher, s.url, s.published_on, s.priority, s.note, s.is_synthetic, s.data_version
            FROM sources s
            ORDER BY s.id
            """);
        var versions = new SnapshotRelation(
            "data_versions",
            "Every load of the warehouse, newest last: each import, seed build or target change is one data version, and the newest is the one these relations show.",
            [
                new("version", "The data version's number."),
                new("loaded_at", "When it was loaded (UTC)."),
                new("kind", "What loaded it: seed, import, generator, targets, ..."),
                new("description", "What it loaded."),
                new("file_name", "The file loaded, if any."),
                new("file_sha256", "The SHA-256 of the file loaded, if any."),
                new("observation_rows", "How many observations it added."),
                new("target_rows", "How many targets it added."),
                new("source_rows", "How many sources it added."),
            ],
            """
            SELECT v.version, v.loaded_at, v.kind, v.description, v.file_name, v.file_sha256, v.observation_rows, v.target_rows, v.source_rows
            FROM data_versions v
            ORDER BY v.version
            """);
        var lineage = new SnapshotRelation(
            "region_lineage",
            "Splits, merges and renames of regions: which region became which, and in which year, so that series can be followed across boundary changes.",
            [
                new("predecessor_code", "The Kemendagri code of the region before the change. Text, like region_code."),
                new("successor_code", "The Kemendagri code of the region after the change. Text, like region_code."),
                new("year", "The year of the change."),
                new("kind", "What happened: split, merge or rename."),
                new("source_id", "The source of the change."),
                new("note", "A note on the change, if any."),
            ],
            """
            SELECT l.predecessor_code, l.successor_code, l.year, l.kind, l.source_id, l.note
            FROM region_lineage l
            ORDER BY l.year, l.predecessor_code, l.successor_code
            """);
        return [observations, preferred, regions, indicators, targets, achievement, sources, versions, lineage];
    }

    private static SnapshotColumn Find(IReadOnlyList<ExportColumn> columns, string name) =>
        SnapshotColumn.From(columns.Single(c => c.Name == name));
}
