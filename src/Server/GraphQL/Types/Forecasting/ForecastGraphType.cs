using GraphQL.Types;
using Kencana.Forecasting;
using Kencana.Forecasting.Backtesting;
using Kencana.Forecasting.Outlook;
using Kencana.Server.Forecasting;

namespace Kencana.Server.GraphQL.Types.Forecasting;

public sealed class ForecastGraphType : ObjectGraphType<ForecastAnswer>
{
    public ForecastGraphType()
    {
        Name = "Forecast";
        Description = "A projection of an indicator for a region with 80% and 95% intervals, the model's backtest and the outlook against a target / proyeksi.";
        Field<NonNullGraphType<IndicatorGraphType>>("indicator").Description("The indicator.").Resolve(ctx => ctx.Source.Indicator);
        Field<NonNullGraphType<RegionGraphType>>("region").Description("The region.").Resolve(ctx => ctx.Source.Region);
        Field<NonNullGraphType<ForecastMethodGraphType>>("method").Description("The method used for this series (one or two points force NAIVE or DRIFT).").Resolve(ctx => ctx.Source.Result.Method);
        Field<NonNullGraphType<ForecastMethodGraphType>>("modelMethod").Description("The method the backtest chose for the indicator.").Resolve(ctx => ctx.Source.Result.ChosenMethod);
        Field<NonNullGraphType<ReliabilityGraphType>>("reliability").Description("How far the forecast can be trusted.").Resolve(ctx => ctx.Source.Result.Reliability);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ForecastWarningGraphType>>>>("warnings").Description("What limits this forecast, in words.").Resolve(ctx => ctx.Source.Result.Warnings);
        Field<NonNullGraphType<IntGraphType>>("latestYear").Description("The year of the latest value used.").Resolve(ctx => ctx.Source.Result.Latest.Year);
        Field<NonNullGraphType<FloatGraphType>>("latestValue").Description("The latest value used.").Resolve(ctx => ctx.Source.Result.Latest.Value);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ForecastPointGraphType>>>>("points").Description("The projected years.").Resolve(ctx => ctx.Source.Result.Points);
        Field<NonNullGraphType<BacktestGraphType>>("backtest").Description("How the chosen method did in rolling-origin backtests over every region, beside the naive forecast.").Resolve(ctx => ctx.Source.Model.Backtest);
        Field<OutlookGraphType>("outlook").Description("The outlook against the target, when a target year is given and a target is known.").Resolve(ctx => ctx.Source.Result.Outlook is null ? null : ctx.Source);
        Field<NonNullGraphType<IntGraphType>>("dataVersion").Description("The data version the model was trained on.").Resolve(ctx => ctx.Source.Model.DataVersion);
        Field<NonNullGraphType<DateTimeGraphType>>("trainedAt").Description("When the model was trained.").Resolve(ctx => ctx.Source.Model.TrainedAt);
        Field<NonNullGraphType<IntGraphType>>("decimals").Description("The decimals the data support; values are rounded to them.").Resolve(ctx => ctx.Source.Result.SuggestedDecimals);
        Field<NonNullGraphType<BooleanGraphType>>("isSynthetic").Description("True when the series forecast contains synthetic values.").Resolve(ctx => ctx.Source.IsSynthetic);
        Field<StringGraphType>("projectedSurvey").Description("The survey whose reading the forecast projects: nextSurvey when given, else the family of the latest value's survey (SSGI values project an SSGI reading); null when the values carry no survey.").Resolve(ctx => ctx.Source.Result.ProjectedSurvey);
        Field<StringGraphType>("lineage").Description("How the history crosses a boundary change (the 2022 splits of Papua and Papua Barat): whose values it is built from, or where it starts; null when it crosses none.").Resolve(ctx => ctx.Source.Result.Lineage?.Description);
        Field<StringGraphType>("outlookNote").Description("Why there is no outlook when a target year was asked for: no target applies, and which plan targets exist.").Resolve(ctx => ctx.Source.OutlookNote);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TargetPointGraphType>>>>("planTargets").Description("The plan targets stored for this region and the regions enclosing it, every year, the nearest region first.").Resolve(ctx => ctx.Source.PlanTargets ?? []);
        Field<StringGraphType>("rankNote").Description("In an outlooks list: why this projection is not ranked with the others (low reliability, or no target).").Resolve(ctx => ctx.Source.RankNote);
    }
}

public sealed class ForecastWarningGraphType : ObjectGraphType<ForecastWarning>
{
    public ForecastWarningGraphType()
    {
        Name = "ForecastWarning";
        Description = "Something that limits a forecast.";
        Field<NonNullGraphType<WarningKindGraphType>>("kind").Description("What kind of limit.").Resolve(ctx => ctx.Source.Kind);
        Field(x => x.Message).Description("The limit in words.");
    }
}

public sealed class ForecastPointGraphType : ObjectGraphType<ForecastPoint>
{
    public ForecastPointGraphType()
    {
        Name = "ForecastPoint";
        Description = "One projected year.";
        Field(x => x.Year).Description("The year.");
        Field<NonNullGraphType<FloatGraphType>>("value").Description("The median projection.").Resolve(ctx => ctx.Source.Median);
        Field<NonNullGraphType<FloatGraphType>>("lower80").Description("The lower bound of the 80% interval.").Resolve(ctx => ctx.Source.Interval80.Lower);
        Field<NonNullGraphType<FloatGraphType>>("upper80").Description("The upper bound of the 80% interval.").Resolve(ctx => ctx.Source.Interval80.Upper);
        Field<NonNullGraphType<FloatGraphType>>("lower95").Description("The lower bound of the 95% interval.").Resolve(ctx => ctx.Source.Interval95.Lower);
        Field<NonNullGraphType<FloatGraphType>>("upper95").Description("The upper bound of the 95% interval.").Resolve(ctx => ctx.Source.Interval95.Upper);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ContributionGraphType>>>>("contributions")
            .Description("Why: the pooled model's largest feature contributions to this projection, in the indicator's unit (empty for local methods).")
            .Resolve(ctx => ctx.Source.Contributions);
    }
}

public sealed class ContributionGraphType : ObjectGraphType<Kencana.Forecasting.Pooled.FeatureContribution>
{
    public ContributionGraphType()
    {
        Name = "FeatureContribution";
        Description = "How much one feature moved a projection.";
        Field(x => x.Feature).Description("The feature, for example RelativeToParent or NationalTrendChange.");
        Field(x => x.Effect).Description("Its effect on the projection, in the indicator's unit.");
    }
}

public sealed class BacktestGraphType : ObjectGraphType<BacktestReport>
{
    public BacktestGraphType()
    {
        Name = "Backtest";
        Description = "Rolling-origin backtest scores of the chosen method and of the naive forecast (mae below naiveMae beats naive; MASE below 1 does too, though a two-point series' MASE scale is the very change a one-point origin forecasts).";
        Field<NonNullGraphType<ForecastMethodGraphType>>("method").Description("The chosen method.").Resolve(ctx => ctx.Source.Chosen);
        Field(x => x.SeriesCount).Description("How many regions' series were backtested.");
        Field<NonNullGraphType<IntGraphType>>("cases").Description("How many forecasts were scored for the chosen method.").Resolve(ctx => ctx.Source.ChosenScore.Cases);
        Field<NonNullGraphType<FloatGraphType>>("mae").Description("Mean absolute error, in the indicator's unit (percentage points for a percentage): what the method is chosen by.").Resolve(ctx => Math.Round(ctx.Source.ChosenScore.Mae, 3));
        Field<NonNullGraphType<FloatGraphType>>("naiveMae").Description("The naive forecast's mean absolute error on the same cases, for comparison.").Resolve(ctx => Math.Round(ctx.Source.Naive.Mae, 3));
        Field<NonNullGraphType<FloatGraphType>>("mase").Description("Mean absolute scaled error.").Resolve(ctx => Math.Round(ctx.Source.ChosenScore.Mase, 3));
        Field<NonNullGraphType<FloatGraphType>>("smape").Description("Symmetric mean absolute percentage error, in percent.").Resolve(ctx => Math.Round(ctx.Source.ChosenScore.Smape, 2));
        Field<NonNullGraphType<FloatGraphType>>("coverage80").Description("Share of outcomes inside the 80% intervals.").Resolve(ctx => Math.Round(ctx.Source.ChosenScore.Coverage80, 3));
        Field<NonNullGraphType<FloatGraphType>>("coverage95").Description("Share of outcomes inside the 95% intervals.").Resolve(ctx => Math.Round(ctx.Source.ChosenScore.Coverage95, 3));
        Field<NonNullGraphType<FloatGraphType>>("winkler95").Description("Winkler score of the 95% intervals (width plus penalties for misses; lower is better).").Resolve(ctx => Math.Round(ctx.Source.ChosenScore.Winkler95, 3));
        Field<NonNullGraphType<FloatGraphType>>("naiveMase").Description("The naive forecast's MASE, for comparison.").Resolve(ctx => Math.Round(ctx.Source.Naive.Mase, 3));
        Field<NonNullGraphType<FloatGraphType>>("naiveSmape").Description("The naive forecast's sMAPE.").Resolve(ctx => Math.Round(ctx.Source.Naive.Smape, 2));
        Field<NonNullGraphType<FloatGraphType>>("naiveCoverage95").Description("The naive forecast's 95% coverage.").Resolve(ctx => Math.Round(ctx.Source.Naive.Coverage95, 3));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("notes").Description("What the backtest could not establish.").Resolve(ctx => ctx.Source.Notes);
    }
}

public sealed class OutlookGraphType : ObjectGraphType<ForecastAnswer>
{
    public OutlookGraphType()
    {
        Name = "TargetOutlook";
        Description = "Will the region reach its target? The probability, the AARR achieved against the AARR required, and when the median path crosses the target.";
        Field<NonNullGraphType<FloatGraphType>>("target").Description("The target value.").Resolve(ctx => Outlook(ctx.Source).Target.Value);
        Field<NonNullGraphType<IntGraphType>>("targetYear").Description("The target year.").Resolve(ctx => Outlook(ctx.Source).Target.Year);
        Field<StringGraphType>("plan").Description("The plan that sets the target, when it is a stored one.").Resolve(ctx => ctx.Source.StoredTarget?.Target.Plan);
        Field<StringGraphType>("targetRegionCode").Description("The region whose stored target applies (the national plan when the region has none of its own).").Resolve(ctx => ctx.Source.StoredTarget?.Target.RegionCode.Value);
        Field<NonNullGraphType<FloatGraphType>>("projectedValue").Description("The median projection for the target year.").Resolve(ctx => Outlook(ctx.Source).ProjectedValue);
        Field<NonNullGraphType<FloatGraphType>>("probability").Description("The probability of reaching the target by the target year, from the forecast distribution.").Resolve(ctx => Outlook(ctx.Source).Probability);
        Field<FloatGraphType>("currentAarr").Description("The average annual rate of reduction achieved, 100(1 - e^b) from a log-linear fit, in percent a year.").Resolve(ctx => Outlook(ctx.Source).CurrentAarr);
        Field<FloatGraphType>("requiredAarr").Description("The rate needed from the latest value, 100[1 - (target/latest)^(1/years)], in percent a year.").Resolve(ctx => Outlook(ctx.Source).RequiredAarr);
        Field<IntGraphType>("crossingYear").Description("The year the median path reaches the target; null when it does not within the horizon.").Resolve(ctx => Outlook(ctx.Source).CrossingYear);
        Field<NonNullGraphType<BooleanGraphType>>("onTrack").Description("True when the median projection meets the target by the target year.").Resolve(ctx => Outlook(ctx.Source).OnTrack);
    }

    private static TargetOutlook Outlook(ForecastAnswer answer) => answer.Result.Outlook!;
}
