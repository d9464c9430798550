using System.Globalization;
using System.Text.RegularExpressions;
using Kencana.Server.SqlApi.Session;
using Kencana.Warehouse.SqlApi;

namespace Kencana.Server.SqlApi.Catalog;

/// <summary>
/// psql's describe commands (<c>\d</c>, <c>\dt</c>, <c>\dv</c>, <c>\d NAME</c>, with <c>+</c>), answered from the
/// snapshot's own catalogue: psql's queries call functions and an operator syntax the engine lacks
/// (<c>pg_get_userbyid</c>, <c>OPERATOR(pg_catalog.~)</c>). Each query is recognised by its distinctive parts (the
/// relation it reads, the columns it names, psql's column headers), not its whole text, so that psql versions that
/// word them differently are still answered; an item of a select list this does not know is answered with null.
/// </summary>
/// <remarks>
/// <c>\d NAME</c> is several queries: the relations whose name matches (oid, schema, name), then for each its
/// pg_class flags, its pg_attribute rows, and footers (policies, extended statistics, publications, inheritance;
/// pg_get_viewdef for a view with <c>+</c>). The flags say there are no indexes, checks, triggers or rules, which is
/// true of the snapshot, so psql asks for no more; the footers it asks for anyway are empty, as they are.
/// </remarks>
internal static class PsqlDescribe
{
    /// <summary>psql's headers of its relation listings and what each shows.</summary>
    private static readonly Dictionary<string, Func<CatalogRelation, object?>> ListColumns = new(StringComparer.Ordinal)
    {
        ["Schema"] = r => r.Schema,
        ["Name"] = r => r.Name,
        ["Type"] = r => r.KindName,
        // DuckDB has no owners or sizes in bytes, and stores every table the same way.
        ["Owner"] = _ => null,
        ["Persistence"] = _ => "permanent",
        ["Access method"] = _ => null,
        ["Size"] = _ => null,
        ["Description"] = r => r.Description,
        // The table an index belongs to (\di): the snapshot has no indexes.
        ["Table"] = _ => null,
    };

    /// <summary>The catalogue tables of the footers psql asks for with every <c>\d NAME</c> of a table.</summary>
    private static readonly string[] FooterTables = ["pg_policy", "pg_statistic_ext", "pg_publication", "pg_inherits"];

    private static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(1);

    public static LocalStatement? Recognise(string sql, CatalogContext context)
    {
        if (!sql.Contains("pg_catalog.", StringComparison.OrdinalIgnoreCase) || SelectShape.Of(sql) is not { } shape)
        {
            return null;
        }
        var answer = shape.From switch
        {
            "pg_class" when IsLookup(shape) => Lookup(shape, context),
            "pg_class" when shape.Items.Any(i => i.Has("relchecks")) && Relation(shape, context) is { } relation => TableInfo(shape, relation),
            "pg_class" when IsRelationList(shape) => RelationList(shape, context),
            "pg_attribute" when shape.Has("attrelid") && Relation(shape, context) is { } relation => Columns(shape, relation),
            _ when shape.Has("pg_get_viewdef") && Relation(shape, context) is { } relation => ViewDefinition(relation),
            _ when FooterTables.Any(shape.Has) && Relation(shape, context) is not null => Footer(shape),
            _ => null,
        };
        return answer ?? PsqlUnsupported.Check(shape);
    }

    /// <summary><c>SELECT c.oid, n.nspname, c.relname FROM pg_catalog.pg_class c ... WHERE c.relname OPERATOR(pg_catalog.~) '^(name)$'</c>.</summary>
    private static bool IsLookup(SelectShape shape) =>
        shape.Items.Select(i => string.Concat(i.Words)).SequenceEqual(["c.oid", "n.nspname", "c.relname"]);

    private static LocalStatement Lookup(SelectShape shape, CatalogContext context)
    {
        var names = Pattern(shape, "relname");
        var schemas = Pattern(shape, "nspname");
        var visibleOnly = shape.Has("pg_table_is_visible");
        SqlColumn[] columns = [new("oid", SqlType.Int8), new("nspname", SqlType.Text), new("relname", SqlType.Text)];
        return Rows(columns, () => context.Snapshot().Relations
            .Where(r => (!visibleOnly || r.Visible) && Matches(names, r.Name) && Matches(schemas, r.Schema))
            .Select(r => new object?[] { r.Oid, r.Schema, r.Name }));
    }

    /// <summary>The listing of <c>\d</c>, <c>\dt</c>, <c>\dv</c>, ...: pg_class rows of some relkinds, with psql's headers.</summary>
    private static bool IsRelationList(SelectShape shape) =>
        shape.Items.Count > 0 && shape.Items.All(i => i.Alias is { } alias && ListColumns.ContainsKey(alias))
        && shape.Items.Any(i => i.Alias == "Name") && shape.Has("relkind", "in", "(");

    private static LocalStatement RelationList(SelectShape shape, CatalogContext context)
    {
        var start = shape.IndexOf("relkind", "in", "(") + 3;
        var kinds = new HashSet<char>();
        for (var i = start; i < shape.Words.Count && shape.Words[i] != ")"; i++)
        {
            if (SqlWords.IsString(shape.Words[i]) && SqlWords.Unquote(shape.Words[i]) is [var kind])
            {
                kinds.Add(kind);
            }
        }
        var names = Pattern(shape, "relname");
        var schemas = Pattern(shape, "nspname");
        var visibleOnly = shape.Has("pg_table_is_visible");
        var values = shape.Items.Select(i => ListColumns[i.Alias!]).ToList();
        var columns = shape.Items.Select(i => new SqlColumn(i.Alias!, SqlType.Text)).ToList();
        return Rows(columns, () => context.Snapshot().Relations
            .Where(r => kinds.Contains(r.Kind) && (!visibleOnly || r.Visible) && Matches(names, r.Name) && Matches(schemas, r.Schema))
            .Select(r => values.Select(v => v(r)).ToArray()));
    }

    /// <summary>The pg_class flags of one relation: no checks, indexes, rules, triggers, row security or partitions.</summary>
    private static LocalStatement TableInfo(SelectShape shape, CatalogRelation relation)
    {
        var items = shape.Items.Select(ClassItem).ToList();
        var columns = shape.Items.Select((item, i) => new SqlColumn(item.Name, items[i].Type)).ToList();
        return Rows(columns, () => [[.. items.Select(i => i.Value(relation))]]);
    }

    private static (SqlType Type, Func<CatalogRelation, object?> Value) ClassItem(SelectItem item) => item switch
    {
        _ when item.Has("relchecks") => (SqlType.Int2, _ => (short)0),
        _ when item.Has("relkind") => (SqlType.Text, r => r.Kind.ToString()),
        _ when item.Has("relhasindex") || item.Has("relhasrules") || item.Has("relhastriggers") || item.Has("relrowsecurity")
            || item.Has("relforcerowsecurity") || item.Has("relhasoids") || item.Has("relispartition") => (SqlType.Bool, _ => false),
        _ when item.Has("reloptions") || item.Has("reloftype") => (SqlType.Text, _ => ""),
        _ when item.Has("reltablespace") => (SqlType.Int8, _ => 0L),
        _ when item.Has("relpersistence") => (SqlType.Text, _ => "p"),
        _ when item.Has("relreplident") => (SqlType.Text, _ => "d"),
        _ => (SqlType.Text, _ => null),
    };

    /// <summary>The pg_attribute rows of one relation: name, type, default, not null, and with <c>+</c> storage and comment.</summary>
    private static LocalStatement Columns(SelectShape shape, CatalogRelation relation)
    {
        var items = shape.Items.Select(AttributeItem).ToList();
        var columns = shape.Items.Select((item, i) => new SqlColumn(item.Name, items[i].Type)).ToList();
        return Rows(columns, () => relation.Columns.Select(c => items.Select(i => i.Value(c)).ToArray()));
    }

    private static (SqlType Type, Func<CatalogColumn, object?> Value) AttributeItem(SelectItem item) => item switch
    {
        // Subqueries first: they name the attribute's columns too.
        _ when item.Has("pg_attrdef") => (SqlType.Text, c => c.Default),
        _ when item.Has("collname") => (SqlType.Text, _ => null),
        _ when item.Has("col_description") => (SqlType.Text, c => c.Description),
        _ when item.Has("format_type") => (SqlType.Text, c => c.TypeName),
        _ when item.Has("attstattarget") => (SqlType.Text, _ => null),
        // What pg_type.typstorage is for the column's wire type: plain when fixed-length, extended when variable.
        _ when item.Has("attstorage") => (SqlType.Text, c => c.Fixed ? "p" : "x"),
        _ when item.Has("attcompression") || item.Has("attidentity") || item.Has("attgenerated") => (SqlType.Text, _ => ""),
        _ when item.Has("attnotnull") => (SqlType.Bool, c => c.NotNull),
        _ when item.Has("attname") => (SqlType.Text, c => c.Name),
        _ => (SqlType.Text, _ => null),
    };

    private static LocalStatement ViewDefinition(CatalogRelation relation)
    {
        SqlColumn[] columns = [new("pg_get_viewdef", SqlType.Text)];
        return Rows(columns, () => [[relation.Definition]]);
    }

    /// <summary>Policies, extended statistics, publications and inheritance of a snapshot relation: it has none.</summary>
    private static LocalStatement Footer(SelectShape shape)
    {
        var columns = shape.Items.Select(i => new SqlColumn(i.Name, SqlType.Text)).ToList();
        return Rows(columns, () => []);
    }

    /// <summary>
    /// The snapshot relation psql asks about by oid (<c>c.oid = '16384'</c>, the first literal of digits only), or null
    /// when the query names none: then it is not psql's, and the engine answers it.
    /// </summary>
    private static CatalogRelation? Relation(SelectShape shape, CatalogContext context)
    {
        foreach (var word in shape.Words)
        {
            if (SqlWords.IsString(word) && long.TryParse(SqlWords.Unquote(word), NumberStyles.None, CultureInfo.InvariantCulture, out var oid))
            {
                return context.Snapshot().Find(oid);
            }
        }
        return null;
    }

    /// <summary>
    /// The regular expression psql matches a name with: <c>c.relname OPERATOR(pg_catalog.~) '^(obs.*)$'</c> (older
    /// versions write <c>~</c> alone); null when the query has none. psql's patterns use only what .NET's regular
    /// expressions read the same way (anchors, groups, <c>.*</c>, <c>|</c>, escapes).
    /// </summary>
    private static Regex? Pattern(SelectShape shape, string column)
    {
        var words = shape.Words;
        for (var i = 1; i + 1 < words.Count; i++)
        {
            if (words[i] != column || words[i - 1] != ".")
            {
                continue;
            }
            var j = i + 1;
            if (words[j] == "operator" && j + 5 < words.Count && words[j + 1] == "(" && words[j + 2] == "pg_catalog" && words[j + 3] == "." && words[j + 4] == "~" && words[j + 5] == ")")
            {
                j += 6;
            }
            else if (words[j] == "~")
            {
                j++;
            }
            else
            {
                continue;
            }
            if (j < words.Count && SqlWords.IsString(words[j]))
            {
                try
                {
                    return new Regex(SqlWords.Unquote(words[j]), RegexOptions.CultureInvariant, PatternTimeout);
                }
                catch (ArgumentException ex)
                {
                    throw new SqlApiException("2201B", $"invalid regular expression: {ex.Message}");
                }
            }
        }
        return null;
    }

    private static bool Matches(Regex? pattern, string name)
    {
        try
        {
            return pattern is null || pattern.IsMatch(name);
        }
        catch (RegexMatchTimeoutException ex)
        {
            throw new SqlApiException(SqlStates.ProgramLimitExceeded, $"the name pattern took longer than {PatternTimeout.TotalSeconds:0} s to match", innerException: ex);
        }
    }

    private static LocalStatement Rows(IReadOnlyList<SqlColumn> columns, Func<IEnumerable<object?[]>> rows) =>
        new(columns, () => new StatementAnswer("SELECT", new FixedResult(columns, [.. rows()])));
}
