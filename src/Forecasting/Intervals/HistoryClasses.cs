using Kencana.Forecasting.Baselines;

namespace Kencana.Forecasting.Intervals;

/// <summary>The <see cref="HistoryClass"/> of a history length.</summary>
internal static class HistoryClasses
{
    public static HistoryClass Of(int count) => count switch
    {
        1 => HistoryClass.OnePoint,
        < LocalMethods.FullHistory => HistoryClass.TwoPoints,
        _ => HistoryClass.Full,
    };
}
