using System.Globalization;
using System.Text.Json;
using DuckDB.NET.Data;

namespace Kencana.Warehouse.SqlApi.Engine;

/// <summary>
/// Decides, before a statement is bound or run, whether the SQL API runs it: only one read (SELECT, WITH, VALUES,
/// TABLE, FROM-first, DESCRIBE, SHOW, SUMMARIZE), and in it no table function or system view that reads files or
/// the network or shows the server's paths and settings.
/// </summary>
/// <remarks>
/// The statement is classified by DuckDB's own parser, through <c>json_serialize_sql</c>, which serialises only
/// SELECT statements and says so for everything else: no pattern over the SQL text decides anything. The parse tree
/// then names every table function, function and table the statement refers to. The snapshot instance's lockdown
/// (no external access, configuration locked, read-only file) stands behind this as the second line.
/// </remarks>
internal static class StatementVetting
{
    /// <summary>What a refused statement's message says is allowed.</summary>
    public const string Allowed =
        "The SQL API runs one read-only statement at a time: SELECT, WITH ... SELECT, VALUES, TABLE, DESCRIBE, SHOW or SUMMARIZE over the curated relations.";

    /// <summary>
    /// The table functions a statement may call: generators and the catalogue, which BI tools read. Every other one
    /// (read_csv, read_parquet, read_text, read_blob, glob, query, pragma_*, duckdb_settings, ...) reads files, runs
    /// SQL text past this check, or shows the server's paths.
    /// </summary>
    internal static readonly IReadOnlySet<string> TableFunctions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "range", "generate_series", "unnest", "repeat",
        "duckdb_tables", "duckdb_columns", "duckdb_views", "duckdb_schemas", "duckdb_types", "duckdb_constraints",
        "duckdb_indexes", "duckdb_keywords", "duckdb_functions", "duckdb_dependencies", "duckdb_sequences",
        "json_each", "json_tree", "pg_timezone_names",
    };

    /// <summary>System views that show the server's paths or settings (the database file, the temporary directory, logs).</summary>
    internal static readonly IReadOnlySet<string> Tables = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "duckdb_databases", "pragma_database_list", "duckdb_settings", "pg_settings", "duckdb_extensions", "duckdb_secrets",
        "duckdb_temporary_files", "duckdb_memory", "duckdb_logs", "duckdb_logs_parsed",
    };

    /// <summary>Scalar functions that show the server's settings, among them its paths.</summary>
    internal static readonly IReadOnlySet<string> Functions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "current_setting",
    };

    /// <summary>Parses the statement with DuckDB's parser and refuses anything but one vetted read.</summary>
    /// <param name="connection">A connection of the snapshot's locked instance (parsing reads nothing).</param>
    /// <param name="sql">The client's statement.</param>
    /// <exception cref="SqlApiException">42601 for a statement that does not parse, 42501 for one that is not allowed.</exception>
    public static void Vet(DuckDBConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        string json;
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT json_serialize_sql($1::VARCHAR)";
            command.Parameters.Add(new DuckDBParameter(sql));
            json = (string)command.ExecuteScalar()!;
        }
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.GetProperty("error").GetBoolean())
        {
            var type = root.TryGetProperty("error_type", out var t) ? t.GetString() : null;
            var message = root.TryGetProperty("error_message", out var m) ? m.GetString() ?? "" : "";
            if (type == "not implemented")
            {
                throw new SqlApiException(SqlStates.InsufficientPrivilege, "Only reads are allowed: this statement is not one. " + Allowed,
                    "Writes, COPY, ATTACH, INSTALL/LOAD, SET, PRAGMA, CALL, EXPORT and EXPLAIN are refused; ask with a SELECT.");
            }
            throw new SqlApiException(SqlStates.SyntaxError, "Syntax error: " + message, null, Position(root, "position"));
        }
        var statements = root.GetProperty("statements");
        if (statements.GetArrayLength() == 0)
        {
            throw new SqlApiException(SqlStates.SyntaxError, "The statement is empty. " + Allowed);
        }
        if (statements.GetArrayLength() > 1)
        {
            throw new SqlApiException(SqlStates.InsufficientPrivilege,
                $"The text holds {statements.GetArrayLength()} statements; the SQL API runs one at a time. " + Allowed,
                "Send each statement on its own.");
        }
        Walk(statements[0]);
    }

    private static void Walk(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item);
                }
                return;
            case JsonValueKind.Object:
                Check(element);
                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value);
                }
                return;
            default:
                return;
        }
    }

    private static void Check(JsonElement node)
    {
        var type = node.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (type == "TABLE_FUNCTION" && node.TryGetProperty("function", out var function)
            && Name(function, "function_name") is { } tableFunction && !TableFunctions.Contains(tableFunction))
        {
            throw new SqlApiException(SqlStates.InsufficientPrivilege,
                $"The table function {tableFunction} is not available in the SQL API: it reads files or the network, runs SQL text, or shows the server's settings.",
                "Read the curated relations (observations, preferred_observations, regions, ...). Table functions allowed: " + string.Join(", ", TableFunctions.Order(StringComparer.Ordinal)) + ".",
                Position(function, "query_location"));
        }
        if (node.TryGetProperty("class", out var c) && c.GetString() == "FUNCTION"
            && Name(node, "function_name") is { } scalar && Functions.Contains(scalar))
        {
            throw new SqlApiException(SqlStates.InsufficientPrivilege,
                $"The function {scalar} is not available in the SQL API: it shows the server's settings.", null, Position(node, "query_location"));
        }
        if (type == "BASE_TABLE" && Name(node, "table_name") is { } table && Tables.Contains(table))
        {
            throw new SqlApiException(SqlStates.InsufficientPrivilege,
                $"The system view {table} is not available in the SQL API: it shows the server's files or settings.",
                "information_schema, pg_catalog and duckdb_tables/duckdb_columns describe the curated relations.", Position(node, "query_location"));
        }
    }

    private static string? Name(JsonElement node, string property) =>
        node.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The 1-based position from DuckDB's 0-based one; DuckDB writes "none" as the largest 64-bit number.</summary>
    private static int? Position(JsonElement node, string property)
    {
        if (!node.TryGetProperty(property, out var value))
        {
            return null;
        }
        var text = value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var zeroBased) && zeroBased < int.MaxValue ? (int)zeroBased + 1 : null;
    }
}
