using System.Globalization;
using System.Text;

namespace Kencana.Bench.Api;

/// <summary>The latency part of the benchmark note, as Markdown.</summary>
internal static class LatencyReport
{
    public static string Render(LatencyOptions options, IReadOnlyList<ScenarioResult> results, FixedCosts fixedCosts)
    {
        var md = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        md.AppendLine("### Latency: GraphQL over HTTP against the same SQL through DuckDB.NET");
        md.AppendLine();
        md.AppendLine(inv, $"Milliseconds; {options.Requests} timed requests per query and side, one at a time, each side after {options.Warmup} untimed ones. The sides of a query run one after the other (all its GraphQL requests, then all its SQL runs), each in its own steady state. *GraphQL* is a POST to the running server over a kept-alive connection, timed until the whole answer is read. *SQL* is the field's own statements (listed below) copied from `src/Warehouse` with the same parameters, run through DuckDB.NET on a copy of the warehouse, a new connection per statement as the server opens them, every value read; the harness keeps one extra connection open so DuckDB's database instance stays alive, which is DuckDB's own cost for the work.");
        md.AppendLine();
        md.AppendLine("| Query | Rows | Answer | GraphQL p50 | GraphQL p99 | GraphQL mean | SQL p50 | SQL p99 | SQL mean | Ratio p50 | Ratio p99 |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in results)
        {
            md.AppendLine(inv, $"| {r.Scenario.Key} | {r.GraphQLRows:N0} | {Bytes(r.AnswerBytes)} | {Ms(r.GraphQL.P50)} | {Ms(r.GraphQL.P99)} | {Ms(r.GraphQL.Mean)} | {Ms(r.FieldSql.P50)} | {Ms(r.FieldSql.P99)} | {Ms(r.FieldSql.Mean)} | {Ratio(r.GraphQL.P50, r.FieldSql.P50)} | {Ratio(r.GraphQL.P99, r.FieldSql.P99)} |");
        }
        md.AppendLine();

        md.AppendLine("### Where the time goes");
        md.AppendLine();
        md.AppendLine(inv, $"p50 (p99) in milliseconds; the instance-per-connection column from {options.ColdRequests} runs. *Statements*: how many the harness replays per request, and in brackets how many the server reported in its `X-Kencana-Sql-Statements` header for the same request. *All server statements* replays every statement the server runs for the request (argument checks, catalogues, nested lookups), in order and on as many connections. *DuckDB kept open*: another connection holds the database instance. *Instance per connection*: nothing else is open, so, exactly as in the idle server, each connection creates DuckDB's database instance and closing it destroys the instance again. The last two columns compare GraphQL with that same access pattern: what the GraphQL layer (HTTP, parsing, validation, resolvers, mapping, JSON) adds on top.");
        md.AppendLine();
        md.AppendLine("| Query | Statements (server's header) | Field SQL | All server statements, DuckDB kept open | All server statements, instance per connection | GraphQL | GraphQL / same pattern p50 | p99 |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in results)
        {
            var cold = r.ServerSqlCold is { } c ? $"{Ms(c.P50)} ({Ms(c.P99)})" : "-";
            var ratio50 = r.ServerSqlCold is { } c50 ? Ratio(r.GraphQL.P50, c50.P50) : "-";
            var ratio99 = r.ServerSqlCold is { } c99 ? Ratio(r.GraphQL.P99, c99.P99) : "-";
            md.AppendLine(inv, $"| {r.Scenario.Key} | {r.ServerStatements} ({(r.ReportedStatements is { } reported ? reported.ToString(inv) : "-")}) | {Ms(r.FieldSql.P50)} ({Ms(r.FieldSql.P99)}) | {Ms(r.ServerSqlWarm.P50)} ({Ms(r.ServerSqlWarm.P99)}) | {cold} | {Ms(r.GraphQL.P50)} ({Ms(r.GraphQL.P99)}) | {ratio50} | {ratio99} |");
        }
        md.AppendLine();

        md.AppendLine("### Fixed costs");
        md.AppendLine();
        md.AppendLine("| What | n | p50 | p99 | mean |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: |");
        md.AppendLine(inv, $"| GraphQL `{{ __typename }}` round trip (HTTP and GraphQL, no SQL) | {fixedCosts.EmptyGraphQL.Count} | {Ms(fixedCosts.EmptyGraphQL.P50)} | {Ms(fixedCosts.EmptyGraphQL.P99)} | {Ms(fixedCosts.EmptyGraphQL.Mean)} |");
        md.AppendLine(inv, $"| DuckDB.NET open + `SELECT 1` + close, instance kept open by another connection | {fixedCosts.OpenWarm.Count} | {Ms(fixedCosts.OpenWarm.P50)} | {Ms(fixedCosts.OpenWarm.P99)} | {Ms(fixedCosts.OpenWarm.Mean)} |");
        if (fixedCosts.OpenCold is { } openCold)
        {
            md.AppendLine(inv, $"| DuckDB.NET open + `SELECT 1` + close, no other connection (instance created and destroyed) | {openCold.Count} | {Ms(openCold.P50)} | {Ms(openCold.P99)} | {Ms(openCold.Mean)} |");
        }
        md.AppendLine();

        md.AppendLine("### The queries and their SQL");
        md.AppendLine();
        foreach (var r in results)
        {
            md.AppendLine(inv, $"- **{r.Scenario.Key}**: {r.Scenario.Who}.");
            md.AppendLine(inv, $"  GraphQL: `{r.Scenario.Query}`");
            md.AppendLine(inv, $"  SQL: {r.Scenario.FieldSqlText}. All server statements: {r.Scenario.ServerStatementsText}.");
            var checks = new List<string> { $"rows: GraphQL {r.GraphQLRows:N0}, SQL {r.FieldSqlRows:N0}, server statements {r.ServerSqlRows:N0}" };
            if (r.ChangedAnswers > 0)
            {
                checks.Add($"{r.ChangedAnswers} answers differed in length from the first");
            }
            if (r.Note is not null)
            {
                checks.Add(r.Note);
            }
            md.AppendLine(inv, $"  Checks: {string.Join("; ", checks)}.");
        }
        return md.ToString();
    }

    private static string Ms(double value) => double.IsNaN(value)
        ? "-"
        : value.ToString(value < 10 ? "F2" : "F1", CultureInfo.InvariantCulture);

    private static string Ratio(double a, double b) => double.IsNaN(a) || double.IsNaN(b) || b <= 0
        ? "-"
        : (a / b).ToString(a / b < 10 ? "F2" : "F1", CultureInfo.InvariantCulture) + "x";

    private static string Bytes(int bytes) => bytes < 10_000
        ? bytes.ToString("N0", CultureInfo.InvariantCulture) + " B"
        : (bytes / 1024.0).ToString("N0", CultureInfo.InvariantCulture) + " KiB";
}
