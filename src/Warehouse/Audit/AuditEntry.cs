namespace Kencana.Warehouse.Audit;

/// <summary>One write as the audit trail recorded it.</summary>
/// <param name="Id">Its number, in the order of the writes.</param>
/// <param name="At">When it committed (UTC).</param>
/// <param name="Actor">Who made it.</param>
/// <param name="Role">The role they acted in.</param>
/// <param name="Action">What kind of write: <c>setTarget</c>, <c>retireTarget</c>, <c>import</c>.</param>
/// <param name="Subject">What it wrote to, for example <c>STUNTING 64.74 2029 YEAR (RPJMD 2025-2029)</c>.</param>
/// <param name="DataVersion">The data version it created.</param>
/// <param name="Before">The value before, as JSON (a target's value, plan and source), or null when there was none.</param>
/// <param name="After">The value after, as JSON, or null when it was removed.</param>
/// <param name="FileName">For an import, the file's name.</param>
/// <param name="FileSha256">For an import, the file's SHA-256.</param>
/// <param name="Rows">For an import, the rows added.</param>
public sealed record AuditEntry(
    long Id,
    DateTime At,
    string Actor,
    string Role,
    string Action,
    string? Subject,
    int? DataVersion,
    string? Before,
    string? After,
    string? FileName,
    string? FileSha256,
    long? Rows);
