using System.Diagnostics;
using DuckDB.NET.Data;

namespace Kencana.Bench;

/// <summary>DuckDB on its own, with none of the warehouse's schema or checks: the floor each scenario is compared against.</summary>
internal static class BareDuckDb
{
    /// <summary>
    /// Runs <c>CREATE TABLE <paramref name="table"/> AS <paramref name="select"/></c> in a new database file and times
    /// it from creating the file to a checkpoint.
    /// </summary>
    /// <remarks>The checkpoint is timed because the warehouse's own steps end with their data on disk too.</remarks>
    public static BaselineRun TimeInFreshDatabase(string databasePath, string table, string select, params (string Name, object Value)[] parameters)
    {
        if (File.Exists(databasePath))
        {
            throw new InvalidOperationException($"{databasePath} exists; a baseline needs a fresh database file.");
        }
        TimeSpan elapsed;
        long rows;
        var clock = Stopwatch.StartNew();
        using (var connection = new DuckDBConnection($"Data Source={databasePath}"))
        {
            connection.Open();
            Execute(connection, $"CREATE TABLE {table} AS {select}", parameters);
            Execute(connection, "CHECKPOINT");
            elapsed = clock.Elapsed;
            // Counted after the clock stops: DuckDB reports no row count for CREATE TABLE AS.
            rows = Scalar(connection, $"SELECT count(*) FROM {table}");
        }
        return new BaselineRun(elapsed, rows, new FileInfo(databasePath).Length);
    }

    /// <summary>The DuckDB library the warehouse runs on, for the report header.</summary>
    public static string Version()
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT library_version FROM pragma_version()";
        return command.ExecuteScalar()?.ToString() ?? "unknown";
    }

    private static long Scalar(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Execute(DuckDBConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(new DuckDBParameter(name, value));
        }
        command.ExecuteNonQuery();
    }
}
