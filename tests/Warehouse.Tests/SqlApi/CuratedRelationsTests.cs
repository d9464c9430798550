using Kencana.Warehouse.Export;
using Kencana.Warehouse.SqlApi.Snapshots;

namespace Kencana.Warehouse.Tests.SqlApi;

/// <summary>The snapshot holds the curated relations of the seed warehouse, described and reachable as BI tools look for them.</summary>
[Collection(SqlSnapshotGroup.Name)]
public class CuratedRelationsTests(SqlSnapshotFixture fixture)
{
    [Fact]
    public void Preferred_unmet_need_of_Kota_Balikpapan_is_the_published_series()
    {
        using var session = fixture.Source.OpenSession();
        var rows = SqlRows.All(session, "select region_code, value from preferred_observations where indicator = 'UNMET_NEED' and region_code = '64.74' order by year");
        Assert.Equal([15.6, 14.8], rows.Select(r => (double)r[1]!));
        Assert.All(rows, r => Assert.Equal("64.74", r[0]));
        Assert.Equal(fixture.Snapshot.DataVersion, session.DataVersion);
    }

    [Fact]
    public void Relations_are_reachable_unqualified_and_in_schema_public_and_nothing_of_the_warehouse_internals_is()
    {
        using var session = fixture.Source.OpenSession();
        foreach (var relation in CuratedRelations.All)
        {
            var plain = SqlRows.All(session, $"SELECT count(*) FROM {relation.Name}");
            var qualified = SqlRows.All(session, $"SELECT count(*) FROM public.{relation.Name}");
            Assert.Equal(plain[0][0], qualified[0][0]);
            Assert.True((long)plain[0][0]! > 0, relation.Name + " is empty");
        }
        Assert.Equal(458L, SqlRows.All(session, "SELECT count(*) FROM observations")[0][0]);
        var missing = Assert.Throws<Kencana.Warehouse.SqlApi.SqlApiException>(() => SqlRows.All(session, "SELECT * FROM audit_log"));
        Assert.Equal("42P01", missing.SqlState);
        Assert.Equal("kencana", SqlRows.All(session, "SELECT current_database()")[0][0]);
    }

    [Fact]
    public void Every_relation_and_column_has_the_comment_of_its_description_and_exports_share_theirs()
    {
        using var session = fixture.Source.OpenSession();
        foreach (var schema in new[] { "main", "public" })
        {
            foreach (var relation in CuratedRelations.All)
            {
                var comment = SqlRows.All(session, "SELECT comment FROM duckdb_tables() WHERE schema_name = $1 AND table_name = $2 UNION ALL SELECT comment FROM duckdb_views() WHERE schema_name = $1 AND view_name = $2", schema, relation.Name);
                Assert.Equal(relation.Description, Assert.Single(comment)[0]);
                var columns = SqlRows.All(session, "SELECT column_name, comment FROM duckdb_columns() WHERE schema_name = $1 AND table_name = $2 ORDER BY column_index", schema, relation.Name);
                Assert.Equal(relation.Columns.Select(c => c.Name), columns.Select(c => (string)c[0]!));
                Assert.Equal(relation.Columns.Select(c => c.Description), columns.Select(c => (string)c[1]!));
            }
        }
        var observations = CuratedRelations.Find("observations")!;
        var export = new ObservationsDataset().Columns;
        Assert.Equal(export.Select(c => (c.Name, c.Description)), observations.Columns.Take(export.Count).Select(c => (c.Name, c.Description)));
        var achievement = new AchievementDataset();
        Assert.Equal(achievement.Columns.Select(c => (c.Name, c.Description)), CuratedRelations.Find("achievement")!.Columns.Select(c => (c.Name, c.Description)));
        Assert.Contains(fixture.Progress, line => line.StartsWith("observations: 458 rows", StringComparison.Ordinal));
    }

    [Fact]
    public void Region_codes_are_text_and_keep_their_trailing_zero()
    {
        using var session = fixture.Source.OpenSession();
        using var result = session.Execute("SELECT region_code, parent_code, province_code FROM regions WHERE region_code = '64.71'", [], CancellationToken.None);
        Assert.All(result.Columns, c => Assert.Equal(Kencana.Warehouse.SqlApi.SqlType.Text, c.Type));
        Assert.True(result.Read());
        Assert.Equal(("64.71", "64", "64"), ((string)result.GetValue(0)!, (string)result.GetValue(1)!, (string)result.GetValue(2)!));
    }
}
