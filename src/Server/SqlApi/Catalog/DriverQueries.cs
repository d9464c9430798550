using Kencana.Server.SqlApi.Session;
using Kencana.Warehouse.SqlApi;

namespace Kencana.Server.SqlApi.Catalog;

/// <summary>
/// Queries drivers and BI tools send on connect whose answer must be PostgreSQL's rather than DuckDB's, recognised
/// by shape: Npgsql's type loading, version() and the other session functions in a SELECT without FROM,
/// psqlODBC's large-object type lookup, and psql's describe commands (<see cref="PsqlDescribe"/>). Everything else runs in the engine, against its own pg_catalog and
/// information_schema views.
/// </summary>
internal static class DriverQueries
{
    public static LocalStatement? Recognise(string sql, CatalogContext context)
    {
        if (TypeCatalog.IsTypeQuery(sql))
        {
            return TypeCatalog.Types().Statement();
        }
        if (TypeCatalog.IsCompositeFieldQuery(sql))
        {
            return TypeCatalog.CompositeFields().Statement();
        }
        if (TypeCatalog.IsEnumLabelQuery(sql))
        {
            return TypeCatalog.EnumLabels().Statement();
        }
        if (PsqlDescribe.Recognise(sql, context) is { } describe)
        {
            return describe;
        }
        var words = SqlWords.Of(sql);
        if (words.Count > 0 && words[^1] == ";")
        {
            words.RemoveAt(words.Count - 1);
        }
        if (IsLargeObjectLookup(words))
        {
            // psqlODBC asks whether the lo extension's type exists; it does not here.
            return new FixedResultSource([new("oid", SqlType.Int8), new("typbasetype", SqlType.Int8)], []).Statement();
        }
        return SessionFunctions(words, context);
    }

    /// <summary><c>select oid, typbasetype from pg_type where typname = 'lo'</c>.</summary>
    private static bool IsLargeObjectLookup(List<string> words) =>
        string.Join(' ', words) == "select oid , typbasetype from pg_type where typname = 'lo'";

    /// <summary>
    /// <c>SELECT version()</c>, <c>select current_schema(), session_user</c>, <c>SELECT current_setting('x') AS y</c>:
    /// a select list of session functions only, with optional aliases.
    /// </summary>
    private static LocalStatement? SessionFunctions(List<string> words, CatalogContext context)
    {
        if (words.Count < 2 || words[0] != "select")
        {
            return null;
        }
        var columns = new List<SqlColumn>();
        var values = new List<Func<object?>>();
        var i = 1;
        while (true)
        {
            var start = i;
            if (i + 2 < words.Count && words[i] == "pg_catalog" && words[i + 1] == ".")
            {
                i += 2;
            }
            if (i >= words.Count)
            {
                return null;
            }
            var name = words[i++];
            var call = i + 1 < words.Count && words[i] == "(";
            string? argument = null;
            if (call)
            {
                i++;
                if (words[i] != ")")
                {
                    argument = words[i++];
                    if (i + 1 < words.Count && words[i] == "," && words[i + 1] is "true" or "false")
                    {
                        i += 2; // current_setting(name, missing_ok)
                    }
                }
                if (i >= words.Count || words[i] != ")")
                {
                    return null;
                }
                i++;
            }
            var value = Function(name, call, argument, context);
            if (value is null)
            {
                return null;
            }
            var columnName = name;
            if (i < words.Count && words[i] == "as")
            {
                i++;
            }
            if (i < words.Count && words[i] != "," && (i > start))
            {
                if (words[i] is "from" or "where" or "limit" or "order" or "union")
                {
                    return null;
                }
                columnName = SqlWords.Unquote(words[i++]);
            }
            columns.Add(new SqlColumn(columnName, value.Value.Type));
            values.Add(value.Value.Value);
            if (i == words.Count)
            {
                break;
            }
            if (words[i] != ",")
            {
                return null;
            }
            i++;
        }
        return new LocalStatement(columns, () => new StatementAnswer("SELECT", new FixedResult(columns, [[.. values.Select(v => v())]])));
    }

    private static (SqlType Type, Func<object?> Value)? Function(string name, bool call, string? argument, CatalogContext context) => (name, call) switch
    {
        ("version", true) when argument is null => (SqlType.Text, () => context.Server.VersionText),
        ("current_user" or "session_user" or "user" or "current_role", false) => (SqlType.Text, () => context.User),
        ("current_database", true) or ("current_catalog", false) when argument is null => (SqlType.Text, () => context.Names.Value.Database),
        ("current_schema", _) when argument is null => (SqlType.Text, () => context.Names.Value.Schema),
        ("pg_backend_pid", true) when argument is null => (SqlType.Int4, () => context.ProcessId),
        ("pg_client_encoding", true) when argument is null => (SqlType.Text, () => "UTF8"),
        ("pg_is_in_recovery", true) when argument is null => (SqlType.Bool, () => false),
        ("current_setting", true) when argument is not null && SqlWords.IsString(argument) => (SqlType.Text, () =>
            context.Settings.Get(SqlWords.Unquote(argument)) ?? throw new SqlApiException(Session.PgStates.UndefinedObject, $"unrecognized configuration parameter \"{SqlWords.Unquote(argument)}\"")),
        _ => null,
    };
}
