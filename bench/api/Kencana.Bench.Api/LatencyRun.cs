using System.Diagnostics;
using System.Text.Json;

namespace Kencana.Bench.Api;

/// <summary>What the harness is told to do.</summary>
/// <param name="Endpoint">The server's /graphql on 127.0.0.1.</param>
/// <param name="Warehouse">A copy of the server's warehouse, for the SQL baseline; the harness keeps DuckDB open on it.</param>
/// <param name="ColdWarehouse">A second copy, opened with no connection held, so that every connection creates the DuckDB instance anew as the idle server does; null to skip that variant.</param>
/// <param name="Requests">Timed requests per query and variant.</param>
/// <param name="ColdRequests">Timed runs of the slow instance-per-connection variant.</param>
/// <param name="Warmup">Untimed requests first.</param>
/// <param name="Queries">Which scenarios, by key.</param>
/// <param name="MaxPerQuery">A variant of a query stops early, with fewer timings, once its timed loop has run this long.</param>
internal sealed record LatencyOptions(Uri Endpoint, string Warehouse, string? ColdWarehouse, int Requests, int ColdRequests, int Warmup, IReadOnlyList<string> Queries, TimeSpan MaxPerQuery);

/// <summary>The timings of one scenario.</summary>
internal sealed record ScenarioResult(
    Scenario Scenario,
    Latency GraphQL,
    Latency FieldSql,
    Latency ServerSqlWarm,
    Latency? ServerSqlCold,
    int GraphQLRows,
    int FieldSqlRows,
    int ServerSqlRows,
    int AnswerBytes,
    long FieldStatements,
    long ServerStatements,
    long? ReportedStatements,
    int ChangedAnswers,
    string? Note);

/// <summary>Fixed costs: an HTTP round trip with no SQL, and opening a DuckDB connection with and without a live instance.</summary>
internal sealed record FixedCosts(Latency EmptyGraphQL, Latency OpenWarm, Latency? OpenCold);

/// <summary>Runs the scenarios, each variant of a scenario on its own: warm-up, then the timed runs one after another.</summary>
internal sealed class LatencyRun(LatencyOptions options, IProgress<string> progress)
{
    public async Task<(IReadOnlyList<ScenarioResult> Results, FixedCosts Fixed)> RunAsync(CancellationToken cancellationToken)
    {
        using var endpoint = new GraphQLEndpoint(options.Endpoint, TimeSpan.FromSeconds(60));
        if (!await endpoint.WaitUntilUpAsync(TimeSpan.FromSeconds(60), cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"The server at {options.Endpoint} did not answer within 60 s.");
        }
        var warm = new DirectSql(options.Warehouse);
        DirectSql? cold = options.ColdWarehouse is null ? null : new DirectSql(options.ColdWarehouse);
        // The anchor keeps the warm copy's DuckDB instance alive between statements, as a busy server's overlapping requests would.
        using var anchor = warm.Open();

        var fixedCosts = await MeasureFixedCostsAsync(endpoint, warm, cold, cancellationToken).ConfigureAwait(false);
        var results = new List<ScenarioResult>();
        foreach (var scenario in Scenarios.All.Where(s => options.Queries.Contains(s.Key)))
        {
            results.Add(await MeasureAsync(scenario, endpoint, warm, cold, cancellationToken).ConfigureAwait(false));
        }
        return (results, fixedCosts);
    }

    private async Task<ScenarioResult> MeasureAsync(Scenario scenario, GraphQLEndpoint endpoint, DirectSql warm, DirectSql? cold, CancellationToken cancellationToken)
    {
        var body = GraphQLEndpoint.Body(scenario.Query);
        var (first, reportedStatements) = await endpoint.SendAsync(body, cancellationToken).ConfigureAwait(false);
        int graphqlRows;
        using (var document = JsonDocument.Parse(first))
        {
            graphqlRows = scenario.ResultRows(Scenarios.DataOf(document));
        }
        var changed = 0;
        var notes = new List<string>();

        var graphql = await TimeAsync(scenario.Key, "GraphQL", options.Requests, notes, async () =>
        {
            var answer = await endpoint.PostAsync(body, cancellationToken).ConfigureAwait(false);
            if (answer.Length != first.Length)
            {
                changed++;
            }
        }).ConfigureAwait(false);

        var fieldRows = 0;
        var before = warm.Statements;
        fieldRows = scenario.FieldSql(warm);
        var fieldStatements = warm.Statements - before;
        var field = await TimeAsync(scenario.Key, "field SQL", options.Requests, notes, () => Task.FromResult(scenario.FieldSql(warm))).ConfigureAwait(false);

        before = warm.Statements;
        var serverRows = scenario.ServerStatements(warm);
        var serverStatements = warm.Statements - before;
        var serverWarm = await TimeAsync(scenario.Key, "server statements, DuckDB kept open", options.Requests, notes, () => Task.FromResult(scenario.ServerStatements(warm))).ConfigureAwait(false);

        Latency? serverCold = null;
        if (cold is not null)
        {
            serverCold = await TimeAsync(scenario.Key, "server statements, instance per connection", options.ColdRequests, notes, () => Task.FromResult(scenario.ServerStatements(cold))).ConfigureAwait(false);
        }

        if (graphqlRows != fieldRows || graphqlRows != serverRows)
        {
            notes.Add($"row counts differ: GraphQL {graphqlRows}, field SQL {fieldRows}, server statements {serverRows}");
        }
        return new ScenarioResult(scenario, graphql, field, serverWarm, serverCold,
            graphqlRows, fieldRows, serverRows, first.Length, fieldStatements, serverStatements, reportedStatements, changed, notes.Count > 0 ? string.Join("; ", notes) : null);
    }

    /// <summary>Runs <paramref name="work"/> <see cref="LatencyOptions.Warmup"/> times untimed, then up to <paramref name="requests"/> times timed, within the time budget.</summary>
    private async Task<Latency> TimeAsync(string key, string what, int requests, List<string> notes, Func<Task> work)
    {
        progress.Report($"{key}: {what}: {options.Warmup} warm-up + {requests} timed");
        for (var i = 0; i < options.Warmup; i++)
        {
            await work().ConfigureAwait(false);
        }
        var timings = new List<double>(requests);
        var budget = Stopwatch.StartNew();
        for (var i = 0; i < requests; i++)
        {
            if (budget.Elapsed > options.MaxPerQuery)
            {
                notes.Add($"{what}: stopped after {timings.Count} timed runs, the {options.MaxPerQuery.TotalSeconds:F0} s budget ran out");
                break;
            }
            var start = Stopwatch.GetTimestamp();
            await work().ConfigureAwait(false);
            timings.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        var latency = Latency.Of(timings);
        progress.Report($"{key}: {what}: p50 {latency.P50:F1} ms, p99 {latency.P99:F1} ms");
        return latency;
    }

    private async Task<FixedCosts> MeasureFixedCostsAsync(GraphQLEndpoint endpoint, DirectSql warm, DirectSql? cold, CancellationToken cancellationToken)
    {
        var count = Math.Min(options.Requests, 100);
        var notes = new List<string>();
        var body = GraphQLEndpoint.Body("{ __typename }");
        var empty = await TimeAsync("fixed", "empty GraphQL request", count, notes,
            () => endpoint.PostAsync(body, cancellationToken)).ConfigureAwait(false);
        var openWarm = await TimeAsync("fixed", "connection open, DuckDB kept open", count, notes,
            () => Task.FromResult(warm.Rows(ServerSql.SelectOne))).ConfigureAwait(false);
        Latency? openCold = null;
        if (cold is not null)
        {
            openCold = await TimeAsync("fixed", "connection open, instance per connection", Math.Min(count, options.ColdRequests), notes,
                () => Task.FromResult(cold.Rows(ServerSql.SelectOne))).ConfigureAwait(false);
        }
        return new FixedCosts(empty, openWarm, openCold);
    }
}
