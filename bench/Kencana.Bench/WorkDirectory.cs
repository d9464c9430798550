namespace Kencana.Bench;

/// <summary>The run's scratch folder. Every file handed out is fresh and is removed by <see cref="Clean"/>.</summary>
/// <remarks>
/// Leftovers of an earlier run (a kept file, or one from a run that was killed) are deleted when their name is handed
/// out again, so a "fresh database" baseline never appends to an old file.
/// </remarks>
internal sealed class WorkDirectory
{
    private readonly List<string> _scratch = [];

    public WorkDirectory(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>A path in the folder with nothing at it, nor at its DuckDB write-ahead log.</summary>
    public string Scratch(string name)
    {
        var path = System.IO.Path.Combine(Path, name);
        Delete(path);
        _scratch.Add(path);
        return path;
    }

    /// <summary>Bytes of all scratch files still present, to tell the reader what <c>--keep</c> leaves behind.</summary>
    public long ScratchBytes() => _scratch.Distinct().Where(File.Exists).Sum(p => new FileInfo(p).Length);

    public void Clean()
    {
        foreach (var path in _scratch.Distinct())
        {
            Delete(path);
        }
    }

    private static void Delete(string path)
    {
        File.Delete(path);
        File.Delete(path + ".wal");
    }
}
