namespace Kencana.Warehouse.Audit;

/// <summary>Who makes a write, as the audit trail records it.</summary>
/// <param name="Name">The identity: <c>key:ID (name)</c>, <c>token:SUBJECT</c>, or <c>command line (USER)</c>.</param>
/// <param name="Role">The role it acted in.</param>
public sealed record AuditActor(string Name, string Role)
{
    /// <summary>Whoever runs a command on the server's own machine, which the file system already vouches for.</summary>
    public static AuditActor CommandLine { get; } = new($"command line ({Environment.UserName})", "operator");
}
