using System.Diagnostics;

namespace Kencana.Warehouse.Storage;

/// <summary>Counters of warehouse work: process-wide, and per logical operation for diagnostics such as how many SQL
/// statements one request cost and how long they took.</summary>
public static class WarehouseStatistics
{
    private static readonly AsyncLocal<StatementCounter?> Scope = new();
    private static long _statements;

    /// <summary>How many SQL statements this process has sent to DuckDB.</summary>
    public static long StatementsExecuted => Interlocked.Read(ref _statements);

    /// <summary>Starts counting the statements of the current logical operation (and whatever it awaits or starts).</summary>
    public static StatementCounter BeginCounting()
    {
        var counter = new StatementCounter();
        Scope.Value = counter;
        return counter;
    }

    internal static void CountStatement()
    {
        Interlocked.Increment(ref _statements);
        Scope.Value?.AddStatement();
    }

    /// <summary>Adds the time a statement ran, its rows read included, to the current operation's counter.</summary>
    internal static void AddElapsed(long startTimestamp) => Scope.Value?.AddElapsed(Stopwatch.GetTimestamp() - startTimestamp);
}

/// <summary>The statements counted since <see cref="WarehouseStatistics.BeginCounting"/>, and the time they took.</summary>
public sealed class StatementCounter
{
    private long _count;
    private long _elapsedTicks;

    internal StatementCounter()
    {
    }

    /// <summary>How many statements so far.</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <summary>
    /// How long the statements took, from sending each to reading its last row (mapping the rows included). Statements
    /// that run at the same time, as parallel resolvers' do, add up.
    /// </summary>
    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _elapsedTicks));

    internal void AddStatement() => Interlocked.Increment(ref _count);

    internal void AddElapsed(long ticks) => Interlocked.Add(ref _elapsedTicks, ticks);
}
