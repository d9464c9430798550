using Kencana.Forecasting.Intervals;

namespace Kencana.Forecasting.Tests.Intervals;

public sealed class StudentTTests
{
    [Theory]
    // Textbook t-table values.
    [InlineData(0.975, 1, 12.7062)]
    [InlineData(0.975, 5, 2.5706)]
    [InlineData(0.9, 10, 1.3722)]
    [InlineData(0.975, 1000, 1.9623)]
    public void Quantiles_match_the_t_table(double p, double degreesOfFreedom, double expected) =>
        Assert.Equal(expected, StudentT.Quantile(p, degreesOfFreedom), 3);

    [Fact]
    public void Cdf_inverts_the_quantile() =>
        Assert.Equal(0.9, StudentT.Cdf(StudentT.Quantile(0.9, 3.5), 3.5), 9);
}
