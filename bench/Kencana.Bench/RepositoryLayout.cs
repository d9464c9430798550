namespace Kencana.Bench;

/// <summary>The folders of the repository the benchmark runs in, so that defaults work from any folder inside it.</summary>
internal sealed record RepositoryLayout(string Root)
{
    public string SeedDirectory => Path.Combine(Root, "data", "seed");

    /// <summary>Gitignored, so scratch files never end up in a commit.</summary>
    public string BenchOutDirectory => Path.Combine(Root, "bench", "out");

    /// <summary>Walks up from <paramref name="start"/> to the first folder holding <c>data/seed</c>; null when there is none.</summary>
    public static RepositoryLayout? FindRoot(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (Directory.Exists(Path.Combine(folder.FullName, "data", "seed")))
            {
                return new RepositoryLayout(folder.FullName);
            }
        }
        return null;
    }
}
