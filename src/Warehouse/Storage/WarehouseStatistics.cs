namespace Kencana.Warehouse.Storage;

/// <summary>Process-wide counters of warehouse work, for diagnostics and for tests that hold query counts to a bound.</summary>
public static class WarehouseStatistics
{
    private static long _statements;

    /// <summary>How many SQL statements this process has sent to DuckDB.</summary>
    public static long StatementsExecuted => Interlocked.Read(ref _statements);

    internal static void CountStatement() => Interlocked.Increment(ref _statements);
}
