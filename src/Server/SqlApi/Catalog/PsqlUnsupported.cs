using Kencana.Warehouse.SqlApi;

namespace Kencana.Server.SqlApi.Catalog;

/// <summary>
/// psql's other backslash commands (<c>\df</c>, <c>\dn</c>, <c>\l</c>, <c>\du</c>, ...), whose queries read
/// catalogues or call functions the engine lacks: answered with an error that names the command and what to use
/// instead, rather than the engine's "Scalar Function with name pg_get_userbyid does not exist". Only queries that
/// would fail in the engine anyway are caught, so that those it answers (<c>\dT</c>, <c>\dA</c>) still run there.
/// </summary>
internal static class PsqlUnsupported
{
    private const string Instead = "\\dt, \\dv and \\d list the relations, \\d NAME its columns, and with + their descriptions; information_schema.tables and information_schema.columns list them too.";

    /// <summary>The catalogue psql's command reads first, the command and what it lists, and why there is nothing to list.</summary>
    private static readonly Dictionary<string, (string Command, string What, string Why)> Commands = new(StringComparer.Ordinal)
    {
        ["pg_proc"] = ("\\df or \\da", "functions and aggregates", "the SQL API defines no functions of its own; the engine's are listed by select distinct function_name, function_type from duckdb_functions()"),
        ["pg_namespace"] = ("\\dn", "schemas", "the relations are in schema main, where unqualified names find them, and again as views in public"),
        ["pg_database"] = ("\\l", "databases", "there is one database, and any database name in the connection reaches it"),
        ["pg_roles"] = ("\\du or \\dg", "roles", "the SQL API has logins (its user and API keys), not roles: every login reads every relation and nothing else"),
        ["pg_db_role_setting"] = ("\\drds", "role settings", "the SQL API has no roles"),
        ["pg_default_acl"] = ("\\ddp", "default privileges", "every login reads every relation and nothing else"),
        ["pg_tablespace"] = ("\\db", "tablespaces", "the snapshot is one file"),
        ["pg_extension"] = ("\\dx", "extensions", "the engine's extensions are locked off"),
        ["pg_language"] = ("\\dL", "procedural languages", "the SQL API runs reads only"),
        ["pg_conversion"] = ("\\dc", "encoding conversions", "the SQL API speaks UTF8 only"),
        ["pg_cast"] = ("\\dC", "casts", "the engine's casts are DuckDB's"),
        ["pg_operator"] = ("\\do", "operators", "the engine's operators are DuckDB's"),
        ["pg_collation"] = ("\\dO", "collations", "the engine's collations are DuckDB's"),
        ["pg_largeobject_metadata"] = ("\\dl", "large objects", "the snapshot has none"),
        ["pg_foreign_server"] = ("\\des", "foreign servers", "the engine reads no other database"),
        ["pg_foreign_table"] = ("\\det", "foreign tables", "the engine reads no other database"),
        ["pg_user_mappings"] = ("\\deu", "user mappings", "the engine reads no other database"),
        ["pg_foreign_data_wrapper"] = ("\\dew", "foreign-data wrappers", "the engine reads no other database"),
        ["pg_ts_config"] = ("\\dF", "text search configurations", "the engine has no PostgreSQL text search"),
        ["pg_ts_dict"] = ("\\dFd", "text search dictionaries", "the engine has no PostgreSQL text search"),
        ["pg_ts_parser"] = ("\\dFp", "text search parsers", "the engine has no PostgreSQL text search"),
        ["pg_ts_template"] = ("\\dFt", "text search templates", "the engine has no PostgreSQL text search"),
        ["pg_publication"] = ("\\dRp", "publications", "the SQL API offers no replication"),
        ["pg_subscription"] = ("\\dRs", "subscriptions", "the SQL API offers no replication"),
        ["pg_statistic_ext"] = ("\\dX", "extended statistics", "the snapshot has none"),
        ["pg_event_trigger"] = ("\\dy", "event triggers", "the snapshot has none"),
        ["pg_settings"] = ("\\dconfig", "server settings", "the engine's settings are locked; SHOW name answers the client's (application_name, DateStyle, TimeZone, search_path, statement_timeout, ...)"),
    };

    /// <summary>The catalogues the engine has (DuckDB's pg_catalog views): psql's queries over them may run there.</summary>
    private static readonly HashSet<string> EngineCatalogues = new(StringComparer.Ordinal)
    {
        "pg_am", "pg_attrdef", "pg_attribute", "pg_class", "pg_collation", "pg_constraint", "pg_database", "pg_depend",
        "pg_description", "pg_enum", "pg_index", "pg_indexes", "pg_namespace", "pg_prepared_statements", "pg_proc",
        "pg_sequence", "pg_sequences", "pg_tables", "pg_tablespace", "pg_type", "pg_views",
    };

    /// <summary>
    /// Functions, types and syntax of psql's queries that the engine lacks or refuses: a query with one of them cannot
    /// run there (psql writes <c>pg_catalog.array_to_string</c>, which the engine cannot bind; <c>OPERATOR(...)</c>
    /// it cannot parse; current_setting it refuses).
    /// </summary>
    private static readonly string[] EngineLacks =
    [
        "pg_get_userbyid", "pg_get_function_result", "pg_get_function_arguments", "pg_encoding_to_char", "pg_char_to_encoding",
        "pg_tablespace_location", "array_to_string", "current_setting", "regclass", "regproc", "regtype", "regnamespace", "operator",
    ];

    /// <summary>Throws the error for a psql command the SQL API does not offer; null for any other query.</summary>
    /// <exception cref="SqlApiException">0A000 naming the command and what to use instead.</exception>
    public static Session.LocalStatement? Check(SelectShape shape)
    {
        if (SourceLookup(shape) is { } source)
        {
            throw Refuse(source.Command, source.What, source.Why);
        }
        // psql's listings have headers in capitals ("Name", "Owner"); \du alone names pg_roles' columns.
        var isPsql = shape.Aliases.Any(a => a.Any(char.IsUpper)) || (shape.From == "pg_roles" && shape.Has("pg_auth_members"));
        if (!isPsql || shape.From is null)
        {
            return null;
        }
        var fails = !EngineCatalogues.Contains(shape.From) || EngineLacks.Any(shape.Has) || shape.Has("pg_catalog", ".", "text");
        if (!fails)
        {
            return null;
        }
        if (shape.From == "pg_class" && shape.Aliases.Contains("Access privileges"))
        {
            throw Refuse("\\dp or \\z", "access privileges", "every login reads every relation and nothing else");
        }
        if (shape.From == "pg_type" && shape.Aliases.Contains("Check"))
        {
            throw Refuse("\\dD", "domains", "the snapshot has none");
        }
        if (shape.From == "(" && shape.Aliases.Contains("Object"))
        {
            throw Refuse("\\dd", "comments on constraints, rules and triggers", "the snapshot has none; the relations' and columns' comments are shown by \\dt+ and \\d+ NAME");
        }
        if (Commands.TryGetValue(shape.From, out var command))
        {
            throw Refuse(command.Command, command.What, command.Why);
        }
        throw new SqlApiException(SqlStates.FeatureNotSupported,
            $"This psql command is not offered by the SQL API: its query reads pg_catalog.{shape.From} with functions the engine does not have.", Instead);
    }

    /// <summary><c>SELECT 'name'::pg_catalog.regclass::pg_catalog.oid</c>: psql's \sv and \ev (regproc: \sf, \ef) looking the object up.</summary>
    private static (string Command, string What, string Why)? SourceLookup(SelectShape shape)
    {
        var words = shape.Words;
        if (words.Count != 12 || !Session.SqlWords.IsString(words[1]) || !shape.Has(":", ":", "pg_catalog", ".", "oid"))
        {
            return null;
        }
        return shape.Has(":", ":", "pg_catalog", ".", "regclass") ? ("\\sv or \\ev", "a view's source", "\\d+ NAME shows a view's definition")
            : shape.Has(":", ":", "pg_catalog", ".", "regproc") ? ("\\sf or \\ef", "a function's source", "the SQL API defines no functions of its own")
            : null;
    }

    private static SqlApiException Refuse(string command, string what, string why) =>
        new(SqlStates.FeatureNotSupported, $"psql's {command} ({what}) is not offered by the SQL API: {why}.", Instead);
}
