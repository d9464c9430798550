namespace Kencana.Server.Protection;

/// <summary>
/// Requests per minute, per identity (its key or token) or, for anonymous callers, per IP address: the
/// <c>RateLimits</c> configuration section. Exports and imports have their own, stricter budgets.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public bool Enabled { get; set; } = true;

    public int AnonymousPerMinute { get; set; } = 300;

    public int IdentifiedPerMinute { get; set; } = 1200;

    public int AnonymousExportsPerMinute { get; set; } = 30;

    public int IdentifiedExportsPerMinute { get; set; } = 120;

    public int ImportsPerMinute { get; set; } = 10;

    public bool IsValid => new[] { AnonymousPerMinute, IdentifiedPerMinute, AnonymousExportsPerMinute, IdentifiedExportsPerMinute, ImportsPerMinute }.All(l => l > 0);
}
