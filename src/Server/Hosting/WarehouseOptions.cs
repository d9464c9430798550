namespace Kencana.Server.Hosting;

/// <summary>Where the warehouse lives and how it is built; bound from the <c>Warehouse</c> configuration section.</summary>
public sealed class WarehouseOptions
{
    public const string Section = "Warehouse";

    /// <summary>The DuckDB file; a relative path is taken from the current directory. <c>--warehouse FILE</c> sets it.</summary>
    public string Path { get; set; } = "App_Data/kencana.duckdb";

    /// <summary>The seed directory; by default the <c>seed/</c> copy of <c>data/seed</c> beside the server.</summary>
    public string? SeedDirectory { get; set; }

    /// <summary>Rebuild the warehouse from the seed at start-up (<c>--rebuild</c>), discarding imports.</summary>
    public bool Rebuild { get; set; }

    public string ResolvePath() => System.IO.Path.GetFullPath(Path);

    public string ResolveSeedDirectory() => SeedDirectory ?? System.IO.Path.Combine(AppContext.BaseDirectory, "seed");
}
