namespace Kencana.Forecasting.Input;

/// <summary>What kind of number an indicator is. It decides the space the models work in, so that no forecast or
/// interval ever leaves the values the indicator can take.</summary>
public enum UnitKind
{
    /// <summary>A percentage from 0 to 100 (stunting, mCPR); modelled in logit space.</summary>
    Percent,

    /// <summary>An index bounded by 0 and 100 (iBangga); modelled in logit space like a percentage.</summary>
    Index,

    /// <summary>A strictly positive rate (TFR, ASFR 15-19, median age at first marriage); modelled in log space.</summary>
    Rate,

    /// <summary>A non-negative count (Kampung KB groups); modelled in log(1 + x) space, since a count can be zero.</summary>
    Count,
}
