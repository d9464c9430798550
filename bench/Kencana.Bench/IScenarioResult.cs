namespace Kencana.Bench;

/// <summary>What a scenario measured, able to describe itself as rows of the report.</summary>
internal interface IScenarioResult
{
    IEnumerable<SummaryRow> Summary();

    IEnumerable<DetailRow> Details();
}
