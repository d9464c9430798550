using System.Diagnostics.Metrics;

namespace Kencana.Server.Operations;

/// <summary>The server's own measurements, beside ASP.NET Core's and the runtime's, exported at /metrics.</summary>
public sealed class KencanaMetrics : IDisposable
{
    public const string MeterName = "Kencana.Server";

    private readonly Meter _meter;
    private readonly Counter<long> _operations;
    private readonly Histogram<long> _statements;

    public KencanaMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _operations = _meter.CreateCounter<long>("kencana.graphql.operations", description: "GraphQL operations answered, by the first error code (none when it succeeded).");
        _statements = _meter.CreateHistogram<long>("kencana.graphql.sql_statements", description: "SQL statements one GraphQL request ran.");
    }

    /// <summary>Counts an answered operation under its first error code, or "none".</summary>
    public void Operation(string? errorCode) => _operations.Add(1, new KeyValuePair<string, object?>("error.code", errorCode ?? "none"));

    /// <summary>Records how many SQL statements a request ran.</summary>
    public void Statements(long count) => _statements.Record(count);

    public void Dispose() => _meter.Dispose();
}
