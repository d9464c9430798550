using Kencana.Forecasting;
using Kencana.Forecasting.Training;
using Kencana.Warehouse.Model;
using Kencana.Warehouse.Targets;

namespace Kencana.Server.Forecasting;

/// <summary>A forecast as the API shows it: the result, the model behind it and where its target comes from.</summary>
/// <param name="Indicator">The indicator.</param>
/// <param name="Region">The region.</param>
/// <param name="Result">The forecast.</param>
/// <param name="Model">The model's metadata.</param>
/// <param name="StoredTarget">The stored target judged against, when the outlook uses one.</param>
/// <param name="IsSynthetic">True when the series contains synthetic values.</param>
/// <param name="OutlookNote">Why there is no outlook (no target for the year), when a target year was asked for.</param>
/// <param name="PlanTargets">The plan targets stored for the region and the regions enclosing it, every year.</param>
/// <param name="RankNote">How an outlook list placed this one, when it is not ranked with the rest (low reliability).</param>
public sealed record ForecastAnswer(
    Indicator Indicator,
    Region Region,
    ForecastResult Result,
    ModelMetadata Model,
    ResolvedTarget? StoredTarget,
    bool IsSynthetic,
    string? OutlookNote = null,
    IReadOnlyList<Target>? PlanTargets = null,
    string? RankNote = null);
