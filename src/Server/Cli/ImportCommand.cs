using System.CommandLine;
using Kencana.Warehouse.Import;

namespace Kencana.Server.Cli;

/// <summary><c>import FILE...</c>: loads observations, targets or sources, all or nothing.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files")
        {
            Description = "CSV (comma or semicolon separated, decimal point or comma, UTF-8 with or without BOM) or Parquet files of observations, targets or sources.",
            Arity = ArgumentArity.OneOrMore,
        };
        var warehouse = WarehouseLocation.WarehouseOption();
        var create = WarehouseLocation.CreateOption();
        var force = new Option<bool>("--force") { Description = "Check a file again even if the same file was imported before." };
        var synthetic = new Option<bool>("--synthetic") { Description = "Mark every imported value synthetic." };
        var command = new Command("import", "Import observations, targets or sources. Every file loads in one transaction: one error and nothing changes.")
        {
            files, warehouse, create, force, synthetic,
        };
        command.SetAction(parse =>
        {
            // Failures (import errors, an unusable warehouse, a full disk) end the command in CommandFailure.
            var options = WarehouseLocation.Resolve(parse.GetValue(warehouse), parse.GetValue(create));
            var progress = new ConsoleProgress();
            var database = WarehouseLocation.Prepare(options, progress);
            var report = new Importer(database).Import(
                parse.GetValue(files)!,
                new ImportOptions { Force = parse.GetValue(force), MarkSynthetic = parse.GetValue(synthetic) },
                progress);
            if (report.Files.All(f => f.AlreadyImported))
            {
                Console.WriteLine($"Nothing to do: every file was imported before ({string.Join(", ", report.Files.Select(f => $"{f.File} as data version {f.DataVersion}"))}).");
                return ExitCodes.Success;
            }
            var rate = report.Elapsed.TotalSeconds > 0 ? report.RowsRead / report.Elapsed.TotalSeconds : 0;
            Console.WriteLine($"Imported {report.RowsAdded:N0} of {report.RowsRead:N0} rows from {report.Files.Count} file(s) in {report.Elapsed.TotalSeconds:F2} s ({rate:N0} rows/s) into {options.Path}.");
            return ExitCodes.Success;
        });
        return command;
    }
}
