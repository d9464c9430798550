using System.CommandLine;
using System.Globalization;
using Kencana.Forecasting;
using Kencana.Forecasting.Backtesting;
using Kencana.Server.Forecasting;
using Kencana.Warehouse.Errors;
using Kencana.Warehouse.Model;
using Kencana.Warehouse.Queries;

namespace Kencana.Server.Cli;

/// <summary><c>forecast</c> and <c>backtest</c>: the forecasting module from the command line, for planners and analysts.</summary>
internal static class ForecastingCommands
{
    public static Command Forecast()
    {
        var indicator = new Option<string>("--indicator") { Description = "The indicator code, for example STUNTING.", Required = true };
        var region = new Option<string>("--region") { Description = "The Kemendagri region code, for example 64.74.", Required = true };
        var horizon = new Option<int>("--horizon") { Description = "Years ahead of the latest value.", DefaultValueFactory = _ => 5 };
        var targetYear = new Option<int?>("--target-year") { Description = "Judge against the target for this year (the stored one, else the national plan's)." };
        var target = new Option<double?>("--target") { Description = "A target value instead of the stored one." };
        var nextSurvey = new Option<string?>("--next-survey") { Description = "The survey the next reading will come from (for example \"SKI 2023\"); another survey than the latest value's widens the intervals." };
        var warehouse = WarehouseLocation.WarehouseOption();
        var create = WarehouseLocation.CreateOption();
        var command = new Command("forecast", "Project an indicator for a region with 80% and 95% intervals and its outlook against a target.")
        {
            indicator, region, horizon, targetYear, target, nextSurvey, warehouse, create,
        };
        command.SetAction(parse => Run(parse.GetValue(warehouse), parse.GetValue(create), services =>
        {
            var found = services.GetRequiredService<IndicatorCatalog>().Find(parse.GetValue(indicator)!) ?? throw new ArgumentException($"Unknown indicator '{parse.GetValue(indicator)}'.");
            var code = RegionCode.TryParse(parse.GetValue(region), out var parsed) ? parsed : throw new ArgumentException($"'{parse.GetValue(region)}' is not a Kemendagri region code (for example 64.74).");
            var place = services.GetRequiredService<RegionDirectory>().Find(code) ?? throw new ArgumentException($"No region has code '{code}'.");
            var answer = services.GetRequiredService<ForecastService>().Forecast(found, place, parse.GetValue(horizon), parse.GetValue(targetYear), parse.GetValue(target), parse.GetValue(nextSurvey));
            Print(answer);
        }));
        return command;
    }

    public static Command Backtest()
    {
        var indicator = new Option<string>("--indicator") { Description = "The indicator code, for example STUNTING.", Required = true };
        var warehouse = WarehouseLocation.WarehouseOption();
        var create = WarehouseLocation.CreateOption();
        var command = new Command("backtest", "Train the indicator's model and print its rolling-origin backtest: MASE, sMAPE, coverage and Winkler scores per method, beside naive.")
        {
            indicator, warehouse, create,
        };
        command.SetAction(parse => Run(parse.GetValue(warehouse), parse.GetValue(create), services =>
        {
            var code = parse.GetValue(indicator)!.Trim().ToUpperInvariant();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var model = services.GetRequiredService<ModelRegistry>().Get(code);
            var report = model.Metadata.Backtest;
            Console.WriteLine($"{code}: {report.SeriesCount} series, {report.Cases} backtest cases, origins {string.Join(", ", report.OriginYears)}; trained in {clock.Elapsed.TotalSeconds:F1} s on data version {model.Metadata.DataVersion}");
            PrintScores("all levels", report.Cases, report.Scores, report.Chosen);
            foreach (var level in report.Levels)
            {
                PrintScores(level.Level, level.Cases, level.Scores, report.Chosen);
            }
            Console.WriteLine("per level and origin year (MAE as a multiple of naive's; coverage of the chosen method):");
            Console.WriteLine($"{"origins",-30}{"cases",7}{"naive",8}{"drift",8}{"Theta",8}{"AARR",8}{"hier.",8}{"pooled",8}{"cov80",8}{"cov95",8}");
            foreach (var origin in report.Origins)
            {
                var naive = origin.Scores.First(s => s.Method == ForecastMethod.Naive).Mae;
                string Ratio(ForecastMethod m) => origin.Scores.FirstOrDefault(s => s.Method == m) is { } s
                    ? string.Create(CultureInfo.InvariantCulture, $"{s.Mae / naive,8:F2}") : $"{"-",8}";
                var chosenScore = origin.Scores.First(s => s.Method == report.Chosen);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{origin.Level,-30}{origin.Cases,7}{naive,8:F2}{Ratio(ForecastMethod.Drift)}{Ratio(ForecastMethod.Theta)}{Ratio(ForecastMethod.LogLinear)}{Ratio(ForecastMethod.Hierarchical)}{Ratio(ForecastMethod.Global)}{chosenScore.Coverage80,8:P0}{chosenScore.Coverage95,8:P0}"));
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Chosen {report.Chosen}: MAE {report.ChosenScore.Mae / report.Naive.Mae:F2} x naive's, MASE {report.ChosenScore.Mase / report.Naive.Mase:F2} x naive's."));
            foreach (var (title, scores) in report.Levels.Select(l => (l.Level, l.Scores)).Prepend(("all levels", report.Scores)))
            {
                PrintPooledGain(title, scores);
            }
            if (model.Metadata.LargestProvinceChange is { } largest)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Largest change of a province between two surveys: {largest.Change:F1} ({largest.RegionCode}, {largest.FromYear}-{largest.ToYear}); short series projecting more are flagged."));
            }
            foreach (var note in report.Notes)
            {
                Console.WriteLine("note: " + note);
            }
        }));
        return command;
    }

    /// <summary>One table: every method's MAE (and its ratio to naive's), MASE, sMAPE, coverage and Winkler scores.</summary>
    private static void PrintScores(string title, int cases, IReadOnlyList<MethodScore> scores, ForecastMethod chosen)
    {
        var naive = scores.First(s => s.Method == ForecastMethod.Naive);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{title}: {cases} forecasts"));
        Console.WriteLine($"{"method",-14}{"cases",7}{"MAE",8}{"xNaive",8}{"MASE",8}{"sMAPE",8}{"cov80",8}{"cov95",8}{"Wink80",9}{"Wink95",9}");
        foreach (var score in scores)
        {
            var mark = score.Method == chosen ? " <- chosen" : "";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{score.Method,-14}{score.Cases,7}{score.Mae,8:F2}{score.Mae / naive.Mae,8:F2}{score.Mase,8:F3}{score.Smape,8:F2}{score.Coverage80,8:P0}{score.Coverage95,8:P0}{score.Winkler80,9:F2}{score.Winkler95,9:F2}{mark}"));
        }
    }

    /// <summary>What the pooled ML.NET model adds: its MAE against the hierarchical prior it corrects and against the
    /// best method that reads the series alone.</summary>
    private static void PrintPooledGain(string title, IReadOnlyList<MethodScore> scores)
    {
        var pooled = scores.FirstOrDefault(s => s.Method == ForecastMethod.Global);
        var prior = scores.FirstOrDefault(s => s.Method == ForecastMethod.Hierarchical);
        var local = scores.Where(s => s.Method is ForecastMethod.Naive or ForecastMethod.Drift or ForecastMethod.DampedTrend or ForecastMethod.Theta or ForecastMethod.LogLinear)
            .MinBy(s => s.Mae);
        if (pooled is null || prior is null || local is null)
        {
            return;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Pooled model ({title}): MAE {pooled.Mae:F2}, {pooled.Mae / prior.Mae:F2} x the hierarchical prior's {prior.Mae:F2}, {pooled.Mae / local.Mae:F2} x the best local method's ({local.Method}, {local.Mae:F2})."));
    }

    private static void Print(ForecastAnswer answer)
    {
        var result = answer.Result;
        var format = "F" + result.SuggestedDecimals.ToString(CultureInfo.InvariantCulture);
        Console.WriteLine($"{answer.Region.Name} ({answer.Region.Code}) · {answer.Indicator.Code} ({answer.Indicator.Unit}) · method {result.Method} (indicator model: {result.ChosenMethod}) · reliability {result.Reliability}{(answer.IsSynthetic ? " · SYNTHETIC DATA" : "")}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"latest {result.Latest.Year}: {result.Latest.Value}{(result.Latest.Survey is { } survey ? $" ({survey})" : "")}{(result.ProjectedSurvey is { } projected ? $" · projects a {projected} reading" : "")}"));
        if (result.Lineage is { } lineage)
        {
            Console.WriteLine($"history: {lineage.Description}");
        }
        Console.WriteLine($"{"year",-6}{"value",10}{"80% interval",24}{"95% interval",24}");
        foreach (var point in result.Points)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{point.Year,-6}{point.Median.ToString(format, CultureInfo.InvariantCulture),10}{$"[{point.Interval80.Lower.ToString(format, CultureInfo.InvariantCulture)}, {point.Interval80.Upper.ToString(format, CultureInfo.InvariantCulture)}]",24}{$"[{point.Interval95.Lower.ToString(format, CultureInfo.InvariantCulture)}, {point.Interval95.Upper.ToString(format, CultureInfo.InvariantCulture)}]",24}"));
        }
        if (result.Outlook is { } outlook)
        {
            var source = answer.StoredTarget is { } stored ? $" ({stored.Target.Plan}, set for {stored.Target.RegionCode})" : " (given)";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"target {outlook.Target.Value} by {outlook.Target.Year}{source}: projected {outlook.ProjectedValue}, probability {outlook.Probability:P0}, AARR achieved {outlook.CurrentAarr?.ToString(CultureInfo.InvariantCulture) ?? "n/a"} vs required {outlook.RequiredAarr?.ToString(CultureInfo.InvariantCulture) ?? "n/a"} %/yr, crossing {outlook.CrossingYear?.ToString(CultureInfo.InvariantCulture) ?? "not within the horizon"}: {(outlook.OnTrack ? "ON TRACK" : "NOT ON TRACK")}"));
        }
        foreach (var warning in result.Warnings)
        {
            Console.WriteLine($"warning: {warning.Message}");
        }
    }

    /// <summary>Runs a command on the warehouse; an unusable warehouse ends it in <see cref="CommandFailure"/>.</summary>
    private static int Run(string? warehousePath, bool create, Action<IServiceProvider> action)
    {
        var database = WarehouseLocation.Prepare(WarehouseLocation.Resolve(warehousePath, create), new ConsoleProgress());
        using var services = CommandServices.Build(database);
        try
        {
            action(services);
            return ExitCodes.Success;
        }
        catch (Exception ex) when (ex is InvalidOperationException or UserInputException)
        {
            // a series the forecasting module cannot project, or a horizon or target year out of range
            Console.Error.WriteLine(ex.Message);
            return ExitCodes.Usage;
        }
    }
}
