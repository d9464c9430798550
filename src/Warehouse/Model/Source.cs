namespace Kencana.Warehouse.Model;

/// <summary>Where values come from: a publication, a dataset or a generator.</summary>
/// <param name="Id">The stable id, for example <c>S28</c>.</param>
/// <param name="Title">The title of the publication.</param>
/// <param name="Publisher">Who published it.</param>
/// <param name="Url">Where it can be read, when it is online.</param>
/// <param name="PublishedOn">When the source was released, kept apart from the year the data refer to.</param>
/// <param name="Priority">Decides the default among conflicting values when none is flagged preferred: 1 is highest.</param>
/// <param name="Note">What the source was used for.</param>
/// <param name="IsSynthetic">True for generated data, never real.</param>
public sealed record Source(
    string Id,
    string Title,
    string Publisher,
    string? Url,
    DateOnly? PublishedOn,
    int Priority,
    string? Note,
    bool IsSynthetic);
