using Kencana.Warehouse.Audit;
using Kencana.Warehouse.Errors;
using Kencana.Warehouse.Import;
using Kencana.Warehouse.Model;
using Kencana.Warehouse.Targets;
using Kencana.Warehouse.Tests.Infrastructure;

namespace Kencana.Warehouse.Tests.Targets;

/// <summary>Target writes and imports: each a data version with its audit entry, or nothing at all.</summary>
[Collection(SeedWarehouseGroup.Name)]
public class TargetWriterTests(SeedWarehouseFixture seed)
{
    private static readonly AuditActor Planner = new("key:0123456789ab (BAPPEDA)", "planner");

    [Fact]
    public void Setting_revising_and_retiring_a_target_each_create_a_data_version_and_an_audit_entry_with_before_and_after()
    {
        var database = seed.Copy();
        var writer = new TargetWriter(database);
        var bontang = RegionCode.Parse("64.74");
        var start = database.CurrentDataVersion();

        var set = writer.Set(new TargetEdit("stunting", bontang, 2029, 13.5, "RPJMD 2025-2029"), Planner);
        var revised = writer.Set(new TargetEdit("STUNTING", bontang, 2029, 13.0, "RPJMD 2025-2029"), Planner);
        var unchanged = writer.Set(new TargetEdit("STUNTING", bontang, 2029, 13.0, "RPJMD 2025-2029"), Planner);
        var retired = writer.Retire("STUNTING", bontang, 2029, null, Planner);

        Assert.Equal([start + 1, start + 2, start + 2, start + 3], new[] { set.DataVersion, revised.DataVersion, unchanged.DataVersion, retired.DataVersion });
        Assert.False(unchanged.Changed);
        Assert.Equal(13.5, revised.Before!.Value);
        Assert.Equal(TargetWriter.DefaultSourceId, set.After!.SourceId);
        Assert.Null(retired.After);
        var audit = new AuditTrail(database).Read(10);
        Assert.Equal(["retireTarget", "reviseTarget", "setTarget"], audit.Select(e => e.Action));
        Assert.All(audit, e => Assert.Equal(Planner.Name, e.Actor));
        Assert.Equal([start + 3, start + 2, start + 1], audit.Select(e => e.DataVersion!.Value));
        Assert.Contains("13.5", audit[1].Before, StringComparison.Ordinal);
        Assert.Contains("13", audit[1].After, StringComparison.Ordinal);
        Assert.Equal(0, Sql.Scalar<long>(database, "SELECT count(*) FROM targets WHERE region_code = '64.74' AND year = 2029 AND plan = 'RPJMD 2025-2029'"));
    }

    [Theory]
    [InlineData("NOPE", "64.74", 10, ErrorCodes.UnknownIndicator)]
    [InlineData("STUNTING", "64.99", 10, ErrorCodes.UnknownRegion)]
    [InlineData("STUNTING", "64.74", 140, ErrorCodes.BadUserInput)]
    public void A_bad_target_changes_nothing(string indicator, string region, double value, string code)
    {
        var database = seed.Copy();
        var before = database.CurrentDataVersion();

        var error = Assert.Throws<UserInputException>(() => new TargetWriter(database).Set(new TargetEdit(indicator, RegionCode.Parse(region), 2029, value), Planner));

        Assert.Equal(code, error.Code);
        Assert.Equal(before, database.CurrentDataVersion());
        Assert.Empty(new AuditTrail(database).Read(10));
    }

    [Fact]
    public void An_import_is_audited_with_its_file_hash_and_rows_and_a_failed_one_leaves_no_entry()
    {
        var database = seed.Copy();
        var good = seed.WriteFile("audited.csv", "indicator,region_code,year,period,value,source_id\nUNMET_NEED,64.74,2015,YEAR,18.0,SEED_BONTANG_2024\n");
        var bad = seed.WriteFile("bad.csv", "indicator,region_code,year,period,value,source_id\nUNMET_NEED,6474,2015,YEAR,18.0,SEED_BONTANG_2024\n");

        Assert.Throws<ImportFailedException>(() => new Importer(database).Import([bad], new ImportOptions { Actor = Planner }));
        Assert.Empty(new AuditTrail(database).Read(10));
        var report = new Importer(database).Import([good]);

        var entry = Assert.Single(new AuditTrail(database).Read(10));
        Assert.Equal("import", entry.Action);
        Assert.StartsWith("command line", entry.Actor, StringComparison.Ordinal);
        Assert.Equal(report.Files[0].DataVersion, entry.DataVersion);
        Assert.Equal(1, entry.Rows);
        Assert.Equal(64, entry.FileSha256!.Length);
    }
}
