using System.CommandLine;

namespace Kencana.Server.Cli;

/// <summary>The server's commands besides serving: import, generate, schema.</summary>
internal static class KencanaCommandLine
{
    private static readonly string[] Names = ["import", "generate", "schema", "forecast", "backtest", "keys", "sql-api", "--help", "-h", "-?"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Names.Contains(args[0]);

    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("Kencana Analytics. Without a command, serves GraphQL at /graphql on the warehouse (options: --warehouse FILE, --rebuild, --urls URL).")
        {
            ImportCommand.Create(),
            GenerateCommand.Create(),
            SchemaCommand.Create(),
            ForecastingCommands.Forecast(),
            ForecastingCommands.Backtest(),
            KeysCommand.Create(),
            SqlApi.SqlApiCommand.Create(),
        };
        try
        {
            // The default handler prints the stack trace; CommandFailure prints the line that names the fix.
            return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return CommandFailure.Report(ex, Console.Error);
        }
    }
}
