namespace Kencana.Bench;

/// <summary>A fact behind the summary (single runs, sizes, row counts), for whoever wants to check a ratio.</summary>
internal sealed record DetailRow(string Scenario, string Measure, string Value);
