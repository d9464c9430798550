namespace Kencana.Bench;

/// <summary>A line of the summary table: Kencana's figure, bare DuckDB's from the same run, and how they compare.</summary>
internal sealed record SummaryRow(string Scenario, string Kencana, string Baseline, string Comparison);
