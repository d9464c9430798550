using GraphQL.Types;
using Kencana.Forecasting;

namespace Kencana.Server.GraphQL.Types.Forecasting;

public sealed class ForecastMethodGraphType : EnumerationGraphType<ForecastMethod>
{
    public ForecastMethodGraphType()
    {
        Name = "ForecastMethod";
        Description = "How a forecast was made: NAIVE, DRIFT, DAMPED_TREND, THETA, LOG_LINEAR (the UNICEF/WHO AARR projection), HIERARCHICAL (partial pooling toward the parent region and the nation), GLOBAL (the pooled ML.NET model correcting it) or COMBINATION.";
    }
}

public sealed class ReliabilityGraphType : EnumerationGraphType<Reliability>
{
    public ReliabilityGraphType()
    {
        Name = "Reliability";
        Description = "How far a forecast can be trusted: HIGH, MODERATE (few residuals behind its intervals) or LOW (one or two points, a history borrowed across a boundary change, a projected change beyond any province's between two surveys, or uncalibrated intervals).";
    }
}

public sealed class WarningKindGraphType : EnumerationGraphType<WarningKind>
{
    public WarningKindGraphType()
    {
        Name = "ForecastWarningKind";
        Description = "What limits a forecast.";
    }
}
