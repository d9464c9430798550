using System.Diagnostics;
using DuckDB.NET.Data;

namespace Kencana.Warehouse.Storage;

/// <summary>
/// Terse, always-parameterised command execution on a DuckDB connection. A cancellation token interrupts the
/// statement inside DuckDB, so a request that runs too long stops using the CPU instead of being abandoned.
/// </summary>
internal static class DuckDBConnectionExtensions
{
    public static int Execute(this DuckDBConnection connection, string sql, params (string Name, object? Value)[] parameters) =>
        connection.Execute(sql, CancellationToken.None, parameters);

    public static int Execute(this DuckDBConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand(sql, parameters);
        using var interrupt = InterruptOn(command, cancellationToken);
        return Timed(() => Translate(() => command.ExecuteNonQuery(), cancellationToken));
    }

    public static T? Scalar<T>(this DuckDBConnection connection, string sql, params (string Name, object? Value)[] parameters) =>
        connection.Scalar<T>(sql, CancellationToken.None, parameters);

    public static T? Scalar<T>(this DuckDBConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand(sql, parameters);
        using var interrupt = InterruptOn(command, cancellationToken);
        var result = Timed(() => Translate(command.ExecuteScalar, cancellationToken));
        return result is null or DBNull ? default : (T)Convert.ChangeType(result, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static IEnumerable<T> Query<T>(this DuckDBConnection connection, string sql, Func<DuckDBDataReader, T> map, params (string Name, object? Value)[] parameters) =>
        connection.Query(sql, map, CancellationToken.None, parameters);

    public static IEnumerable<T> Query<T>(this DuckDBConnection connection, string sql, Func<DuckDBDataReader, T> map, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand(sql, parameters);
        using var interrupt = InterruptOn(command, cancellationToken);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var reader = Translate(() => (DuckDBDataReader)command.ExecuteReader(), cancellationToken);
            while (Translate(reader.Read, cancellationToken))
            {
                yield return map(reader);
            }
        }
        finally
        {
            WarehouseStatistics.AddElapsed(started);
        }
    }

    public static DuckDBCommand CreateCommand(this DuckDBConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        WarehouseStatistics.CountStatement();
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(new DuckDBParameter(name, value ?? DBNull.Value));
        }
        return command;
    }

    /// <summary>Runs a statement and adds its time to the current operation's (see <see cref="WarehouseStatistics"/>).</summary>
    private static TResult Timed<TResult>(Func<TResult> run)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return run();
        }
        finally
        {
            WarehouseStatistics.AddElapsed(started);
        }
    }

    private static CancellationTokenRegistration InterruptOn(DuckDBCommand command, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return cancellationToken.CanBeCanceled ? cancellationToken.Register(command.Cancel) : default;
    }

    /// <summary>An interrupted statement surfaces as a DuckDB error; report it as the cancellation it is.</summary>
    private static TResult Translate<TResult>(Func<TResult> run, CancellationToken cancellationToken)
    {
        try
        {
            return run();
        }
        catch (DuckDBException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The warehouse query was interrupted.", cancellationToken);
        }
    }
}
