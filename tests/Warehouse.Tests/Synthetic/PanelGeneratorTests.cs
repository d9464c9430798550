using Kencana.Warehouse.Model;
using Kencana.Warehouse.Rollup;
using Kencana.Warehouse.Storage;
using Kencana.Warehouse.Synthetic;
using Kencana.Warehouse.Tests.Infrastructure;

namespace Kencana.Warehouse.Tests.Synthetic;

[Collection(SeedWarehouseGroup.Name)]
public class PanelGeneratorTests(SeedWarehouseFixture seed)
{
    private GeneratorReport Generate(int randomSeed, string name) => PanelGenerator.Generate(
        new GeneratorOptions(RegionLevel.Regency, 2015, 2024, Granularity.Year, randomSeed, seed.TempPath(name), ["STUNTING", "IBANGGA"]),
        RepositoryPaths.Seed);

    [Fact]
    public void Writes_a_marked_synthetic_panel_for_every_kabupaten_kota_and_their_parents()
    {
        var report = Generate(7, "panel.duckdb");
        var panel = new WarehouseDatabase(report.Path);

        Assert.Equal(514 * 10 * 2, report.LevelRows);
        Assert.Equal(report.LevelRows + (38 + 1) * 10, report.Rows); // STUNTING rolled up to provinces and the nation
        Assert.Equal(report.Rows, Sql.Scalar<long>(panel, "SELECT count(*) FROM observations WHERE is_synthetic AND source_id = 'SYNTHETIC_PANEL'"));
        Assert.Equal(report.Rows, Sql.Scalar<long>(panel, "SELECT count(*) FROM observations"));
        Assert.True(WarehouseInfoReader.Read(panel).IsSynthetic);
        Assert.Equal(0, Sql.Scalar<long>(panel, "SELECT count(*) FROM observations o JOIN indicators i ON i.code = o.indicator_code WHERE o.value < i.min_value OR o.value > i.max_value"));
        Assert.Equal(0, Sql.Scalar<long>(panel, "SELECT count(*) FROM observations WHERE numerator > denominator"));
        Assert.Equal(0, Sql.Scalar<long>(panel, $"SELECT count(*) FROM observations WHERE region_key <> {RegionKeyColumn.From("region_code")}"));
    }

    [Fact]
    public void Stores_observations_in_indicator_region_period_order_so_zone_maps_can_skip_row_groups()
    {
        var panel = new WarehouseDatabase(Generate(7, "ordered.duckdb").Path);
        Assert.Equal(0, Sql.Scalar<long>(panel, """
            SELECT count(*) FROM (
                SELECT (indicator_code, region_code, year, period) AS k,
                       lag((indicator_code, region_code, year, period)) OVER (ORDER BY rowid) AS previous
                FROM observations)
            WHERE previous > k
            """));
        Assert.Equal(0, Sql.Scalar<long>(panel, "SELECT count(*) FROM duckdb_constraints() WHERE table_name = 'observations_unordered'"));
        Assert.Equal(11, Sql.Scalar<long>(panel, "SELECT count(*) FROM duckdb_constraints() WHERE table_name = 'observations' AND constraint_type = 'NOT NULL'"));
    }

    [Fact]
    public void Generated_children_roll_up_exactly_to_their_generated_parent()
    {
        var panel = new WarehouseDatabase(Generate(7, "rollup.duckdb").Path);
        var result = new RollupCalculator(panel).Rollup("STUNTING", RegionCode.Parse("64"), new Period(2021));
        Assert.True(result.IsComplete);
        Assert.Equal(result.Published!.Value, result.Value!.Value, precision: 9);
        Assert.True(result.Published.IsSynthetic);
    }

    [Fact]
    public void Is_deterministic_for_a_seed_and_different_across_seeds()
    {
        const string Sum = "SELECT sum(value * (year - 2000)) FROM observations";
        var a = Sql.Scalar<double>(new WarehouseDatabase(Generate(11, "a.duckdb").Path), Sum);
        var b = Sql.Scalar<double>(new WarehouseDatabase(Generate(11, "b.duckdb").Path), Sum);
        var c = Sql.Scalar<double>(new WarehouseDatabase(Generate(12, "c.duckdb").Path), Sum);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Stunting_falls_over_the_decade_as_the_model_says()
    {
        var panel = new WarehouseDatabase(Generate(3, "trend.duckdb").Path);
        var first = Sql.Scalar<double>(panel, "SELECT value FROM observations WHERE indicator_code = 'STUNTING' AND region_code = '0' AND year = 2015");
        var last = Sql.Scalar<double>(panel, "SELECT value FROM observations WHERE indicator_code = 'STUNTING' AND region_code = '0' AND year = 2024");
        Assert.InRange(first, 20, 35);
        Assert.True(last < first - 5, $"national stunting went from {first} to {last}");
    }

    [Fact]
    public void Refuses_indicators_it_has_no_model_for()
    {
        var error = Assert.Throws<ArgumentException>(() => PanelGenerator.Generate(
            new GeneratorOptions(RegionLevel.Regency, 2020, 2021, Granularity.Year, 1, seed.TempPath("x.duckdb"), ["TFR"]), RepositoryPaths.Seed));
        Assert.Contains("no model for TFR", error.Message);
    }
}
