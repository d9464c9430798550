using DuckDB.NET.Data;

namespace Kencana.Warehouse.Storage;

/// <summary>
/// Reports what goes wrong while a warehouse file is written (built from the seed, generated) as the
/// <see cref="WarehouseFault"/> it is, so that a full disk or a read-only directory reads as such instead of as a
/// stack trace.
/// </summary>
internal static class WarehouseWriteFaults
{
    /// <summary>Runs a write of the warehouse at <paramref name="path"/>, translating the failures that have a fault.</summary>
    public static T Translate<T>(string path, Func<T> write, string pathOption = "--warehouse")
    {
        RefuseFileAncestor(path, pathOption);
        try
        {
            return write();
        }
        catch (UnauthorizedAccessException ex)
        {
            throw WarehouseUnavailableException.For(WarehouseFault.Unwritable, path, "permission denied", ex, pathOption);
        }
        catch (IOException ex) when (DiskFull.IsCause(ex))
        {
            throw WarehouseUnavailableException.For(WarehouseFault.DiskFull, path, inner: ex, pathOption: pathOption);
        }
        catch (IOException ex)
        {
            throw WarehouseUnavailableException.For(WarehouseFault.Unwritable, path, ex.Message, ex, pathOption);
        }
        catch (DuckDBException ex) when (DuckDBFileErrors.Classify(ex.Message) is { } classified)
        {
            throw WarehouseUnavailableException.For(classified.Fault, path, classified.Detail, ex, pathOption);
        }
    }

    /// <summary>
    /// A path under a file (<c>/etc/hostname/kencana.duckdb</c>) can never be created; say so by name rather than
    /// let directory creation fail with "file already exists".
    /// </summary>
    private static void RefuseFileAncestor(string path, string pathOption)
    {
        for (var directory = Path.GetDirectoryName(Path.GetFullPath(path)); directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (Directory.Exists(directory))
            {
                return;
            }
            if (File.Exists(directory))
            {
                throw WarehouseUnavailableException.For(WarehouseFault.Unwritable, path, $"{directory} is a file, not a directory", pathOption: pathOption);
            }
        }
    }
}
