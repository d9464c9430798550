using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using Kencana.Warehouse.Export;
using Kencana.Warehouse.Storage;

namespace Kencana.Warehouse.SqlApi.Snapshots;

/// <summary>
/// Writes the curated relations of the warehouse's current data version into a snapshot file of their own, which the
/// SQL API then opens read-only in a locked-down instance of its own.
/// </summary>
/// <remarks>
/// The warehouse's instance is locked down (no files outside its granted directories), but a granted directory may
/// hold databases it attaches. So the builder attaches a new file in the snapshot directory (granted to the warehouse
/// for this) and fills each relation with one <c>CREATE TABLE … AS SELECT</c>, all in one transaction: the relations
/// and the data version they are labelled with come from the same consistent read, even while an import commits.
/// This writes the data once, where a detour through Parquet files would write it twice and read it back. Each table
/// is written in the order of its common filters (indicator, region, year), so DuckDB's zone maps skip most of a
/// table for a filtered read. Comments on every relation and column come from <see cref="CuratedRelations"/>. The file
/// is built under a temporary name and renamed when complete (<see cref="SnapshotDirectory"/>).
/// </remarks>
public static class SnapshotBuilder
{
    /// <summary>Builds the snapshot of the current data version, unless it exists already.</summary>
    /// <param name="warehouse">The warehouse; its instance must be allowed to write in <paramref name="root"/>.</param>
    /// <param name="root">The snapshot directory.</param>
    /// <param name="computed">Relations computed in .NET (forecasts), appended after the warehouse's.</param>
    /// <param name="builtBy">
    /// What, besides this assembly, decides the snapshot's content (the caller's code and settings); part of its
    /// stamp, so that <see cref="FindReusable"/> reuses it only for the same.
    /// </param>
    /// <param name="progress">Receives a line per step, for the log.</param>
    /// <param name="cancellationToken">Stops the build; nothing half-built is left behind.</param>
    public static SnapshotFile Build(WarehouseDatabase warehouse, string root, IReadOnlyList<ComputedRelation> computed, string builtBy, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        ArgumentNullException.ThrowIfNull(computed);
        root = Path.GetFullPath(root);
        Directory.CreateDirectory(root);
        var file = SnapshotDirectory.NewBuildingFile(root);
        var catalog = "kencana_sql_build_" + Guid.NewGuid().ToString("N");
        var clock = Stopwatch.StartNew();
        try
        {
            int version;
            string stamp;
            using (var connection = warehouse.OpenConnection())
            {
                // The path comes from configuration, never from a request; DuckDB takes no parameter in ATTACH.
                connection.Execute($"ATTACH {Literal(file)} AS {catalog}");
                try
                {
                    connection.Execute("BEGIN TRANSACTION");
                    version = connection.Scalar<int>("SELECT coalesce(max(version), 0) FROM data_versions", cancellationToken);
                    stamp = Stamp(connection, version, builtBy, cancellationToken);
                    progress?.Report($"building the SQL snapshot of data version {version} in {file}");
                    connection.Execute($"CREATE SCHEMA {catalog}.public", cancellationToken);
                    foreach (var relation in CuratedRelations.All)
                    {
                        var step = Stopwatch.StartNew();
                        Create(connection, catalog, relation, cancellationToken);
                        progress?.Report(relation.IsView
                            ? $"{relation.Name}: view"
                            : $"{relation.Name}: {connection.Scalar<long>($"SELECT count(*) FROM {catalog}.main.{relation.Name}", cancellationToken):N0} rows in {step.Elapsed.TotalSeconds:F1} s");
                    }
                    foreach (var relation in computed)
                    {
                        var step = Stopwatch.StartNew();
                        var rows = Append(connection, catalog, relation, cancellationToken);
                        progress?.Report($"{relation.Name}: {rows:N0} computed rows in {step.Elapsed.TotalSeconds:F1} s");
                    }
                    connection.Execute("COMMIT");
                }
                catch
                {
                    TryExecute(connection, "ROLLBACK");
                    TryExecute(connection, $"DETACH {catalog}");
                    throw;
                }
                // Detaching checkpoints the file: afterwards it is whole, without a write-ahead log.
                connection.Execute($"DETACH {catalog}");
            }
            var complete = SnapshotDirectory.Complete(root, file, version, stamp);
            progress?.Report($"SQL snapshot of data version {version} complete in {clock.Elapsed.TotalSeconds:F1} s: {new FileInfo(complete.Path).Length / 1048576.0:F1} MiB");
            return complete;
        }
        catch
        {
            SnapshotDirectory.TryDelete(new SnapshotFile(0, file));
            throw;
        }
    }

    /// <summary>
    /// The complete snapshot of the warehouse's current data version under <paramref name="root"/>, if one was built
    /// from this warehouse's version by the same code (<paramref name="builtBy"/> and this assembly); else null. A
    /// restart then opens it instead of building it again, which takes minutes for a national village-level warehouse.
    /// </summary>
    /// <exception cref="WarehouseUnavailableException">The warehouse cannot be read.</exception>
    public static SnapshotFile? FindReusable(WarehouseDatabase warehouse, string root, string builtBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        using var connection = warehouse.OpenConnection();
        var version = connection.Scalar<int>("SELECT coalesce(max(version), 0) FROM data_versions", cancellationToken);
        return SnapshotDirectory.FindReusable(Path.GetFullPath(root), version, Stamp(connection, version, builtBy, cancellationToken));
    }

    /// <summary>
    /// Names the data version by its own record, not only its number: a warehouse rebuilt or replaced restarts its
    /// numbers, and its version 1 is not the old one's. The builder's assembly stands for the relations' definitions.
    /// </summary>
    private static string Stamp(DuckDBConnection connection, int version, string builtBy, CancellationToken cancellationToken)
    {
        var record = connection.Query(
            "SELECT strftime(loaded_at, '%Y-%m-%dT%H:%M:%S.%f') || ' ' || kind || ' ' || coalesce(file_sha256, '-') || ' ' || observation_rows || ' ' || target_rows || ' ' || source_rows FROM data_versions WHERE version = $version",
            r => r.GetString(0), cancellationToken, ("version", version)).FirstOrDefault() ?? "none";
        return string.Join('\n',
            "data version " + version.ToString(CultureInfo.InvariantCulture) + ": " + record,
            "builder " + typeof(SnapshotBuilder).Assembly.ManifestModule.ModuleVersionId.ToString("N"),
            builtBy);
    }

    private static void Create(DuckDBConnection connection, string catalog, SnapshotRelation relation, CancellationToken cancellationToken)
    {
        var table = $"{catalog}.main.{relation.Name}";
        if (relation.ViewOver is { } view)
        {
            // A view binds its names within its own catalogue, so it reads the snapshot's relations wherever it is opened.
            connection.Execute($"CREATE VIEW {table} AS {view}", cancellationToken);
            connection.Execute($"COMMENT ON VIEW {table} IS {Literal(relation.Description)}", cancellationToken);
        }
        else
        {
            connection.Execute($"CREATE TABLE {table} AS {relation.Select}", cancellationToken);
            connection.Execute($"COMMENT ON TABLE {table} IS {Literal(relation.Description)}", cancellationToken);
        }
        Describe(connection, catalog, "main", relation.Name, relation.Columns, cancellationToken);
        // BI tools list the relations of schema public, PostgreSQL's default: there each is a view of the same name.
        var alias = $"{catalog}.public.{relation.Name}";
        connection.Execute($"CREATE VIEW {alias} AS SELECT * FROM main.{relation.Name}", cancellationToken);
        connection.Execute($"COMMENT ON VIEW {alias} IS {Literal(relation.Description)}", cancellationToken);
        Describe(connection, catalog, "public", relation.Name, relation.Columns, cancellationToken);
    }

    private static long Append(DuckDBConnection connection, string catalog, ComputedRelation relation, CancellationToken cancellationToken)
    {
        var definition = string.Join(", ", relation.Columns.Select(c => $"\"{c.Name}\" {c.Type.SqlType()}"));
        connection.Execute($"CREATE TABLE {catalog}.main.{relation.Name} ({definition})", cancellationToken);
        connection.Execute($"COMMENT ON TABLE {catalog}.main.{relation.Name} IS {Literal(relation.Description)}", cancellationToken);
        long rows;
        using (var appender = connection.CreateAppender(catalog, "main", relation.Name))
        {
            rows = ComputedRowAppender.AppendAll(appender, relation.Columns, relation.Rows(cancellationToken), cancellationToken);
        }
        var columns = relation.Columns.Select(SnapshotColumn.From).ToList();
        Describe(connection, catalog, "main", relation.Name, columns, cancellationToken);
        connection.Execute($"CREATE VIEW {catalog}.public.{relation.Name} AS SELECT * FROM main.{relation.Name}", cancellationToken);
        connection.Execute($"COMMENT ON VIEW {catalog}.public.{relation.Name} IS {Literal(relation.Description)}", cancellationToken);
        Describe(connection, catalog, "public", relation.Name, columns, cancellationToken);
        return rows;
    }

    /// <summary>Checks that the relation has exactly the columns described, in order, and writes their comments.</summary>
    private static void Describe(DuckDBConnection connection, string catalog, string schema, string name, IReadOnlyList<SnapshotColumn> columns, CancellationToken cancellationToken)
    {
        var actual = connection.Query(
            "SELECT column_name FROM duckdb_columns() WHERE database_name = $catalog AND schema_name = $schema AND table_name = $name ORDER BY column_index",
            r => r.GetString(0), cancellationToken, ("catalog", catalog), ("schema", schema), ("name", name)).ToList();
        if (!actual.SequenceEqual(columns.Select(c => c.Name)))
        {
            throw new InvalidOperationException(
                $"The snapshot relation {schema}.{name} has the columns {string.Join(", ", actual)}, but its description lists {string.Join(", ", columns.Select(c => c.Name))}: correct CuratedRelations.");
        }
        foreach (var column in columns)
        {
            connection.Execute($"COMMENT ON COLUMN {catalog}.{schema}.{name}.\"{column.Name}\" IS {Literal(column.Description)}", cancellationToken);
        }
    }

    /// <summary>A SQL string literal of text from code or configuration (DDL takes no parameters), its quotes doubled.</summary>
    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static void TryExecute(DuckDBConnection connection, string sql)
    {
        try
        {
            connection.Execute(sql);
        }
        catch (DuckDBException)
        {
            // Cleaning up after a failure that is reported already.
        }
    }
}
