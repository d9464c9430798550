using GraphQL.Types;
using Kencana.Forecasting;

namespace Kencana.Server.GraphQL.Types.Forecasting;

public sealed class ForecastMethodGraphType : EnumerationGraphType<ForecastMethod>
{
    public ForecastMethodGraphType()
    {
        Name = "ForecastMethod";
        Description = "How a forecast was made: NAIVE, DRIFT, DAMPED_TREND, THETA, LOG_LINEAR (the UNICEF/WHO AARR projection), GLOBAL (the pooled ML.NET model) or COMBINATION.";
    }
}

public sealed class ReliabilityGraphType : EnumerationGraphType<Reliability>
{
    public ReliabilityGraphType()
    {
        Name = "Reliability";
        Description = "How far a forecast can be trusted: HIGH, MODERATE (few residuals behind its intervals) or LOW (one or two points, or uncalibrated intervals).";
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
