namespace Kencana.Warehouse.Model;

/// <summary>The values an indicator can take; an open bound is null.</summary>
/// <param name="Min">The smallest valid value, or null.</param>
/// <param name="Max">The largest valid value, or null.</param>
public sealed record ValueRange(double? Min, double? Max)
{
    /// <summary>True when the value lies inside the range, bounds included.</summary>
    public bool Contains(double value) => (Min is null || value >= Min) && (Max is null || value <= Max);

    /// <inheritdoc />
    public override string ToString() => $"{Min?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-inf"} to {Max?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "+inf"}";
}
