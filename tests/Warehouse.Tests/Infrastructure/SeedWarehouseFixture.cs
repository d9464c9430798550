using Kencana.Warehouse.Seed;
using Kencana.Warehouse.Storage;

namespace Kencana.Warehouse.Tests.Infrastructure;

/// <summary>One warehouse built from the real seed per test run; tests that change data work on copies.</summary>
public sealed class SeedWarehouseFixture : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("kencana-tests-").FullName;

    public SeedWarehouseFixture()
    {
        Path = System.IO.Path.Combine(_directory, "seed.duckdb");
        Outcome = SeedLoader.Build(Path, SeedFiles.Open(RepositoryPaths.Seed));
        Database = new WarehouseDatabase(Path, readOnly: false);
    }

    public string Path { get; }

    public SeedOutcome Outcome { get; }

    public WarehouseDatabase Database { get; }

    /// <summary>A private copy of the seed warehouse that a test may change.</summary>
    public WarehouseDatabase Copy()
    {
        var copy = System.IO.Path.Combine(_directory, $"copy-{Guid.NewGuid():N}.duckdb");
        File.Copy(Path, copy);
        return new WarehouseDatabase(copy);
    }

    /// <summary>A file in the fixture's temporary directory with the given text.</summary>
    public string WriteFile(string name, string text, bool bom = false)
    {
        var path = System.IO.Path.Combine(_directory, Guid.NewGuid().ToString("N")[..8] + "-" + name);
        File.WriteAllText(path, text, new System.Text.UTF8Encoding(bom));
        return path;
    }

    public string TempPath(string name) => System.IO.Path.Combine(_directory, Guid.NewGuid().ToString("N")[..8] + "-" + name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // DuckDB may still hold a file on some platforms; the OS cleans temp.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SeedWarehouseGroup : ICollectionFixture<SeedWarehouseFixture>
{
    public const string Name = "seed warehouse";
}
