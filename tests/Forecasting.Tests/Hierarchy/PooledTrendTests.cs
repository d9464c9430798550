using Kencana.Forecasting.Hierarchy;
using Kencana.Forecasting.Input;
using Kencana.Forecasting.Transforms;

namespace Kencana.Forecasting.Tests.Hierarchy;

/// <summary>Pooling goes up the hierarchy: a kabupaten/kota with one reading follows its province's trend as the
/// province itself would be forecast, shrunk toward the nation's, not the province's raw two-survey slope.</summary>
public sealed class PooledTrendTests
{
    private static readonly IndicatorProfile Stunting = new("STUNTING", UnitKind.Percent, BetterWhen.Lower);
    private static readonly ValueTransform Logit = ValueTransform.For(UnitKind.Percent);

    private static TransformedHistory History(string code, AdminLevel level, params (int Year, double Value)[] points) =>
        TransformedHistory.Of(new Series(Stunting, new RegionIdentity(code, level, level == AdminLevel.Nation ? null : code[..2]), points.Select(p => new SeriesPoint(p.Year, p.Value))), Logit);

    [Fact]
    public void A_one_point_kabupaten_follows_its_provinces_trend_shrunk_toward_the_nations()
    {
        var options = new ForecastOptions();
        var nation = History("0", AdminLevel.Nation, (2013, 37.2), (2018, 30.8), (2021, 24.4));
        // A province that fell steeply between two surveys three years apart.
        var province = History("64", AdminLevel.Province, (2018, 35.0), (2021, 22.8));
        var kabupaten = History("64.01", AdminLevel.Regency, (2021, 23.6));
        var anchors = new Anchors([nation, province, kabupaten]);

        var prior = HierarchicalPrior.Of(kabupaten, anchors.At(kabupaten), options);

        var span = 3.0;
        var weight = span / (span + options.TrendEvidenceYears);
        Assert.Equal((weight * prior.ParentSlope) + ((1 - weight) * prior.NationalSlope), prior.Slope, 12);
        Assert.True(prior.Slope < prior.NationalSlope && prior.Slope > prior.ParentSlope, $"slope {prior.Slope} should lie between the province's {prior.ParentSlope} and the nation's {prior.NationalSlope}");
    }

    [Fact]
    public void A_province_follows_the_nations_own_trend()
    {
        var nation = History("0", AdminLevel.Nation, (2013, 37.2), (2018, 30.8), (2021, 24.4));
        var province = History("64", AdminLevel.Province, (2021, 22.8));
        var anchors = new Anchors([nation, province]);

        var prior = HierarchicalPrior.Of(province, anchors.At(province), new ForecastOptions());

        Assert.Equal(prior.NationalSlope, prior.Slope, 12);
    }
}
