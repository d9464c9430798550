namespace Kencana.Bench;

/// <summary>
/// The sources file imported with the synthetic observations: the seed has no source they could cite, and the
/// importer refuses values without a known source.
/// </summary>
internal static class BenchSourceFile
{
    public const string SourceId = "SYNTHETIC_BENCH";

    public static string Write(string path)
    {
        File.WriteAllText(path, $"""
            id,title,publisher,url,published_on,priority,note,synthetic
            {SourceId},Synthetic benchmark rows,Kencana Analytics benchmark,,,9,generated for the import benchmark; not real data,true

            """.ReplaceLineEndings("\n"));
        return path;
    }
}
