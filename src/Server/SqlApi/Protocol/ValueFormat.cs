namespace Kencana.Server.SqlApi.Protocol;

/// <summary>The client settings that change how values are written as text: extra_float_digits and TimeZone.</summary>
/// <param name="ExtraFloatDigits">Above 0, floats are written in their shortest exact form (PostgreSQL 12 and later); otherwise with 15 (6) + this many digits.</param>
/// <param name="TimeZone">The zone timestamptz values are shown in.</param>
internal sealed record ValueFormat(int ExtraFloatDigits, TimeZoneInfo TimeZone)
{
    public static ValueFormat Default { get; } = new(1, TimeZoneInfo.Utc);
}
