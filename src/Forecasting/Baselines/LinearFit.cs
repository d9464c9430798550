namespace Kencana.Forecasting.Baselines;

/// <summary>An ordinary least-squares line y = a + b x. Centred on the mean year, since years near 2000 squared lose
/// digits.</summary>
/// <param name="MeanX">The mean of x.</param>
/// <param name="MeanY">The mean of y.</param>
/// <param name="Slope">b, per unit of x.</param>
/// <param name="ResidualSd">The residual standard deviation (n - 2 degrees of freedom), 0 below three points.</param>
internal readonly record struct LinearFit(double MeanX, double MeanY, double Slope, double ResidualSd)
{
    public double At(double x) => MeanY + (Slope * (x - MeanX));

    public static LinearFit Of(ReadOnlySpan<int> x, ReadOnlySpan<double> y)
    {
        var n = x.Length;
        double meanX = 0, meanY = 0;
        for (var i = 0; i < n; i++)
        {
            meanX += x[i];
            meanY += y[i];
        }
        meanX /= n;
        meanY /= n;
        double sxx = 0, sxy = 0;
        for (var i = 0; i < n; i++)
        {
            sxx += (x[i] - meanX) * (x[i] - meanX);
            sxy += (x[i] - meanX) * (y[i] - meanY);
        }
        var slope = sxx > 0 ? sxy / sxx : 0;
        double sse = 0;
        for (var i = 0; i < n; i++)
        {
            var r = y[i] - (meanY + (slope * (x[i] - meanX)));
            sse += r * r;
        }
        var sd = n > 2 ? Math.Sqrt(sse / (n - 2)) : 0;
        return new LinearFit(meanX, meanY, slope, sd);
    }
}
