namespace Kencana.Server.Identity;

/// <summary>The authorization policies endpoints name; everything else falls back to <see cref="Read"/>.</summary>
public static class KencanaPolicies
{
    /// <summary>Anyone when anonymous reads are on, else any valid identity. The fallback for every endpoint.</summary>
    public const string Read = "read";

    /// <summary>Registering persisted documents, large exports: <see cref="Roles.Analysts"/>.</summary>
    public const string Analyst = "analyst";

    /// <summary>Imports: <see cref="Roles.Importers"/>.</summary>
    public const string Import = "import";

    /// <summary>The audit trail: <see cref="Roles.Auditors"/>.</summary>
    public const string Audit = "audit";
}
