using System.CommandLine;
using GraphQL;
using GraphQL.Types;
using Kencana.Server.Forecasting;
using Kencana.Server.GraphQL;
using Kencana.Server.Hosting;

namespace Kencana.Server.Cli;

/// <summary><c>schema [--out FILE]</c>: prints the served schema in SDL, the source of <c>schema.graphql</c>.</summary>
internal static class SchemaCommand
{
    public static Command Create()
    {
        var output = new Option<string?>("--out") { Description = "Write to this file instead of standard output (schema.graphql at the repository root)." };
        var command = new Command("schema", "Print the GraphQL schema the server serves, in SDL.") { output };
        command.SetAction(parse =>
        {
            var sdl = Print();
            if (parse.GetValue(output) is { } path)
            {
                File.WriteAllText(path, sdl);
                Console.Error.WriteLine($"Wrote {Path.GetFullPath(path)}");
            }
            else
            {
                Console.Write(sdl);
            }
            return 0;
        });
        return command;
    }

    /// <summary>The schema as the server builds it, printed with descriptions, ending in one newline.</summary>
    public static string Print(ISchema schema) => schema.Print().TrimEnd() + "\n";

    private static string Print()
    {
        var builder = WebApplication.CreateBuilder();
        builder.AddWarehouse();
        builder.AddKencanaGraphQL();
        builder.AddForecasting();
        using var app = builder.Build();
        return Print(app.Services.GetRequiredService<ISchema>());
    }
}
