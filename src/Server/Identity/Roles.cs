namespace Kencana.Server.Identity;

/// <summary>
/// The roles an identity may hold, from an API key or a token's role claim. Each role includes what the roles above
/// it in this list may do: an analyst reads, a planner and a data steward do what an analyst does, an admin all of it.
/// </summary>
public static class Roles
{
    /// <summary>Reads everything the API serves (what an anonymous caller may do when anonymous reads are on).</summary>
    public const string Reader = "reader";

    /// <summary>Also registers persisted documents and takes large exports.</summary>
    public const string Analyst = "analyst";

    /// <summary>Also sets and retires targets for the regions of its scope and their descendants.</summary>
    public const string Planner = "planner";

    /// <summary>Also imports observations, targets and sources.</summary>
    public const string DataSteward = "data-steward";

    /// <summary>Everything, for every region, and the audit trail.</summary>
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Reader, Analyst, Planner, DataSteward, Admin];

    /// <summary>The roles that may register persisted documents and take large exports.</summary>
    public static IReadOnlyList<string> Analysts { get; } = [Analyst, Planner, DataSteward, Admin];

    /// <summary>The roles that may write targets (a planner only inside its scope).</summary>
    public static IReadOnlyList<string> TargetWriters { get; } = [Planner, Admin];

    /// <summary>The roles that may import data.</summary>
    public static IReadOnlyList<string> Importers { get; } = [DataSteward, Admin];

    /// <summary>The roles that may read the audit trail.</summary>
    public static IReadOnlyList<string> Auditors { get; } = [Admin];

    /// <summary>The canonical name of a role, accepting <c>steward</c> and <c>data_steward</c> for the data steward; null when unknown.</summary>
    public static string? Normalize(string? role) => role?.Trim().ToLowerInvariant() switch
    {
        Reader => Reader,
        Analyst => Analyst,
        Planner => Planner,
        DataSteward or "steward" or "data_steward" or "datasteward" => DataSteward,
        Admin => Admin,
        _ => null,
    };

    /// <summary>"the role planner or admin": how a refusal names what was missing.</summary>
    public static string Describe(IReadOnlyCollection<string> allowed) =>
        allowed.Count == 1 ? $"the role {allowed.First()}" : $"one of the roles {string.Join(", ", allowed.SkipLast(1))} or {allowed.Last()}";
}
