using Kencana.Warehouse.Model;

namespace Kencana.Warehouse.Tests.Model;

public class RegionCodeTests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData("64", 1)]
    [InlineData("64.74", 2)]
    [InlineData("64.74.01", 3)]
    [InlineData("64.74.01.1001", 4)]
    [InlineData(" 64.74 ", 2)]
    public void Parses_every_level(string text, int depth)
    {
        var code = RegionCode.Parse(text);
        Assert.Equal(depth, code.Depth);
        Assert.Equal(text.Trim(), code.Value);
    }

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("11", 11_000_000_001L)]
    [InlineData("64.74", 64_740_000_002L)]
    [InlineData("64.74.01", 64_740_100_003L)]
    [InlineData("64.74.01.1001", 64_740_110_014L)]
    [InlineData("96.99.99.9999", 96_999_999_994L)]
    public void Key_is_the_codes_digits_padded_to_ten_then_its_depth(string text, long key) =>
        Assert.Equal(key, RegionCode.Parse(text).Key);

    [Theory]
    [InlineData("6474")]
    [InlineData("64.7")]
    [InlineData("64.74.1")]
    [InlineData("64.74.01.101")]
    [InlineData("6a")]
    [InlineData("")]
    public void Rejects_what_is_not_a_Kemendagri_code(string text)
    {
        Assert.False(RegionCode.TryParse(text, out _));
        var error = Assert.Throws<FormatException>(() => RegionCode.Parse(text));
        Assert.Contains("64.74", error.Message);
    }

    [Fact]
    public void A_BPS_code_is_recognised_as_one_but_never_converted()
    {
        Assert.True(RegionCode.LooksLikeBpsCode("6474"));
        Assert.False(RegionCode.TryParse("6474", out _));
        Assert.False(RegionCode.LooksLikeBpsCode("64.74"));
    }

    [Fact]
    public void Structural_parent_climbs_to_the_nation()
    {
        Assert.Equal(RegionCode.Parse("64.74.01"), RegionCode.Parse("64.74.01.1001").StructuralParent);
        Assert.Equal(RegionCode.Parse("64"), RegionCode.Parse("64.74").StructuralParent);
        Assert.Equal(RegionCode.Nation, RegionCode.Parse("64").StructuralParent);
        Assert.Null(RegionCode.Nation.StructuralParent);
    }

    [Fact]
    public void Province_is_the_first_segment_and_none_for_the_nation()
    {
        Assert.Equal(RegionCode.Parse("64"), RegionCode.Parse("64.74.01.1001").Province);
        Assert.Equal(RegionCode.Parse("64"), RegionCode.Parse("64.74").Province);
        Assert.Equal(RegionCode.Parse("64"), RegionCode.Parse("64").Province);
        Assert.Null(RegionCode.Nation.Province);
    }
}
