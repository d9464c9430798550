using Kencana.Warehouse.Model;
using Kencana.Warehouse.Synthetic;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Kencana.Server.Tests.Export;

/// <summary>
/// The server on a small generated warehouse: STUNTING for every desa in 2024 (83,762 villages and their parents),
/// with numerators and denominators, and village names that test an exporter: <c>Lubuk Pakam I,II</c> (a comma),
/// <c>Regapu’u</c> (a typographic apostrophe).
/// </summary>
public sealed class PanelServerFactory : WebApplicationFactory<Program>
{
    private readonly string _directory = Directory.CreateTempSubdirectory("kencana-panel-tests-").FullName;

    public PanelServerFactory()
    {
        PanelGenerator.Generate(
            new GeneratorOptions(RegionLevel.Village, 2024, 2024, Granularity.Year, Seed: 1, WarehousePath, ["STUNTING"]),
            Path.Combine(AppContext.BaseDirectory, "seed"));
    }

    public string WarehousePath => Path.Combine(_directory, "panel.duckdb");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Warehouse:Path", WarehousePath);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // the OS cleans temp
        }
    }
}
