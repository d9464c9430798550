using Kencana.Warehouse.SqlApi.Snapshots;
using Kencana.Warehouse.Storage;

namespace Kencana.Warehouse.Tests.SqlApi;

/// <summary>A restart reuses a snapshot only when it shows the same data version of the same warehouse and was built by the same code.</summary>
[Collection(SqlSnapshotGroup.Name)]
public class SnapshotReuseTests(SqlSnapshotFixture fixture)
{
    [Fact]
    public void The_snapshot_of_the_current_version_is_reused_by_the_same_builder()
    {
        var found = SnapshotBuilder.FindReusable(fixture.Warehouse, fixture.Root, SqlSnapshotFixture.BuiltBy, CancellationToken.None);

        Assert.Equal(fixture.Snapshot, found);
    }

    [Fact]
    public void Another_builder_or_settings_build_anew()
    {
        Assert.Null(SnapshotBuilder.FindReusable(fixture.Warehouse, fixture.Root, SqlSnapshotFixture.BuiltBy + ", forecasts included", CancellationToken.None));
    }

    [Fact]
    public void A_warehouse_rebuilt_with_the_same_version_number_is_not_taken_for_the_one_the_snapshot_shows()
    {
        var copy = new WarehouseDatabase(fixture.TempPath("rebuilt.duckdb"));
        File.Copy(fixture.Warehouse.Path, copy.Path);
        // An unchanged copy is the same warehouse: its snapshot serves.
        Assert.Equal(fixture.Snapshot, SnapshotBuilder.FindReusable(copy, fixture.Root, SqlSnapshotFixture.BuiltBy, CancellationToken.None));

        using (var connection = copy.OpenConnection())
        {
            // What a rebuild from the seed does: the same version numbers, loaded at another time.
            connection.Execute("UPDATE data_versions SET loaded_at = loaded_at + INTERVAL 1 SECOND");
        }

        Assert.Null(SnapshotBuilder.FindReusable(copy, fixture.Root, SqlSnapshotFixture.BuiltBy, CancellationToken.None));
    }

    [Fact]
    public void A_snapshot_without_its_stamp_is_not_reused()
    {
        var root = fixture.TempPath("unstamped");
        var directory = Directory.CreateDirectory(Path.Combine(root, "v" + fixture.Snapshot.DataVersion));
        File.Copy(fixture.Snapshot.Path, Path.Combine(directory.FullName, SnapshotDirectory.FileName));

        Assert.Null(SnapshotBuilder.FindReusable(fixture.Warehouse, root, SqlSnapshotFixture.BuiltBy, CancellationToken.None));
    }
}
