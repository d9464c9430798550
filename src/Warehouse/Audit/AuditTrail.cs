using DuckDB.NET.Data;
using Kencana.Warehouse.Storage;

namespace Kencana.Warehouse.Audit;

/// <summary>
/// The audit trail: every write through the server (targets, imports) recorded in the warehouse in the same
/// transaction as the write itself, so that there is never a write without its entry nor an entry without its write.
/// </summary>
public sealed class AuditTrail(WarehouseDatabase database)
{
    /// <summary>The most entries one read returns.</summary>
    public const int MaxPage = 1000;

    /// <summary>The newest entries first.</summary>
    /// <param name="first">How many, 1 to <see cref="MaxPage"/>.</param>
    /// <param name="action">Only entries of this action, when given.</param>
    /// <param name="actor">Only entries whose actor contains this text, when given.</param>
    /// <param name="cancellationToken">Interrupts the query inside DuckDB.</param>
    public IReadOnlyList<AuditEntry> Read(int first, string? action = null, string? actor = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(first, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(first, MaxPage);
        using var connection = database.OpenConnection();
        return [.. connection.Query(
            """
            SELECT id, written_at, actor, role, action, subject, data_version, before_value, after_value, file_name, file_sha256, row_count
            FROM audit_log
            WHERE ($action IS NULL OR action = $action) AND ($actor IS NULL OR contains(actor, $actor))
            ORDER BY id DESC LIMIT $first
            """,
            r => new AuditEntry(
                r.GetInt64(0), r.GetDateTime(1), r.GetString(2), r.GetString(3), r.GetString(4),
                r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetInt32(6),
                r.IsDBNull(7) ? null : r.GetString(7), r.IsDBNull(8) ? null : r.GetString(8),
                r.IsDBNull(9) ? null : r.GetString(9), r.IsDBNull(10) ? null : r.GetString(10), r.IsDBNull(11) ? null : r.GetInt64(11)),
            cancellationToken,
            ("action", action), ("actor", actor), ("first", first))];
    }

    /// <summary>Records one write on the connection of its transaction.</summary>
    internal static void Record(DuckDBConnection connection, AuditActor actor, string action, string? subject, int? dataVersion,
        string? before = null, string? after = null, string? fileName = null, string? fileSha256 = null, long? rows = null) =>
        connection.Execute(
            """
            INSERT INTO audit_log
            SELECT coalesce(max(id), 0) + 1, now()::TIMESTAMP, $actor, $role, $action, $subject, $version, $before, $after, $file, $sha, $rows
            FROM audit_log
            """,
            ("actor", actor.Name), ("role", actor.Role), ("action", action), ("subject", subject), ("version", dataVersion),
            ("before", before), ("after", after), ("file", fileName), ("sha", fileSha256), ("rows", rows));
}
