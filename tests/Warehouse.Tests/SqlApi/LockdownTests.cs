using Kencana.Warehouse.SqlApi;

namespace Kencana.Warehouse.Tests.SqlApi;

/// <summary>
/// Hostile SQL is refused before it runs, with SQLSTATE 42501 and a message that says what is allowed; what the
/// vetting would miss, the snapshot instance's lockdown refuses; and the session keeps serving afterwards.
/// </summary>
[Collection(SqlSnapshotGroup.Name)]
public class LockdownTests(SqlSnapshotFixture fixture)
{
    public static TheoryData<string> NotReads() =>
    [
        "COPY observations TO '/tmp/kencana-stolen.csv'",
        "COPY (SELECT 1) TO '/tmp/kencana-stolen.parquet' (FORMAT parquet)",
        "ATTACH '/tmp/kencana-other.duckdb' AS other",
        "DETACH kencana",
        "INSTALL httpfs",
        "LOAD httpfs",
        "SET enable_external_access = true",
        "SET GLOBAL lock_configuration = false",
        "RESET threads",
        "PRAGMA database_list",
        "PRAGMA enable_profiling",
        "CREATE TABLE stolen AS SELECT * FROM observations",
        "CREATE TEMP TABLE scratch (a INTEGER)",
        "CREATE MACRO twice(x) AS x * 2",
        "INSERT INTO observations (indicator) VALUES ('X')",
        "UPDATE observations SET value = 0",
        "DELETE FROM observations",
        "DROP TABLE observations",
        "ALTER TABLE observations RENAME TO o",
        "EXPORT DATABASE '/tmp/kencana-export'",
        "IMPORT DATABASE '/tmp/kencana-export'",
        "CALL pragma_version()",
        "CHECKPOINT",
        "VACUUM",
        "BEGIN TRANSACTION",
        "USE system",
        "PREPARE p AS SELECT 1",
        "EXPLAIN SELECT * FROM observations",
        "CREATE SECRET s (TYPE s3, KEY_ID 'a', SECRET 'b')",
    ];

    [Theory]
    [MemberData(nameof(NotReads))]
    public void Statements_that_are_not_reads_are_refused_with_42501_and_what_is_allowed(string sql)
    {
        using var session = fixture.Source.OpenSession();
        var refused = Assert.Throws<SqlApiException>(() => session.Execute(sql, [], CancellationToken.None));
        Assert.Equal(SqlStates.InsufficientPrivilege, refused.SqlState);
        Assert.Contains("SELECT", refused.Message, StringComparison.Ordinal);
        Assert.Equal(458L, SqlRows.All(session, "SELECT count(*) FROM observations")[0][0]);
    }

    public static TheoryData<string, string> HostileReads() =>
        new()
        {
            { "SELECT * FROM read_csv('/etc/passwd')", "read_csv" },
            { "SELECT * FROM read_csv_auto('/etc/passwd')", "read_csv_auto" },
            { "SELECT * FROM read_text('/etc/passwd')", "read_text" },
            { "SELECT * FROM read_blob('/etc/passwd')", "read_blob" },
            { "SELECT * FROM read_parquet('/tmp/x.parquet')", "read_parquet" },
            { "SELECT * FROM read_json('/etc/passwd')", "read_json" },
            { "SELECT * FROM glob('/etc/*')", "glob" },
            { "SELECT * FROM query('SELECT * FROM duckdb_settings()')", "query" },
            { "SELECT * FROM query_table('observations')", "query_table" },
            { "SELECT * FROM duckdb_settings()", "duckdb_settings" },
            { "SELECT * FROM duckdb_databases()", "duckdb_databases" },
            { "SELECT * FROM duckdb_databases", "duckdb_databases" },
            { "SELECT * FROM pragma_database_list", "pragma_database_list" },
            { "SELECT * FROM pragma_database_size()", "pragma_database_size" },
            { "SELECT * FROM pragma_platform()", "pragma_platform" },
            { "SELECT * FROM pg_catalog.pg_settings", "pg_settings" },
            { "SELECT * FROM duckdb_extensions()", "duckdb_extensions" },
            { "SELECT * FROM duckdb_temporary_files()", "duckdb_temporary_files" },
            { "SELECT current_setting('temp_directory')", "current_setting" },
            { "WITH x AS (SELECT * FROM observations) SELECT * FROM x, (SELECT * FROM read_text('/etc/hostname'))", "read_text" },
            { "SELECT (SELECT count(*) FROM glob('/home/*')) AS n", "glob" },
        };

    [Theory]
    [MemberData(nameof(HostileReads))]
    public void Reads_of_files_settings_and_the_server_are_refused_naming_what(string sql, string named)
    {
        using var session = fixture.Source.OpenSession();
        var refused = Assert.Throws<SqlApiException>(() => session.Execute(sql, [], CancellationToken.None));
        Assert.Equal(SqlStates.InsufficientPrivilege, refused.SqlState);
        Assert.Contains(named, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_statements_in_one_execute_are_refused_and_none_of_them_runs()
    {
        using var session = fixture.Source.OpenSession();
        var refused = Assert.Throws<SqlApiException>(() => session.Execute("SELECT 1; SELECT 2", [], CancellationToken.None));
        Assert.Equal(SqlStates.InsufficientPrivilege, refused.SqlState);
        Assert.Contains("2 statements", refused.Message, StringComparison.Ordinal);
        Assert.Equal(SqlStates.InsufficientPrivilege, Assert.Throws<SqlApiException>(() => session.Execute("SELECT 1; COPY observations TO '/tmp/x.csv'", [], CancellationToken.None)).SqlState);
    }

    [Fact]
    public void No_route_reads_a_file_outside_the_snapshot_even_past_the_vetting()
    {
        var directory = fixture.TempPath("secret");
        Directory.CreateDirectory(directory);
        var secret = Path.Combine(directory, "secret.csv");
        File.WriteAllText(secret, "token\nkencana-secret-4711\n");
        var attachable = Path.Combine(directory, "other.duckdb");
        using (var other = new DuckDB.NET.Data.DuckDBConnection($"Data Source={attachable}"))
        {
            other.Open();
            using var create = other.CreateCommand();
            create.CommandText = "CREATE TABLE secrets AS SELECT 'kencana-secret-4711' AS token";
            create.ExecuteNonQuery();
        }

        using var session = fixture.Source.OpenSession();
        string[] routes =
        [
            $"SELECT * FROM read_csv('{secret}')",
            $"SELECT * FROM read_text('{secret}')",
            $"SELECT * FROM read_blob('{secret}')",
            $"SELECT * FROM '{secret}'",
            $"SELECT * FROM glob('{directory}/*')",
            $"ATTACH '{attachable}' AS other",
            $"SELECT * FROM read_csv(['{secret}'])",
        ];
        foreach (var sql in routes)
        {
            var refused = Assert.Throws<SqlApiException>(() => SqlRows.All(session, sql));
            Assert.Equal(SqlStates.InsufficientPrivilege, refused.SqlState);
            Assert.DoesNotContain("kencana-secret-4711", refused.Message, StringComparison.Ordinal);
        }

        // The second line on its own: the instance itself refuses, for a statement that never went through the vetting.
        using var engine = new DuckDB.NET.Data.DuckDBConnection(Kencana.Warehouse.SqlApi.Engine.SandboxSnapshot.ConnectionString(fixture.Snapshot.Path, SqlSnapshotFixture.Limits));
        engine.Open();
        foreach (var sql in routes.Append("SET enable_external_access = true").Append("LOAD httpfs").Append($"COPY (SELECT 1) TO '{directory}/out.csv'"))
        {
            using var command = engine.CreateCommand();
            command.CommandText = sql;
            var error = Assert.ThrowsAny<DuckDB.NET.Data.DuckDBException>(() => command.ExecuteNonQuery());
            Assert.DoesNotContain("kencana-secret-4711", error.Message, StringComparison.Ordinal);
        }
        Assert.False(File.Exists(Path.Combine(directory, "out.csv")));
        using var settings = engine.CreateCommand();
        settings.CommandText = "SELECT current_setting('enable_external_access'), current_setting('lock_configuration'), current_setting('autoload_known_extensions'), current_setting('autoinstall_known_extensions'), current_setting('allow_community_extensions'), current_setting('threads')";
        using var reader = settings.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal((false, true, false, false, false, 2L), (reader.GetBoolean(0), reader.GetBoolean(1), reader.GetBoolean(2), reader.GetBoolean(3), reader.GetBoolean(4), reader.GetInt64(5)));
    }

    [Fact]
    public void Catalogue_queries_of_BI_tools_still_work()
    {
        using var session = fixture.Source.OpenSession();
        var tables = SqlRows.All(session, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name").Select(r => (string)r[0]!).ToList();
        Assert.Contains("preferred_observations", tables);
        Assert.Contains("observations", tables);
        Assert.NotEmpty(SqlRows.All(session, "SELECT n.nspname, c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"));
        Assert.NotEmpty(SqlRows.All(session, "DESCRIBE observations"));
        Assert.NotEmpty(SqlRows.All(session, "SHOW TABLES"));
        Assert.Equal(3, SqlRows.All(session, "SELECT * FROM range(3)").Count);
    }
}
