using System.CommandLine;
using Kencana.Warehouse.Model;
using Kencana.Warehouse.Synthetic;

namespace Kencana.Server.Cli;

/// <summary><c>generate</c>: writes a separate warehouse with a synthetic panel, for scale tests and demos.</summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var level = new Option<string>("--level") { Description = "province, regency (kabupaten and kota), district or village.", Required = true };
        var years = new Option<string>("--years") { Description = "A year range such as 2015-2024.", DefaultValueFactory = _ => "2015-2024" };
        var granularity = new Option<string>("--granularity") { Description = "year, semester, quarter or month.", DefaultValueFactory = _ => "year" };
        var seed = new Option<int>("--seed") { Description = "The random seed; the same seed gives the same panel.", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out") { Description = "The warehouse file to write (replaced if it exists).", Required = true };
        var indicators = new Option<string?>("--indicators") { Description = $"Comma-separated codes; default {string.Join(",", SyntheticIndicator.Core.Select(i => i.Code))}." };
        var command = new Command("generate", "Write a separate warehouse with a synthetic panel for every region of a level. Every value is marked synthetic; the real seed is never mixed in.")
        {
            level, years, granularity, seed, output, indicators,
        };
        command.SetAction(parse =>
        {
            if (!Enum.TryParse<RegionLevel>(parse.GetValue(level), ignoreCase: true, out var regionLevel) || regionLevel is RegionLevel.Nation or RegionLevel.City)
            {
                Console.Error.WriteLine($"--level '{parse.GetValue(level)}' is not one of province, regency, district, village.");
                return 2;
            }
            if (!TryParseYears(parse.GetValue(years)!, out var from, out var to))
            {
                Console.Error.WriteLine($"--years '{parse.GetValue(years)}' is not a range such as 2015-2024.");
                return 2;
            }
            if (!Enum.TryParse<Granularity>(parse.GetValue(granularity), ignoreCase: true, out var grain))
            {
                Console.Error.WriteLine($"--granularity '{parse.GetValue(granularity)}' is not one of year, semester, quarter, month.");
                return 2;
            }
            var codes = parse.GetValue(indicators)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var options = new GeneratorOptions(regionLevel, from, to, grain, parse.GetValue(seed), parse.GetValue(output)!, codes);
            // An unwritable --out or a full disk ends the command in CommandFailure; the file is written aside and
            // moved into place only when complete, so nothing half-written is left at --out.
            var report = PanelGenerator.Generate(options, WarehouseLocation.Resolve(null).ResolveSeedDirectory(), new ConsoleProgress());
            Console.WriteLine($"Generated {report.Rows:N0} synthetic rows ({report.LevelRows:N0} at {regionLevel.ToStorageName()} level) in {report.Elapsed.TotalSeconds:F1} s: {report.RowsPerSecond:N0} rows/s; {report.FileBytes / 1048576.0:N1} MiB at {report.Path}.");
            Console.WriteLine($"Serve it with: dotnet run --project src/Server -- --warehouse {report.Path}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static bool TryParseYears(string text, out int from, out int to)
    {
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        from = to = 0;
        return parts.Length switch
        {
            1 => int.TryParse(parts[0], out from) && (to = from) == from,
            2 => int.TryParse(parts[0], out from) && int.TryParse(parts[1], out to),
            _ => false,
        };
    }
}
