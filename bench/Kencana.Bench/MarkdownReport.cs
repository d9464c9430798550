using System.Text;

namespace Kencana.Bench;

/// <summary>Renders the results as Markdown that pastes into an issue note as it is.</summary>
internal static class MarkdownReport
{
    public static string Render(RunEnvironment environment, BenchOptions options, IReadOnlyList<IScenarioResult> results)
    {
        var text = new StringBuilder();
        text.Append("### Kencana.Bench\n\n");
        text.Append($"{environment.Describe()}; 1-minute load average {environment.LoadAtStart} at start, {MachineLoad.Read()} at end. Options: `{options.Describe()}`.\n\n");
        text.Append("Baselines are bare DuckDB on the same files, measured in the same run; a time ratio above 1 and a rate ratio below 1 mean Kencana is slower.\n\n");
        AppendTable(text, ["Scenario", "Kencana", "DuckDB alone (same run)", "Kencana / DuckDB"],
            results.SelectMany(r => r.Summary()).Select(r => new[] { r.Scenario, r.Kencana, r.Baseline, r.Comparison }));
        text.Append('\n');
        AppendTable(text, ["Scenario", "Detail", "Value"],
            results.SelectMany(r => r.Details()).Select(r => new[] { r.Scenario, r.Measure, r.Value }));
        return text.ToString();
    }

    private static void AppendTable(StringBuilder text, string[] header, IEnumerable<string[]> rows)
    {
        AppendRow(text, header);
        AppendRow(text, [.. header.Select(_ => "---")]);
        foreach (var row in rows)
        {
            AppendRow(text, row);
        }
    }

    private static void AppendRow(StringBuilder text, IEnumerable<string> cells) =>
        text.Append("| ").Append(string.Join(" | ", cells.Select(Cell))).Append(" |\n");

    /// <summary>Error messages can hold pipes and line breaks, either of which would break the table.</summary>
    private static string Cell(string value) =>
        value.ReplaceLineEndings(" ").Replace("|", "\\|", StringComparison.Ordinal);
}
