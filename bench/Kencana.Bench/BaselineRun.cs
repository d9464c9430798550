namespace Kencana.Bench;

/// <summary>One timed baseline statement.</summary>
/// <param name="Elapsed">From creating the database file to its checkpoint.</param>
/// <param name="Rows">Rows the statement reported writing, to check it did the same work as the scenario.</param>
/// <param name="FileBytes">The size of the database file it left.</param>
internal sealed record BaselineRun(TimeSpan Elapsed, long Rows, long FileBytes);
