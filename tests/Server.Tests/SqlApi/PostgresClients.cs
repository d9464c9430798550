using System.Diagnostics;
using Kencana.Server.Tests.Infrastructure;

namespace Kencana.Server.Tests.SqlApi;

/// <summary>
/// PostgreSQL clients we did not write, from Debian: psql (postgresql-client), and unixODBC's isql with psqlODBC
/// (odbc-postgresql), the ODBC route Excel and Power BI take; installed with apt-get on first use.
/// </summary>
internal static class PostgresClients
{
    public const string Psql = "/usr/bin/psql";
    public const string Isql = "/usr/bin/isql";

    private static readonly string[] OdbcDrivers = ["/usr/lib/x86_64-linux-gnu/odbc/psqlodbcw.so", "/usr/lib/aarch64-linux-gnu/odbc/psqlodbcw.so"];

    private static readonly Lazy<bool> Installed = new(Install, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>psqlODBC's Unicode driver, as Debian installs it.</summary>
    public static string OdbcDriver => OdbcDrivers.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("psqlodbcw.so is not where Debian's odbc-postgresql puts it.");

    /// <summary>Runs psql with a connection string, no psqlrc, unaligned output without headers; returns exit code, stdout and stderr.</summary>
    public static Task<(int ExitCode, string Output, string Error)> PsqlAsync(string connection, string password, params string[] arguments)
    {
        var all = new List<string> { "-X", "-A", "-t", "-v", "ON_ERROR_STOP=1", connection };
        all.AddRange(arguments);
        return RunAsync(Psql, all, new Dictionary<string, string> { ["PGPASSWORD"] = password, ["PGCONNECT_TIMEOUT"] = "30" });
    }

    /// <summary>Runs unixODBC's isql with a DSN-less connection string, feeding it <paramref name="sql"/> on standard input.</summary>
    public static Task<(int ExitCode, string Output, string Error)> IsqlAsync(string connectionString, string sql) =>
        RunAsync(Isql, ["-v", "-k", connectionString, "-b", "-d|"], new Dictionary<string, string>(), sql);

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string program, IEnumerable<string> arguments, IDictionary<string, string> environment, string? input = null)
    {
        _ = Installed.Value;
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }
        process.StandardInput.Close();
        // Generous: a client starts in milliseconds, but not on a machine busy building.
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish within 2 minutes; output so far: {await output}");
        }
        return (process.ExitCode, await output, await error);
    }

    private static bool Install()
    {
        if (File.Exists(Psql) && File.Exists(Isql) && Directory.Exists("/usr/lib/x86_64-linux-gnu/odbc"))
        {
            return true;
        }
        AptGet.Install("The SQL API's client tests", withRecommends: false, "postgresql-client", "unixodbc", "odbc-postgresql");
        return File.Exists(Psql) && File.Exists(Isql)
            ? true
            : throw new InvalidOperationException("apt-get did not install psql and isql.");
    }
}
