namespace Kencana.Forecasting;

/// <summary>How many decimals a forecast deserves.</summary>
internal static class Precision
{
    private const int MaxDecimals = 3;

    /// <summary>No more decimals than the observations were published with, and no digit finer than a tenth of the
    /// narrowest 80% interval's half-width: a forecast of 18.37 give or take 3 points claims what nobody knows.</summary>
    public static int SuggestedDecimals(IEnumerable<double> observed, double narrowestWidth80)
    {
        var published = observed.Max(Decimals);
        var halfWidth = narrowestWidth80 / 2;
        var supported = halfWidth > 0 && double.IsFinite(halfWidth)
            ? (int)Math.Ceiling(-Math.Log10(halfWidth / 10))
            : MaxDecimals;
        return Math.Clamp(Math.Min(published, supported), 0, MaxDecimals);
    }

    private static int Decimals(double value)
    {
        for (var d = 0; d < MaxDecimals; d++)
        {
            if (Math.Abs(value - Math.Round(value, d)) < 1e-9 * Math.Max(1, Math.Abs(value)))
            {
                return d;
            }
        }
        return MaxDecimals;
    }
}
