namespace Kencana.Warehouse.Synthetic;

/// <summary>How the generator draws one indicator: a level, a trend and spreads on a link scale, plus sampling noise.</summary>
/// <param name="Code">The catalogue code.</param>
/// <param name="Link">The scale the model is additive on.</param>
/// <param name="Centre">The national level in the first year, in the indicator's unit.</param>
/// <param name="Trend">The change per year on the link scale (negative: falling).</param>
/// <param name="ProvinceSpread">Standard deviation of province effects on the link scale.</param>
/// <param name="RegionSpread">Standard deviation of region effects within a province.</param>
/// <param name="TrendSpread">Standard deviation of region-specific trends.</param>
/// <param name="Noise">Standard deviation of period-to-period noise beyond sampling.</param>
/// <param name="VillageDenominator">The typical denominator of a desa (children measured, PUS, women 15-19); zero when the indicator has none.</param>
/// <param name="Scale">Value = Scale x numerator / denominator (100 for percentages, 1000 for ASFR).</param>
public sealed record SyntheticIndicator(
    string Code,
    SyntheticLink Link,
    double Centre,
    double Trend,
    double ProvinceSpread,
    double RegionSpread,
    double TrendSpread,
    double Noise,
    double VillageDenominator,
    double Scale)
{
    /// <summary>The core indicators of the scale target, with plausible national levels and trends.</summary>
    /// <remarks>Centres follow the published national figures in the seed (stunting 24.4% in 2021, unmet need 14.7%,
    /// mCPR about 60%, iBangga in the mid-50s); spreads are chosen to give the regional variety of SSGI tables.</remarks>
    public static IReadOnlyList<SyntheticIndicator> Core { get; } =
    [
        new("STUNTING", SyntheticLink.Logit, 27.0, -0.06, 0.30, 0.35, 0.03, 0.05, 120, 100),
        new("UNMET_NEED", SyntheticLink.Logit, 15.0, -0.03, 0.35, 0.30, 0.02, 0.05, 400, 100),
        new("MCPR", SyntheticLink.Logit, 57.0, 0.03, 0.30, 0.25, 0.02, 0.04, 400, 100),
        new("ACTIVE_FP", SyntheticLink.Logit, 62.0, 0.02, 0.25, 0.25, 0.02, 0.04, 400, 100),
        new("MKJP_SHARE", SyntheticLink.Logit, 22.0, 0.04, 0.40, 0.35, 0.03, 0.05, 250, 100),
        new("ASFR_15_19", SyntheticLink.Log, 30.0, -0.05, 0.30, 0.30, 0.02, 0.05, 90, 1000),
        new("PROGRAM_INFO", SyntheticLink.Logit, 70.0, 0.05, 0.30, 0.30, 0.03, 0.05, 900, 100),
        new("IBANGGA", SyntheticLink.Logit, 54.0, 0.04, 0.20, 0.20, 0.02, 0.03, 0, 100),
    ];
}

/// <summary>The scale on which effects add up; it keeps generated values inside their valid range.</summary>
public enum SyntheticLink
{
    /// <summary>Shares and indices in 0-100: effects add on the log-odds scale.</summary>
    Logit,
    /// <summary>Positive rates: effects add on the log scale.</summary>
    Log,
}
