namespace Kencana.Forecasting.Input;

/// <summary>How a series crosses a boundary change (the 2022 splits of Papua and Papua Barat, say): a series is never
/// continued across one silently.</summary>
/// <param name="PredecessorCode">The region before the change (91 for Papua before 2022).</param>
/// <param name="ChangeYear">The year of the change; values after it describe the new boundaries.</param>
/// <param name="HistoryFromPredecessor">True when the series' values are the predecessor's, from before the change,
/// standing in for a region that has no value of its own yet; its forecasts are flagged and their intervals
/// widened.</param>
/// <param name="Description">How the history was built, or why there is none, in words a planner can read.</param>
public sealed record SeriesLineage(string PredecessorCode, int ChangeYear, bool HistoryFromPredecessor, string Description);
