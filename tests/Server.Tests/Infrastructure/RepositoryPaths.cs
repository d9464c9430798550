namespace Kencana.Server.Tests.Infrastructure;

/// <summary>Finds the repository from the test's output directory, for files the tests check or run (schema.graphql, tests/node).</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

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
