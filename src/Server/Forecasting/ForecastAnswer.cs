using Kencana.Forecasting;
using Kencana.Forecasting.Training;
using Kencana.Warehouse.Model;
using Kencana.Warehouse.Targets;

namespace Kencana.Server.Forecasting;

/// <summary>A forecast as the API shows it: the result, the model behind it and where its target comes from.</summary>
public sealed record ForecastAnswer(
    Indicator Indicator,
    Region Region,
    ForecastResult Result,
    ModelMetadata Model,
    ResolvedTarget? StoredTarget,
    bool IsSynthetic);
