using Kencana.Warehouse.SqlApi;

namespace Kencana.Server.SqlApi.Session;

/// <summary>
/// SET, RESET, SHOW, transaction control (BEGIN, START TRANSACTION, COMMIT, END, ROLLBACK, ABORT, SAVEPOINT, RELEASE),
/// DISCARD, DEALLOCATE and UNLISTEN: statements about the connection, answered here and never sent to the engine.
/// Transactions are read-only no-ops: every statement reads one snapshot anyway.
/// </summary>
internal static class SessionStatements
{
    /// <summary>True for the statements that end a transaction block, the only ones a failed block accepts.</summary>
    public static bool EndsTransaction(string sql) => SqlWords.Of(sql) is [var first, ..] && first is "rollback" or "abort" or "commit" or "end";

    /// <summary>The statement as a session statement, or null when it is not one.</summary>
    public static LocalStatement? Recognise(string sql, ClientSettings settings)
    {
        var words = SqlWords.Of(sql);
        if (words.Count > 0 && words[^1] == ";")
        {
            words.RemoveAt(words.Count - 1);
        }
        if (words.Count == 0)
        {
            return null;
        }
        return words[0] switch
        {
            "set" => LocalStatement.Command(() => Set(words, settings)),
            "reset" => LocalStatement.Command(() => Reset(words, settings)),
            "show" => Show(words, settings),
            "begin" => LocalStatement.Command(() => Begin(words, 1, "BEGIN")),
            "start" when words.Count > 1 && words[1] == "transaction" => LocalStatement.Command(() => Begin(words, 2, "START TRANSACTION")),
            "commit" when !words.Contains("prepared") => LocalStatement.Command(() => new StatementAnswer("COMMIT", Effect: SessionEffect.Commit)),
            "end" => LocalStatement.Command(() => new StatementAnswer("COMMIT", Effect: SessionEffect.Commit)),
            "abort" => LocalStatement.Command(() => new StatementAnswer("ROLLBACK", Effect: SessionEffect.Rollback)),
            "rollback" when words.Contains("to") => LocalStatement.Command(() => new StatementAnswer("ROLLBACK", Effect: SessionEffect.RollbackToSavepoint)),
            "rollback" when !words.Contains("prepared") => LocalStatement.Command(() => new StatementAnswer("ROLLBACK", Effect: SessionEffect.Rollback)),
            "savepoint" => LocalStatement.Command(() => new StatementAnswer("SAVEPOINT", Effect: SessionEffect.Savepoint)),
            "release" => LocalStatement.Command(() => new StatementAnswer("RELEASE", Effect: SessionEffect.Savepoint)),
            "discard" => LocalStatement.Command(() => Discard(words)),
            "deallocate" => LocalStatement.Command(() => Deallocate(words)),
            "unlisten" => LocalStatement.Command(() => new StatementAnswer("UNLISTEN")),
            "listen" or "notify" => LocalStatement.Command(() => throw new SqlApiException(SqlStates.FeatureNotSupported, $"{words[0].ToUpperInvariant()} is not offered: the SQL API sends no notifications")),
            _ => null,
        };
    }

    private static StatementAnswer Set(List<string> words, ClientSettings settings)
    {
        var i = 1;
        if (i < words.Count && words[i] is "session" or "local")
        {
            // SET SESSION CHARACTERISTICS AS TRANSACTION ...
            if (words[i] == "session" && i + 1 < words.Count && words[i + 1] == "characteristics")
            {
                Expect(words, i + 2, "as");
                Expect(words, i + 3, "transaction");
                TransactionModes(words, i + 4);
                return new StatementAnswer("SET");
            }
            i++;
        }
        if (i < words.Count && words[i] == "transaction")
        {
            TransactionModes(words, i + 1);
            return new StatementAnswer("SET");
        }
        string name;
        if (i + 1 < words.Count && words[i] == "time" && words[i + 1] == "zone")
        {
            name = "TimeZone";
            i += 2;
        }
        else if (i < words.Count && words[i] == "names")
        {
            name = "client_encoding";
            i++;
        }
        else
        {
            (name, i) = Name(words, i);
            if (i < words.Count && words[i] is "to" or "=")
            {
                i++;
            }
            else
            {
                throw Syntax($"SET {name} needs TO or = and a value");
            }
        }
        if (i >= words.Count)
        {
            throw Syntax($"SET {name} needs a value");
        }
        if (words.Count == i + 1 && words[i] is "default" or "local")
        {
            var (reset, resetReported) = settings.Reset(name);
            return new StatementAnswer("SET", Reported: resetReported ? [reset] : null);
        }
        var value = string.Join(", ", words.Skip(i).Where(w => w != ",").Select(SqlWords.Unquote));
        var (canonical, reported) = settings.Set(name, value);
        return new StatementAnswer("SET", Reported: reported ? [canonical] : null);
    }

    private static StatementAnswer Reset(List<string> words, ClientSettings settings)
    {
        if (words.Count == 2 && words[1] == "all")
        {
            return new StatementAnswer("RESET", Reported: settings.ResetAll());
        }
        if (words.Count == 3 && words[1] == "session" && words[2] == "authorization")
        {
            return new StatementAnswer("RESET");
        }
        var name = words.Count == 3 && words[1] == "time" && words[2] == "zone" ? "TimeZone" : Name(words, 1).Name;
        var (canonical, reported) = settings.Reset(name);
        return new StatementAnswer("RESET", Reported: reported ? [canonical] : null);
    }

    private static LocalStatement Show(List<string> words, ClientSettings settings)
    {
        var rest = string.Join(' ', words.Skip(1));
        if (rest == "all")
        {
            SqlColumn[] columns = [new("name", SqlType.Text), new("setting", SqlType.Text), new("description", SqlType.Text)];
            return new LocalStatement(columns, () => new StatementAnswer("SHOW",
                new FixedResult(columns, [.. settings.All.Select(s => new object?[] { s.Name, s.Value, "" })])));
        }
        var name = rest switch
        {
            "time zone" => "TimeZone",
            "transaction isolation level" => "transaction_isolation",
            "session authorization" => "session_authorization",
            _ => Name(words, 1).Name,
        };
        var column = name.Contains('.', StringComparison.Ordinal) ? name : name.ToLowerInvariant();
        SqlColumn[] one = [new(column, SqlType.Text)];
        return new LocalStatement(one, () =>
        {
            var value = settings.Get(name) ?? throw new SqlApiException(PgStates.UndefinedObject, $"unrecognized configuration parameter \"{name}\"", "SHOW ALL lists the settings.");
            return new StatementAnswer("SHOW", new FixedResult(one, [[value]]));
        });
    }

    private static StatementAnswer Begin(List<string> words, int start, string tag)
    {
        var i = start;
        if (i < words.Count && words[i] is "work" or "transaction")
        {
            i++;
        }
        TransactionModes(words, i);
        return new StatementAnswer(tag, Effect: SessionEffect.Begin);
    }

    /// <summary>ISOLATION LEVEL ..., READ ONLY, [NOT] DEFERRABLE, separated by commas or not: all fine; READ WRITE is refused.</summary>
    private static void TransactionModes(List<string> words, int i)
    {
        while (i < words.Count)
        {
            switch (words[i])
            {
                case ",":
                    i++;
                    break;
                case "isolation" when i + 1 < words.Count && words[i + 1] == "level":
                    i += 2;
                    if (i < words.Count && words[i] is "serializable")
                    {
                        i++;
                    }
                    else if (i + 1 < words.Count && (words[i], words[i + 1]) is ("repeatable", "read") or ("read", "committed") or ("read", "uncommitted"))
                    {
                        i += 2;
                    }
                    else
                    {
                        throw Syntax("ISOLATION LEVEL takes SERIALIZABLE, REPEATABLE READ, READ COMMITTED or READ UNCOMMITTED");
                    }
                    break;
                case "read" when i + 1 < words.Count && words[i + 1] == "only":
                    i += 2;
                    break;
                case "read" when i + 1 < words.Count && words[i + 1] == "write":
                    throw new SqlApiException(SqlStates.ReadOnlySqlTransaction, "cannot set transaction read-write mode: the SQL API is read-only", "Leave out READ WRITE, or write READ ONLY.");
                case "not" when i + 1 < words.Count && words[i + 1] == "deferrable":
                    i += 2;
                    break;
                case "deferrable":
                    i++;
                    break;
                default:
                    throw Syntax($"unexpected \"{words[i]}\" among the transaction modes");
            }
        }
    }

    private static StatementAnswer Discard(List<string> words)
    {
        var what = words.Count == 2 ? words[1] : "";
        return what switch
        {
            "all" => new StatementAnswer("DISCARD ALL", Effect: SessionEffect.DiscardAll),
            "plans" or "sequences" => new StatementAnswer($"DISCARD {what.ToUpperInvariant()}"),
            "temp" or "temporary" => new StatementAnswer("DISCARD TEMP"),
            _ => throw Syntax("DISCARD takes ALL, PLANS, SEQUENCES or TEMP"),
        };
    }

    private static StatementAnswer Deallocate(List<string> words)
    {
        var i = words.Count > 1 && words[1] == "prepare" ? 2 : 1;
        if (i != words.Count - 1)
        {
            throw Syntax("DEALLOCATE takes one statement name or ALL");
        }
        return words[i] == "all"
            ? new StatementAnswer("DEALLOCATE ALL", Effect: SessionEffect.DeallocateAll)
            : new StatementAnswer("DEALLOCATE", Effect: SessionEffect.Deallocate, Argument: words[i]);
    }

    /// <summary>A setting's name at <paramref name="i"/>, with dots (a.b) joined; returns where the name ends.</summary>
    private static (string Name, int Next) Name(List<string> words, int i)
    {
        if (i >= words.Count || !(char.IsLetter(words[i][0]) || words[i][0] == '_'))
        {
            throw Syntax("a setting name is missing");
        }
        var name = words[i++];
        while (i + 1 < words.Count && words[i] == ".")
        {
            name += "." + words[i + 1];
            i += 2;
        }
        return (name, i);
    }

    private static void Expect(List<string> words, int i, string word)
    {
        if (i >= words.Count || words[i] != word)
        {
            throw Syntax($"expected {word.ToUpperInvariant()}");
        }
    }

    private static SqlApiException Syntax(string what) => new(SqlStates.SyntaxError, $"syntax error: {what}");
}
