namespace Kencana.Warehouse.Tests.Infrastructure;

/// <summary>Finds the repository from the test's output directory, so tests use the committed seed.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Seed => Path.Combine(Root, "data", "seed");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KencanaAnalytics.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("KencanaAnalytics.sln not found above " + AppContext.BaseDirectory);
    }
}
