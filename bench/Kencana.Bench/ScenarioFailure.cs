namespace Kencana.Bench;

/// <summary>A scenario that threw; the report shows the error in place of numbers, and the run goes on with the next one.</summary>
internal sealed record ScenarioFailure(string Scenario, string Error) : IScenarioResult
{
    public IEnumerable<SummaryRow> Summary() => [new SummaryRow(Scenario, "FAILED", "-", "-")];

    public IEnumerable<DetailRow> Details() => [new DetailRow(Scenario, "error", Error)];
}
