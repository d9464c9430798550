using Kencana.Forecasting.Baselines;
using Kencana.Forecasting.Transforms;

namespace Kencana.Forecasting.Pooled;

/// <summary>The horizon-free part of a pooled-model row, computed once per origin and reused for every horizon.</summary>
internal sealed class OriginFeatures
{
    /// <summary>How many recent points the recent slope is fitted to: long enough to average out one noisy survey,
    /// short enough to follow a change of pace.</summary>
    private const int RecentWindow = 4;
    private const string NoProvince = "(none)";

    private OriginFeatures(TransformedHistory history)
    {
        var z = history.Z;
        var years = history.Years;
        var n = history.Count;
        var whole = LinearFit.Of(years, z);
        var recentStart = Math.Max(0, n - RecentWindow);
        LastValue = history.LastZ;
        RecentSlope = LinearFit.Of(years[recentStart..], z[recentStart..]).Slope;
        LastChange = n > 1 ? (z[^1] - z[^2]) / (years[^1] - years[^2]) : 0;
        LongSlope = whole.Slope;
        Volatility = whole.ResidualSd;
        PointCount = n;
        SpanYears = years[^1] - years[0];
        RegionLevel = history.Region.Level.ToString();
        Province = history.Region.ProvinceCode ?? NoProvince;
    }

    public double LastValue { get; }

    public double RecentSlope { get; }

    public double LastChange { get; }

    public double LongSlope { get; }

    public double Volatility { get; }

    public int PointCount { get; }

    public int SpanYears { get; }

    public string RegionLevel { get; }

    public string Province { get; }

    public static OriginFeatures Of(TransformedHistory history) => new(history);

    public PooledFeatures ForHorizon(int horizon, double label = 0) => new()
    {
        Horizon = horizon,
        LastValue = (float)LastValue,
        RecentSlope = (float)RecentSlope,
        LastChange = (float)LastChange,
        TrendChange = (float)(RecentSlope * horizon),
        LongSlope = (float)LongSlope,
        Volatility = (float)Volatility,
        PointCount = PointCount,
        SpanYears = SpanYears,
        RegionLevel = RegionLevel,
        Province = Province,
        Label = (float)label,
    };
}
