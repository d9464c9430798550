using System.Globalization;

namespace Kencana.Warehouse.SqlApi.Snapshots;

/// <summary>
/// Where snapshots live: each complete one in a directory named after its data version (<c>v12/kencana.duckdb</c>),
/// each being built in a <c>building-…</c> directory that is renamed to its version's name only when complete, so a
/// half-built snapshot is never opened. The file is always named <c>kencana.duckdb</c>, so that DuckDB's catalogue
/// (and <c>current_database()</c>) is called <c>kencana</c> in every version; DuckDB's spill files go beside it.
/// </summary>
public static class SnapshotDirectory
{
    /// <summary>The snapshot's file name, and so the name of its DuckDB catalogue.</summary>
    public const string FileName = "kencana.duckdb";

    private const string VersionPrefix = "v";
    private const string BuildingPrefix = "building-";

    /// <summary>The complete snapshot of a version under <paramref name="root"/>, or null when there is none.</summary>
    public static SnapshotFile? Find(string root, int version)
    {
        var path = Path.Combine(root, VersionPrefix + version.ToString(CultureInfo.InvariantCulture), FileName);
        return File.Exists(path) ? new SnapshotFile(version, path) : null;
    }

    /// <summary>A new, empty directory to build a snapshot in, and the file to build.</summary>
    public static string NewBuildingFile(string root)
    {
        var directory = Directory.CreateDirectory(Path.Combine(root, BuildingPrefix + Guid.NewGuid().ToString("N")));
        return Path.Combine(directory.FullName, FileName);
    }

    /// <summary>Makes a built snapshot complete by renaming its directory after its version; if that version exists already, the built one is deleted.</summary>
    public static SnapshotFile Complete(string root, string builtFile, int version)
    {
        var target = Path.Combine(root, VersionPrefix + version.ToString(CultureInfo.InvariantCulture));
        var built = Path.GetDirectoryName(builtFile)!;
        if (Directory.Exists(target))
        {
            DeleteDirectory(built);
        }
        else
        {
            Directory.Move(built, target);
        }
        return new SnapshotFile(version, Path.Combine(target, FileName));
    }

    /// <summary>Deletes a snapshot's directory; false when the system would not (the next start cleans it).</summary>
    public static bool TryDelete(SnapshotFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return DeleteDirectory(Path.GetDirectoryName(file.Path)!);
    }

    /// <summary>Deletes half-built snapshots and every complete one except <paramref name="keep"/>: what a process that ended left behind.</summary>
    /// <returns>The directories deleted.</returns>
    public static IReadOnlyList<string> DeleteStale(string root, int? keep = null)
    {
        if (!Directory.Exists(root))
        {
            return [];
        }
        var deleted = new List<string>();
        foreach (var directory in Directory.EnumerateDirectories(root))
        {
            var name = Path.GetFileName(directory);
            var isBuilding = name.StartsWith(BuildingPrefix, StringComparison.Ordinal);
            var isVersion = name.StartsWith(VersionPrefix, StringComparison.Ordinal)
                && int.TryParse(name.AsSpan(VersionPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
                && version != keep;
            // Only directories this class names: anything else an operator put there stays.
            if ((isBuilding || isVersion) && DeleteDirectory(directory))
            {
                deleted.Add(directory);
            }
        }
        return deleted;
    }

    private static bool DeleteDirectory(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
