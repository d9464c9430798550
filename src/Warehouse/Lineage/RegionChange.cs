using Kencana.Warehouse.Model;

namespace Kencana.Warehouse.Lineage;

/// <summary>One boundary change: a region formed from another (<c>split</c>), or the predecessor living on under its
/// own code on a smaller territory (<c>continues</c>). Values of the predecessor before <see cref="Year"/> + 1
/// describe its old territory, so neither successor continues that series as its own.</summary>
/// <param name="Predecessor">The region before the change.</param>
/// <param name="Successor">The region after it (the predecessor itself when it continues).</param>
/// <param name="Year">The year of the change; from the next year on, values describe the new boundaries.</param>
/// <param name="IsSplit">True when <see cref="Successor"/> is a new region carved out of the predecessor.</param>
/// <param name="SourceId">The law or decree that made the change.</param>
/// <param name="Note">What changed, in words.</param>
public sealed record RegionChange(RegionCode Predecessor, RegionCode Successor, int Year, bool IsSplit, string SourceId, string? Note);
