using System.Diagnostics;
using System.Text.Json;

namespace Kencana.Bench.Api;

/// <summary>What the harness is told to do.</summary>
/// <param name="Endpoint">The server's /graphql on 127.0.0.1.</param>
/// <param name="Warehouse">A copy of the server's warehouse, for the SQL baseline; the harness keeps DuckDB open on it.</param>
/// <param name="ColdWarehouse">A second copy, opened with no connection held, so that every connection creates the DuckDB instance anew as the idle server does; null to skip that variant.</param>
/// <param name="Requests">Timed requests per query and variant.</param>
/// <param name="Warmup">Untimed requests first.</param>
/// <param name="Queries">Which scenarios, by key.</param>
/// <param name="MaxPerQuery">A query stops early, with fewer timings, once its timed loop has run this long.</param>
internal sealed record LatencyOptions(Uri Endpoint, string Warehouse, string? ColdWarehouse, int Requests, int Warmup, IReadOnlyList<string> Queries, TimeSpan MaxPerQuery);

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
    int ChangedAnswers,
    string? Note);

/// <summary>Fixed costs: an HTTP round trip with no SQL, and opening a DuckDB connection with and without a live instance.</summary>
internal sealed record FixedCosts(Latency EmptyGraphQL, Latency OpenWarm, Latency? OpenCold);

/// <summary>Runs the scenarios: GraphQL request i, then the SQL variants of request i, and so on, so drifting machine load hits every side alike.</summary>
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
        progress.Report($"{scenario.Key}: {options.Warmup} warm-up + {options.Requests} timed requests (GraphQL, field SQL, server statements{(cold is null ? "" : ", server statements on a cold instance")})");
        var body = GraphQLEndpoint.Body(scenario.Query);
        var graphql = new List<double>(options.Requests);
        var field = new List<double>(options.Requests);
        var serverWarm = new List<double>(options.Requests);
        var serverCold = new List<double>(options.Requests);
        int graphqlRows = 0, fieldRows = 0, serverRows = 0, answerBytes = 0, changed = 0;
        long fieldStatements = 0, serverStatements = 0;
        string? note = null;
        var timed = new Stopwatch();

        for (var i = 0; i < options.Warmup + options.Requests; i++)
        {
            var measuring = i >= options.Warmup;
            if (i == options.Warmup)
            {
                timed.Start();
            }
            if (measuring && timed.Elapsed > options.MaxPerQuery)
            {
                note = $"stopped after {graphql.Count} timed requests: the {options.MaxPerQuery.TotalSeconds:F0} s budget ran out";
                progress.Report($"{scenario.Key}: {note}");
                break;
            }

            var start = Stopwatch.GetTimestamp();
            var answer = await endpoint.PostAsync(body, cancellationToken).ConfigureAwait(false);
            var graphqlMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (i == 0)
            {
                using var document = JsonDocument.Parse(answer);
                graphqlRows = scenario.ResultRows(Scenarios.DataOf(document));
                answerBytes = answer.Length;
            }
            else if (answer.Length != answerBytes)
            {
                changed++;
            }

            var before = warm.Statements;
            start = Stopwatch.GetTimestamp();
            fieldRows = scenario.FieldSql(warm);
            var fieldMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            fieldStatements = warm.Statements - before;

            before = warm.Statements;
            start = Stopwatch.GetTimestamp();
            serverRows = scenario.ServerStatements(warm);
            var serverWarmMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            serverStatements = warm.Statements - before;

            var serverColdMs = double.NaN;
            if (cold is not null)
            {
                start = Stopwatch.GetTimestamp();
                scenario.ServerStatements(cold);
                serverColdMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }

            if (measuring)
            {
                graphql.Add(graphqlMs);
                field.Add(fieldMs);
                serverWarm.Add(serverWarmMs);
                if (cold is not null)
                {
                    serverCold.Add(serverColdMs);
                }
                if (graphql.Count % 50 == 0)
                {
                    progress.Report($"{scenario.Key}: {graphql.Count}/{options.Requests}, GraphQL p50 so far {Latency.Of(graphql).P50:F1} ms");
                }
            }
        }
        if (graphqlRows != fieldRows || graphqlRows != serverRows)
        {
            note = (note is null ? "" : note + "; ") + $"row counts differ: GraphQL {graphqlRows}, field SQL {fieldRows}, server statements {serverRows}";
        }
        return new ScenarioResult(scenario, Latency.Of(graphql), Latency.Of(field), Latency.Of(serverWarm), cold is null ? null : Latency.Of(serverCold),
            graphqlRows, fieldRows, serverRows, answerBytes, fieldStatements, serverStatements, changed, note);
    }

    private async Task<FixedCosts> MeasureFixedCostsAsync(GraphQLEndpoint endpoint, DirectSql warm, DirectSql? cold, CancellationToken cancellationToken)
    {
        var count = Math.Min(options.Requests, 100);
        progress.Report($"fixed costs: {count} empty GraphQL requests and DuckDB connection opens");
        var body = GraphQLEndpoint.Body("{ __typename }");
        var empty = new List<double>();
        var openWarm = new List<double>();
        var openCold = new List<double>();
        for (var i = 0; i < options.Warmup + count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await endpoint.PostAsync(body, cancellationToken).ConfigureAwait(false);
            var emptyMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;

            start = Stopwatch.GetTimestamp();
            warm.Rows(ServerSql.SelectOne);
            var warmMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;

            var coldMs = double.NaN;
            if (cold is not null)
            {
                start = Stopwatch.GetTimestamp();
                cold.Rows(ServerSql.SelectOne);
                coldMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
            if (i >= options.Warmup)
            {
                empty.Add(emptyMs);
                openWarm.Add(warmMs);
                openCold.Add(coldMs);
            }
        }
        return new FixedCosts(Latency.Of(empty), Latency.Of(openWarm), cold is null ? null : Latency.Of(openCold));
    }
}
