using System.Runtime.CompilerServices;

namespace Kencana.Warehouse.Storage;

/// <summary>Counters of warehouse work: process-wide, and per logical operation for diagnostics such as how many SQL
/// statements one request cost.</summary>
public static class WarehouseStatistics
{
    private static readonly AsyncLocal<StrongBox<long>?> Scope = new();
    private static long _statements;

    /// <summary>How many SQL statements this process has sent to DuckDB.</summary>
    public static long StatementsExecuted => Interlocked.Read(ref _statements);

    /// <summary>Starts counting the statements of the current logical operation (and whatever it awaits or starts).</summary>
    public static StatementCounter BeginCounting()
    {
        var box = new StrongBox<long>();
        Scope.Value = box;
        return new StatementCounter(box);
    }

    internal static void CountStatement()
    {
        Interlocked.Increment(ref _statements);
        if (Scope.Value is { } box)
        {
            Interlocked.Increment(ref box.Value);
        }
    }
}

/// <summary>The statements counted since <see cref="WarehouseStatistics.BeginCounting"/>.</summary>
public sealed class StatementCounter
{
    private readonly StrongBox<long> _box;

    internal StatementCounter(StrongBox<long> box) => _box = box;

    /// <summary>How many statements so far.</summary>
    public long Count => Interlocked.Read(ref _box.Value);
}
