using System.CommandLine;
using Kencana.Bench.Api;

var url = new Option<string>("--url")
{
    Description = "The server's GraphQL endpoint; only loopback addresses are accepted.",
    DefaultValueFactory = _ => "http://127.0.0.1:5095/graphql",
};
url.Validators.Add(result =>
{
    if (!Uri.TryCreate(result.GetValueOrDefault<string>(), UriKind.Absolute, out var uri) || !uri.IsLoopback || uri.Scheme != Uri.UriSchemeHttp)
    {
        result.AddError("--url must be an http:// address on 127.0.0.1, such as http://127.0.0.1:5095/graphql.");
    }
});
var warehouse = new Option<FileInfo>("--warehouse")
{
    Description = "A copy of the warehouse the server serves, for the direct SQL baseline (DuckDB lets one process open a file).",
    Required = true,
};
var coldWarehouse = new Option<FileInfo?>("--cold-warehouse")
{
    Description = "A second copy, opened with no connection held, to time the server's statements as the idle server runs them. Optional.",
};
var requests = new Option<int>("--requests") { Description = "Timed requests per query and variant.", DefaultValueFactory = _ => 300 };
var coldRequests = new Option<int>("--cold-requests")
{
    Description = "Timed runs of the instance-per-connection SQL variant (slow: each statement creates a DuckDB instance); at most --requests.",
    DefaultValueFactory = _ => 100,
};
var warmup = new Option<int>("--warmup") { Description = "Untimed requests per query first.", DefaultValueFactory = _ => 20 };
var queries = new Option<string[]>("--query")
{
    Description = $"Only these queries (repeatable): {string.Join(", ", Scenarios.All.Select(s => s.Key))}. All by default.",
    AllowMultipleArgumentsPerToken = true,
};
var maxSeconds = new Option<int>("--max-seconds")
{
    Description = "Stop a variant's timed loop after this many seconds, reporting fewer timings.",
    DefaultValueFactory = _ => 600,
};
foreach (var option in new[] { requests, coldRequests, maxSeconds })
{
    option.Validators.Add(result =>
    {
        if (result.GetValueOrDefault<int>() is < 1 or > 100_000)
        {
            result.AddError($"{result.Option.Name} must be from 1 to 100000.");
        }
    });
}
warmup.Validators.Add(result =>
{
    if (result.GetValueOrDefault<int>() is < 1 or > 10_000)
    {
        result.AddError("--warmup must be from 1 to 10000.");
    }
});

var root = new RootCommand("Times representative GraphQL requests against the running server and the same SQL through DuckDB.NET; prints Markdown.")
{
    url, warehouse, coldWarehouse, requests, coldRequests, warmup, queries, maxSeconds,
};
root.SetAction(async (parse, cancellationToken) =>
{
    var keys = parse.GetValue(queries) is { Length: > 0 } chosen ? chosen : [.. Scenarios.All.Select(s => s.Key)];
    var unknown = keys.Except(Scenarios.All.Select(s => s.Key)).ToList();
    if (unknown.Count > 0)
    {
        await Console.Error.WriteLineAsync($"Unknown --query {string.Join(", ", unknown)}; use {string.Join(", ", Scenarios.All.Select(s => s.Key))}.").ConfigureAwait(false);
        return 2;
    }
    var warehouseFile = parse.GetValue(warehouse)!;
    var coldFile = parse.GetValue(coldWarehouse);
    foreach (var file in new[] { warehouseFile, coldFile }.OfType<FileInfo>().Where(f => !f.Exists))
    {
        await Console.Error.WriteLineAsync($"No warehouse at {file.FullName}.").ConfigureAwait(false);
        return 2;
    }
    var options = new LatencyOptions(new Uri(parse.GetValue(url)!), warehouseFile.FullName, coldFile?.FullName,
        parse.GetValue(requests), Math.Min(parse.GetValue(coldRequests), parse.GetValue(requests)), parse.GetValue(warmup), keys, TimeSpan.FromSeconds(parse.GetValue(maxSeconds)));
    var (results, fixedCosts) = await new LatencyRun(options, new StderrProgress()).RunAsync(cancellationToken).ConfigureAwait(false);
    await Console.Out.WriteAsync(LatencyReport.Render(options, results, fixedCosts)).ConfigureAwait(false);
    return 0;
});
return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
