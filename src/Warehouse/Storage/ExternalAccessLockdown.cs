using DuckDB.NET.Data;

namespace Kencana.Warehouse.Storage;

/// <summary>
/// Limits what a DuckDB database instance may touch outside its own file: defence in depth for a server whose
/// statements are built from requests, so that a statement that slipped through could still not read
/// <c>/etc/passwd</c>, write elsewhere, or fetch and load an extension.
/// </summary>
/// <remarks>
/// These are global settings: they hold for every connection to the instance, which lives while any connection to
/// the file is open in this process. The order matters: DuckDB accepts the allowed directories only while external
/// access is still on, and locking the configuration last stops any later statement from undoing the rest.
/// </remarks>
internal static class ExternalAccessLockdown
{
    public static void Apply(DuckDBConnection connection, IReadOnlyCollection<string> allowedDirectories)
    {
        // DuckDB takes no parameters in SET; the directories come from configuration, never from requests, and
        // their quotes are doubled all the same. A trailing separator keeps /tmp/export from admitting /tmp/export-other.
        var list = string.Join(", ", allowedDirectories.Select(d =>
            "'" + System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(d)).Replace("'", "''", StringComparison.Ordinal) + System.IO.Path.DirectorySeparatorChar + "'"));
        if (allowedDirectories.Count > 0)
        {
            connection.Execute($"SET GLOBAL allowed_directories = [{list}]");
        }
        connection.Execute("""
            SET GLOBAL enable_external_access = false;
            SET GLOBAL autoinstall_known_extensions = false;
            SET GLOBAL autoload_known_extensions = false;
            SET GLOBAL allow_community_extensions = false;
            SET GLOBAL lock_configuration = true;
            """);
    }
}
