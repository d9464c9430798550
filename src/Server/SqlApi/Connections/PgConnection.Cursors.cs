using Kencana.Server.SqlApi.Session;
using Kencana.Warehouse.SqlApi;

namespace Kencana.Server.SqlApi.Connections;

/// <summary>
/// SQL cursors, forward only: DECLARE ... CURSOR FOR, FETCH [FORWARD] n|ALL|NEXT, CLOSE, as psql's FETCH_COUNT and
/// psqlODBC's UseDeclareFetch send them. A cursor is a named portal whose rows are read a FETCH at a time.
/// </summary>
internal sealed partial class PgConnection
{
    private readonly HashSet<string> _holdable = new(StringComparer.Ordinal);

    private LocalStatement? RecogniseCursor(string sql)
    {
        var words = SqlWords.Of(sql);
        if (words.Count > 0 && words[^1] == ";")
        {
            words.RemoveAt(words.Count - 1);
        }
        if (words.Count < 2)
        {
            return null;
        }
        return words[0] switch
        {
            "declare" => Declare(sql, words),
            "fetch" => Fetch(words),
            "move" => LocalStatement.Command(() => throw new SqlApiException(SqlStates.FeatureNotSupported, "MOVE is not offered: cursors here only FETCH forward")),
            "close" => LocalStatement.Command(() => CloseCursor(words)),
            _ => null,
        };
    }

    private LocalStatement? Declare(string sql, List<string> words)
    {
        var name = words[1];
        var forAt = words.IndexOf("for");
        var cursorAt = words.IndexOf("cursor");
        if (forAt < 0 || cursorAt < 0 || cursorAt > forAt)
        {
            return null;
        }
        var hold = words.Take(forAt).Contains("with") && words.Take(forAt).Contains("hold");
        if (words.Take(forAt).Contains("scroll") && !words.Take(forAt).Contains("no"))
        {
            return LocalStatement.Command(() => throw new SqlApiException(SqlStates.FeatureNotSupported, "SCROLL cursors are not offered: cursors here only FETCH forward", "Declare it NO SCROLL, or without SCROLL."));
        }
        var query = QueryAfterFor(sql);
        return LocalStatement.Command(() =>
        {
            if (!hold && _status == Protocol.TransactionStatus.Idle)
            {
                throw new SqlApiException("25P01", "DECLARE CURSOR can only be used in transaction blocks", "BEGIN first, or declare it WITH HOLD.");
            }
            if (_portals.ContainsKey(name))
            {
                throw new SqlApiException("42P03", $"cursor \"{name}\" already exists");
            }
            ClosePortalResults(except: null);
            var result = _session!.Execute(query, [], _services.Stopping);
            var statement = new PreparedStatement(query, null, [], [], result.Columns);
            _portals[name] = new Portal(statement, [], new bool[result.Columns.Count]) { Result = result, Started = true };
            if (hold)
            {
                _holdable.Add(name);
            }
            return new StatementAnswer("DECLARE CURSOR");
        });
    }

    /// <summary>The query of a DECLARE, from the text itself (keeping its case and quotes): what follows the FOR after CURSOR.</summary>
    private static string QueryAfterFor(string sql)
    {
        var lower = sql.ToLowerInvariant();
        var cursor = lower.IndexOf("cursor", StringComparison.Ordinal);
        var at = cursor;
        while (true)
        {
            at = lower.IndexOf("for", at + 1, StringComparison.Ordinal);
            if (at < 0)
            {
                throw new SqlApiException(SqlStates.SyntaxError, "DECLARE ... CURSOR needs FOR and a query");
            }
            var before = at == 0 || !char.IsLetterOrDigit(lower[at - 1]);
            var after = at + 3 >= lower.Length || !char.IsLetterOrDigit(lower[at + 3]);
            if (before && after)
            {
                return sql[(at + 3)..].Trim().TrimEnd(';');
            }
        }
    }

    private LocalStatement Fetch(List<string> words)
    {
        // FETCH [NEXT | FORWARD [n | ALL] | n | ALL] [FROM | IN] name
        var i = 1;
        long count = 1;
        if (words[i] is "next")
        {
            i++;
        }
        else if (words[i] is "forward")
        {
            i++;
            (count, i) = Count(words, i);
        }
        else if (words[i] is "all" || long.TryParse(words[i], out _))
        {
            (count, i) = Count(words, i);
        }
        else if (words[i] is "prior" or "first" or "last" or "absolute" or "relative" or "backward")
        {
            return LocalStatement.Command(() => throw new SqlApiException(SqlStates.FeatureNotSupported, $"FETCH {words[1].ToUpperInvariant()} is not offered: cursors here only FETCH forward"));
        }
        if (i < words.Count && words[i] is "from" or "in")
        {
            i++;
        }
        if (i != words.Count - 1)
        {
            return LocalStatement.Command(() => throw new SqlApiException(SqlStates.SyntaxError, "syntax error: FETCH [FORWARD] [count | ALL] [FROM] cursor"));
        }
        var name = words[i];
        var columns = _portals.GetValueOrDefault(name)?.Statement.Columns ?? [];
        return new LocalStatement(columns, () =>
        {
            var cursor = _portals.GetValueOrDefault(name) ?? throw new SqlApiException(PgStates.InvalidCursorName, $"cursor \"{name}\" does not exist");
            if (cursor.Interrupted)
            {
                throw new SqlApiException(SqlStates.FeatureNotSupported, $"cursor \"{name}\" was closed because another statement ran meanwhile: the SQL API reads one statement at a time per connection");
            }
            return cursor.Result is null
                ? new StatementAnswer("FETCH", new FixedResult(cursor.Statement.Columns, []))
                : new StatementAnswer("FETCH", new LimitedResult(cursor.Result, count));
        });
    }

    private static (long Count, int Next) Count(List<string> words, int i)
    {
        if (i < words.Count && words[i] == "all")
        {
            return (long.MaxValue, i + 1);
        }
        if (i < words.Count && long.TryParse(words[i], out var count) && count >= 0)
        {
            return (count == 0 ? 0 : count, i + 1);
        }
        return (1, i);
    }

    private StatementAnswer CloseCursor(List<string> words)
    {
        if (words.Count == 2 && words[1] == "all")
        {
            foreach (var name in _portals.Keys.Where(k => k.Length > 0).ToList())
            {
                _portals.Remove(name, out var portal);
                portal?.Dispose();
            }
            _holdable.Clear();
            return new StatementAnswer("CLOSE CURSOR ALL");
        }
        var cursor = words.Count == 2 ? words[1] : throw new SqlApiException(SqlStates.SyntaxError, "syntax error: CLOSE cursor | ALL");
        if (!_portals.Remove(cursor, out var closed))
        {
            throw new SqlApiException(PgStates.InvalidCursorName, $"cursor \"{cursor}\" does not exist");
        }
        closed.Dispose();
        _holdable.Remove(cursor);
        return new StatementAnswer("CLOSE CURSOR");
    }

    /// <summary>At the end of a transaction block its cursors close, except those declared WITH HOLD.</summary>
    private void CloseTransactionCursors()
    {
        foreach (var name in _portals.Keys.Where(k => k.Length > 0 && !_holdable.Contains(k)).ToList())
        {
            _portals.Remove(name, out var portal);
            portal?.Dispose();
        }
    }
}
