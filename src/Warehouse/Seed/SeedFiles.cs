using System.Security.Cryptography;

namespace Kencana.Warehouse.Seed;

/// <summary>The files of a seed directory (<c>data/seed</c>) and their combined fingerprint.</summary>
public sealed class SeedFiles
{
    /// <summary>Every file a seed directory must hold.</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "sources.csv", "indicators.csv", "regions.csv", "population_2025.csv", "bps_codes.csv", "observations.csv", "targets.csv", "region_lineage.csv",
    ];

    private SeedFiles(string directory, string sha256)
    {
        Directory = directory;
        Sha256 = sha256;
    }

    /// <summary>The seed directory.</summary>
    public string Directory { get; }

    /// <summary>The SHA-256 over all seed files, in name order; a warehouse built from other files has another.</summary>
    public string Sha256 { get; }

    /// <summary>The full path of one seed file.</summary>
    public string this[string name] => Path.Combine(Directory, name);

    /// <summary>Checks that the directory holds every seed file and fingerprints them.</summary>
    /// <exception cref="DirectoryNotFoundException">The directory or a file is missing; the message names it.</exception>
    public static SeedFiles Open(string directory)
    {
        var full = Path.GetFullPath(directory);
        if (!System.IO.Directory.Exists(full))
        {
            throw new DirectoryNotFoundException($"Seed directory {full} does not exist; it ships with the server as seed/ (from data/seed in the repository).");
        }
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var name in Names)
        {
            var path = Path.Combine(full, name);
            if (!File.Exists(path))
            {
                throw new DirectoryNotFoundException($"Seed file {path} is missing; restore it from data/seed in the repository.");
            }
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(name));
            hash.AppendData(File.ReadAllBytes(path));
        }
        return new SeedFiles(full, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }
}
