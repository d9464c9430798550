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
    public static void Apply(DuckDBConnection connection, IReadOnlyCollection<string> allowedDirectories, string? memoryLimit = null, int? threads = null)
    {
        var wanted = allowedDirectories.Select(AsDirectory).ToList();
        if (connection.Scalar<bool>("SELECT current_setting('lock_configuration')"))
        {
            // Another holder in this process (a second test host on the same file) locked the instance already;
            // the limits stand, and need only cover this holder's directories too.
            var allowed = connection.Query("SELECT unnest(current_setting('allowed_directories'))", r => r.GetString(0)).ToList();
            var uncovered = wanted.Where(d => !allowed.Any(a => d.StartsWith(AsDirectory(a), StringComparison.Ordinal))).ToList();
            if (uncovered.Count > 0)
            {
                throw new InvalidOperationException(
                    $"DuckDB's file access is already limited to {string.Join(", ", allowed)} for this process, which leaves out {string.Join(", ", uncovered)}: use a directory inside one of those.");
            }
            return;
        }
        if (wanted.Count > 0)
        {
            // DuckDB takes no parameters in SET; the directories come from configuration, never from requests, and
            // their quotes are doubled all the same.
            connection.Execute($"SET GLOBAL allowed_directories = [{string.Join(", ", wanted.Select(d => "'" + d.Replace("'", "''", StringComparison.Ordinal) + "'"))}]");
        }
        if (memoryLimit is not null)
        {
            // Checked against IsMemorySize by the caller: digits and a unit, so it cannot carry SQL.
            connection.Execute($"SET GLOBAL memory_limit = '{memoryLimit}'");
        }
        if (threads is { } count)
        {
            connection.Execute($"SET GLOBAL threads = {count.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }
        connection.Execute("""
            SET GLOBAL enable_external_access = false;
            SET GLOBAL autoinstall_known_extensions = false;
            SET GLOBAL autoload_known_extensions = false;
            SET GLOBAL allow_community_extensions = false;
            SET GLOBAL lock_configuration = true;
            """);
    }

    /// <summary>The full path with one trailing separator, which keeps /tmp/export from admitting /tmp/export-other.</summary>
    /// <summary>True for a size in DuckDB's notation: a number and a unit such as 512MB, 4GiB or 1.5GB.</summary>
    public static bool IsMemorySize(string text) =>
        System.Text.RegularExpressions.Regex.IsMatch(text, @"^[0-9]{1,6}(\.[0-9]{1,3})?\s?(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));

    private static string AsDirectory(string path) =>
        System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(path)) + System.IO.Path.DirectorySeparatorChar;
}
