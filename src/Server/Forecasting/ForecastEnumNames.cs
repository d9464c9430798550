namespace Kencana.Server.Forecasting;

/// <summary>A forecasting enum value as the GraphQL schema spells it (DampedTrend is DAMPED_TREND), which is also the key of its text and its value in exports.</summary>
internal static class ForecastEnumNames
{
    public static string ConstantCase<TEnum>(this TEnum value) where TEnum : struct, Enum =>
        string.Concat(value.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : char.ToUpperInvariant(c).ToString()));
}
