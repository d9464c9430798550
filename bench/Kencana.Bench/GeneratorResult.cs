using Kencana.Warehouse.Model;
using Kencana.Warehouse.Synthetic;

namespace Kencana.Bench;

/// <summary>The generator's report and bare DuckDB writing as many trivial rows.</summary>
internal sealed record GeneratorResult(GeneratorOptions Options, GeneratorReport Report, BaselineRun Baseline) : IScenarioResult
{
    private double BaselineRate => Quantity.Rate(Report.Rows, Baseline.Elapsed);

    public IEnumerable<SummaryRow> Summary() =>
    [
        new SummaryRow(
            $"{GeneratorScenario.Name}: {Options.Level.ToStorageName()} x month {Options.FromYear}-{Options.ToYear}, {Quantity.Count(Report.Rows)} rows",
            $"{Quantity.RowsPerSecond(Report.RowsPerSecond)} ({Quantity.Seconds(Report.Elapsed)})",
            $"{Quantity.RowsPerSecond(BaselineRate)} ({Quantity.Seconds(Baseline.Elapsed)}): CREATE TABLE AS range(N), random()",
            Quantity.Ratio(Report.RowsPerSecond / BaselineRate, "rate")),
    ];

    public IEnumerable<DetailRow> Details() =>
    [
        new DetailRow(GeneratorScenario.Name, "rows at the generated level / rolled up to parents",
            $"{Quantity.Count(Report.LevelRows)} / {Quantity.Count(Report.Rows - Report.LevelRows)}"),
        new DetailRow(GeneratorScenario.Name, "warehouse file (reference tables included)",
            $"{Quantity.MiB(Report.FileBytes)}, {Quantity.BytesPerRow(Report.FileBytes, Report.Rows)}"),
        new DetailRow(GeneratorScenario.Name, "DuckDB alone: rows, file",
            $"{Quantity.Count(Baseline.Rows)} rows, {Quantity.MiB(Baseline.FileBytes)}, {Quantity.BytesPerRow(Baseline.FileBytes, Baseline.Rows)}"),
    ];
}
