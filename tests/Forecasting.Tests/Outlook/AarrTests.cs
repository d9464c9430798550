using Kencana.Forecasting.Input;
using Kencana.Forecasting.Outlook;
using Kencana.Forecasting.Tests.Infrastructure;

namespace Kencana.Forecasting.Tests.Outlook;

public sealed class AarrTests
{
    [Fact]
    public void Current_aarr_of_two_points_is_the_constant_yearly_decline()
    {
        // 100 in 2020 and 81 in 2022: ln 81 - ln 100 = 2 ln 0.9, so b = ln 0.9 and AARR = 100 (1 - 0.9) = 10.
        var aarr = Aarr.Current([new SeriesPoint(2020, 100), new SeriesPoint(2022, 81)]);

        Assert.Equal(10, aarr!.Value, 1e-9);
    }

    [Fact]
    public void Current_aarr_of_the_national_stunting_series_matches_the_hand_computed_fit()
    {
        // ln 24.4 = 3.194583, ln 21.6 = 3.072693, ln 21.5 = 3.068053, ln 19.8 = 2.985682 (2021-2024).
        // Years centred on 2022.5: -1.5, -0.5, 0.5, 1.5; Sxx = 5.
        // Sxy = -1.5 (3.194583) - 0.5 (3.072693) + 0.5 (3.068053) + 1.5 (2.985682) = -0.315672, b = -0.0631344.
        // AARR = 100 (1 - e^-0.0631344) = 100 (1 - 0.938817) = 6.1183.
        var aarr = Aarr.Current(SeedStunting.National.Points);

        Assert.Equal(6.1183, aarr!.Value, 1e-3);
    }

    [Fact]
    public void Required_aarr_matches_the_hand_computed_values()
    {
        // 100 (1 - (81 / 100)^(1/2)) = 100 (1 - 0.9) = 10.
        Assert.Equal(10, Aarr.Required(100, 81, 2)!.Value, 1e-9);
        // RPJMN 2025-2029: 19.8 in 2024 to 14.2 in 2029: 14.2 / 19.8 = 0.717172; ^(1/5) = 0.935674;
        // 100 (1 - 0.935674) = 6.4326.
        Assert.Equal(6.4326, Aarr.Required(19.8, 14.2, 5)!.Value, 1e-3);
        // A rise shows as a negative AARR: 50 to 60 in one year is -20.
        Assert.Equal(-20, Aarr.Required(50, 60, 1)!.Value, 1e-9);
    }

    [Fact]
    public void Aarr_is_undefined_where_no_constant_rate_exists()
    {
        Assert.Null(Aarr.Current([new SeriesPoint(2024, 20)]));
        Assert.Null(Aarr.Current([new SeriesPoint(2023, 0), new SeriesPoint(2024, 20)]));
        Assert.Null(Aarr.Required(20, 0, 5));
        Assert.Null(Aarr.Required(20, 10, 0));
    }
}
