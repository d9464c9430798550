namespace Kencana.Server.Hosting;

/// <summary>
/// A directory the server's DuckDB may read and write files in once the warehouse is locked down; every other path
/// outside the warehouse is refused. A feature that has DuckDB write files (exports) registers one.
/// </summary>
/// <param name="Directory">The directory; created at start-up if missing.</param>
/// <param name="Purpose">What it is for, for the start-up log.</param>
public sealed record WarehouseDirectoryGrant(string Directory, string Purpose);
