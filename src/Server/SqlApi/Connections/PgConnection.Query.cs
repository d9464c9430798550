using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Kencana.Server.SqlApi.Catalog;
using Kencana.Server.SqlApi.Protocol;
using Kencana.Server.SqlApi.Session;
using Kencana.Warehouse.SqlApi;

namespace Kencana.Server.SqlApi.Connections;

internal sealed partial class PgConnection
{
    /// <summary>After an error in the extended protocol, messages are dropped until Sync (PostgreSQL's error recovery).</summary>
    private bool _skipUntilSync;

    private void Serve()
    {
        while (true)
        {
            FrontendMessage? next;
            try
            {
                next = _reader.Read();
            }
            catch (OversizedMessageException ex)
            {
                Fail(new SqlApiException(SqlStates.ProgramLimitExceeded,
                    $"message of {ex.Length} bytes is larger than the limit of {Options.MaxMessageBytes} bytes (SqlApi:MaxMessageBytes)",
                    "Send a shorter statement, or fewer or smaller parameters."), extended: ex.Type != (byte)'Q');
                if (ex.Type == (byte)'Q')
                {
                    ReadyForQuery();
                }
                continue;
            }
            catch (IOException ex) when (ex.InnerException is SocketException { SocketErrorCode: SocketError.TimedOut or SocketError.WouldBlock })
            {
                TrySend(() => _writer.Error("FATAL", PgStates.IdleSessionTimeout,
                    $"terminating connection due to idle-session timeout: no statement for {Options.IdleTimeoutSeconds} s (SqlApi:IdleTimeoutSeconds)"));
                return;
            }
            if (next is not { } message || message.Type == (byte)'X')
            {
                return;
            }
            if (_skipUntilSync && message.Type is not ((byte)'S' or (byte)'Q'))
            {
                continue;
            }
            try
            {
                Dispatch(message);
            }
            catch (Exception ex) when (ex is not (IOException or SocketException or ObjectDisposedException))
            {
                // A statement's failure, or a fault in the engine below it: the connection stays usable either way.
                var error = AsSqlError(ex);
                Fail(error, extended: message.Type != (byte)'Q');
                if (message.Type == (byte)'Q')
                {
                    ReadyForQuery();
                }
            }
        }
    }

    private void Dispatch(FrontendMessage message)
    {
        switch ((char)message.Type)
        {
            case 'Q':
                SimpleQuery(Utf8(message.Body));
                break;
            case 'P':
                Parse(message.Body);
                break;
            case 'B':
                Bind(message.Body);
                break;
            case 'D':
                Describe(message.Body);
                break;
            case 'E':
                Execute(message.Body);
                break;
            case 'C':
                Close(message.Body);
                break;
            case 'S':
                _skipUntilSync = false;
                if (_status == TransactionStatus.Idle)
                {
                    // Outside BEGIN, Sync ends the implicit transaction, and its portals with it (not cursors WITH HOLD).
                    foreach (var name in _portals.Keys.Where(k => !_holdable.Contains(k)).ToList())
                    {
                        _portals.Remove(name, out var portal);
                        portal?.Dispose();
                    }
                }
                ReadyForQuery();
                break;
            case 'H':
                _writer.Flush();
                break;
            case 'd' or 'c' or 'f':
                throw new SqlApiException(SqlStates.FeatureNotSupported, "COPY is not offered by the SQL API");
            case 'F':
                throw new SqlApiException(SqlStates.FeatureNotSupported, "function calls (the fast-path protocol) are not offered by the SQL API");
            default:
                throw new SqlApiException(SqlStates.ProtocolViolation, $"invalid frontend message type '{(char)message.Type}'");
        }
    }

    private void SimpleQuery(string text)
    {
        var statements = StatementSplitter.Split(text);
        if (statements.Count == 0)
        {
            _writer.EmptyQueryResponse();
            ReadyForQuery();
            return;
        }
        // The unnamed portal and statement go with a Query message, as in PostgreSQL.
        DropUnnamed();
        foreach (var statement in statements)
        {
            try
            {
                var prepared = Prepare(statement.Text, [], describe: false);
                using var portal = new Portal(prepared, [], new bool[prepared.Columns.Count]);
                Run(portal, maxRows: 0, describe: true);
            }
            catch (SqlApiException ex) when (ex.Position is int position)
            {
                Fail(new SqlApiException(ex.SqlState, ex.Message, ex.Hint, statement.Offset + position, ex), extended: false);
                break;
            }
            catch (Exception ex) when (ex is not (IOException or SocketException or ObjectDisposedException))
            {
                Fail(AsSqlError(ex), extended: false);
                break;
            }
        }
        ReadyForQuery();
    }

    /// <summary>
    /// Classifies a statement and learns its shape: answered here, or described by the engine (for Parse only: a
    /// simple Query learns its columns from the result, without a second trip to the engine).
    /// </summary>
    private PreparedStatement Prepare(string sql, uint[] declaredOids, bool describe)
    {
        if (sql.Length == 0)
        {
            return new PreparedStatement(sql, null, [], [], []);
        }
        CheckNotFailed(sql);
        var local = SessionStatements.Recognise(sql, _settings) ?? RecogniseCursor(sql) ?? DriverQueries.Recognise(sql, _catalog);
        if (local is not null)
        {
            var types = declaredOids.Select(o => PgType.FromOid(o) ?? PgType.Text).ToList();
            return new PreparedStatement(sql, local, types, [.. types.Select(t => t.Oid)], local.Columns);
        }
        if (!describe)
        {
            return new PreparedStatement(sql, null, [], [], []);
        }
        ClosePortalResults(except: null);
        var shape = _session!.Describe(sql);
        var count = Math.Max(shape.Parameters.Count, declaredOids.Length);
        var parameterTypes = new List<PgType>(count);
        for (var i = 0; i < count; i++)
        {
            var declared = i < declaredOids.Length && declaredOids[i] != 0 ? PgType.FromOid(declaredOids[i]) : null;
            parameterTypes.Add(declared ?? PgType.Of(i < shape.Parameters.Count ? shape.Parameters[i] : SqlType.Text));
        }
        var oids = parameterTypes.Select((t, i) => i < declaredOids.Length && declaredOids[i] != 0 ? declaredOids[i] : t.Oid).ToList();
        return new PreparedStatement(sql, null, parameterTypes, oids, shape.Columns);
    }

    /// <summary>Runs (or goes on reading) a portal: its rows up to <paramref name="maxRows"/> (0: all), then CommandComplete or PortalSuspended.</summary>
    private void Run(Portal portal, int maxRows, bool describe)
    {
        var statement = portal.Statement;
        if (statement.IsEmpty)
        {
            _writer.EmptyQueryResponse();
            return;
        }
        if (portal.Interrupted)
        {
            throw new SqlApiException(SqlStates.FeatureNotSupported, "portal was closed because another statement ran while it was suspended: the SQL API reads one statement at a time per connection",
                "Read a portal to its end before running the next statement, or open a second connection.");
        }
        if (portal.Finished)
        {
            _writer.CommandComplete(portal.Tag == "SELECT" ? "SELECT 0" : portal.Tag);
            return;
        }
        using var timer = StatementTimer();
        try
        {
            RunTimed(portal, maxRows, describe);
        }
        catch (Exception ex) when (timer.Fired && AsSqlError(ex).SqlState == SqlStates.QueryCanceled)
        {
            portal.Dispose();
            throw new SqlApiException(SqlStates.QueryCanceled, $"canceling statement due to statement timeout (statement_timeout = {_settings.Get("statement_timeout")} ms)", null, null, ex);
        }
        catch
        {
            portal.Dispose();
            throw;
        }
    }

    private void RunTimed(Portal portal, int maxRows, bool describe)
    {
        var statement = portal.Statement;
        if (!portal.Started)
        {
            portal.Started = true;
            CheckNotFailed(statement.Sql);
            if (statement.Local is { } local)
            {
                var answer = local.Run();
                portal.Tag = Apply(answer);
                if (answer.Rows is null)
                {
                    portal.Finished = true;
                    _writer.CommandComplete(portal.Tag);
                    return;
                }
                portal.Result = answer.Rows;
            }
            else
            {
                ClosePortalResults(except: portal);
                portal.Result = _session!.Execute(statement.Sql, portal.Parameters, _services.Stopping);
            }
            if (describe && portal.Result.Columns.Count > 0)
            {
                // A simple Query describes its rows itself; a statement without rows has just its tag.
                _writer.RowDescription(portal.Result.Columns, new bool[portal.Result.Columns.Count]);
            }
        }
        var result = portal.Result!;
        var columns = statement.Columns.Count == result.Columns.Count && !describe ? statement.Columns : result.Columns;
        var binary = portal.Binary.Length == columns.Count ? portal.Binary : new bool[columns.Count];
        if (!SendRows(result, columns, binary, maxRows))
        {
            _writer.PortalSuspended();
            return;
        }
        portal.Finished = true;
        _writer.CommandComplete(portal.Tag is "SELECT" or "FETCH" ? portal.Tag + " " + result.RowsRead.ToString(CultureInfo.InvariantCulture) : portal.Tag);
        portal.Dispose();
    }

    private bool SendRows(ISqlResult result, IReadOnlyList<SqlColumn> columns, bool[] binary, int maxRows)
    {
        var format = _settings.Format;
        var sent = 0;
        while (maxRows <= 0 || sent < maxRows)
        {
            if (!result.Read())
            {
                return true;
            }
            _writer.Start((byte)'D');
            _writer.Int16((short)columns.Count);
            try
            {
                for (var i = 0; i < columns.Count; i++)
                {
                    PgValueWriter.Write(_writer, result.GetValue(i), columns[i].Type, binary[i], format);
                }
            }
            catch (Exception ex) when (ex is InvalidCastException or FormatException or OverflowException)
            {
                _writer.Abandon();
                throw new SqlApiException(SqlStates.DataException, $"a value of row {result.RowsRead} could not be written as its column's type: {ex.Message}");
            }
            _writer.End();
            sent++;
        }
        return false;
    }

    /// <summary>Applies a session statement's effect on the transaction, the prepared statements and the reported settings; returns its tag.</summary>
    private string Apply(StatementAnswer answer)
    {
        var tag = answer.Tag;
        switch (answer.Effect)
        {
            case SessionEffect.Begin when _status != TransactionStatus.Idle:
                Warn("25001", "there is already a transaction in progress");
                break;
            case SessionEffect.Begin:
                _status = TransactionStatus.InBlock;
                break;
            case SessionEffect.Commit or SessionEffect.Rollback:
                if (_status == TransactionStatus.Idle)
                {
                    Warn("25P01", "there is no transaction in progress");
                }
                if (_status == TransactionStatus.Failed)
                {
                    tag = "ROLLBACK";
                }
                _status = TransactionStatus.Idle;
                CloseTransactionCursors();
                break;
            case SessionEffect.Savepoint or SessionEffect.RollbackToSavepoint when _status == TransactionStatus.Idle:
                throw new SqlApiException("25P01", $"{tag} can only be used in transaction blocks");
            case SessionEffect.RollbackToSavepoint:
                _status = TransactionStatus.InBlock;
                break;
            case SessionEffect.DiscardAll when _status != TransactionStatus.Idle:
                throw new SqlApiException(PgStates.ActiveSqlTransaction, "DISCARD ALL cannot run inside a transaction block");
            case SessionEffect.DiscardAll:
                foreach (var name in _settings.ResetAll())
                {
                    _writer.ParameterStatus(name, _settings.Get(name)!);
                }
                _statements.Clear();
                ClosePortals();
                break;
            case SessionEffect.Deallocate:
                if (!_statements.Remove(answer.Argument!))
                {
                    throw new SqlApiException(PgStates.InvalidSqlStatementName, $"prepared statement \"{answer.Argument}\" does not exist");
                }
                break;
            case SessionEffect.DeallocateAll:
                _statements.Clear();
                break;
        }
        foreach (var name in answer.Reported ?? [])
        {
            _writer.ParameterStatus(name, _settings.Get(name)!);
        }
        return tag;
    }

    private void CheckNotFailed(string sql)
    {
        if (_status == TransactionStatus.Failed && !SessionStatements.EndsTransaction(sql))
        {
            throw new SqlApiException(PgStates.InFailedSqlTransaction, "current transaction is aborted, commands ignored until end of transaction block", "ROLLBACK ends it.");
        }
    }

    /// <summary>Reports an error; in a transaction block the block fails, and in the extended protocol messages are dropped until Sync.</summary>
    private void Fail(SqlApiException error, bool extended)
    {
        if (error.SqlState is SqlStates.InternalError)
        {
            LogStatementFailed(Logger, error, _user);
        }
        _writer.Error(error);
        if (_status == TransactionStatus.InBlock)
        {
            _status = TransactionStatus.Failed;
        }
        if (extended)
        {
            _skipUntilSync = true;
        }
    }

    /// <summary>The error a client is sent for an exception that is not already a <see cref="SqlApiException"/>.</summary>
    private static SqlApiException AsSqlError(Exception ex) => ex switch
    {
        SqlApiException error => error,
        OperationCanceledException => new SqlApiException(SqlStates.QueryCanceled, "canceling statement due to user request", innerException: ex),
        _ => new SqlApiException(SqlStates.InternalError, $"internal error in the SQL API: {ex.GetType().Name}: {ex.Message}", innerException: ex),
    };

    private void Warn(string sqlState, string message) => _writer.Error("WARNING", sqlState, message, notice: true);

    private void ReadyForQuery()
    {
        _writer.ReadyForQuery(_status);
        _writer.Flush();
    }

    /// <summary>Cancels the statement at statement_timeout, when the client set one.</summary>
    private StatementTimeout StatementTimer() => new(_settings.StatementTimeout, () => _session?.Cancel());

    /// <summary>Closes every open result but <paramref name="except"/>'s before the engine runs another statement.</summary>
    private void ClosePortalResults(Portal? except)
    {
        foreach (var portal in _portals.Values)
        {
            if (portal != except && portal.Result is not null)
            {
                portal.Dispose();
                portal.Interrupted = true;
            }
        }
    }

    private void ClosePortals()
    {
        _holdable.Clear();
        foreach (var portal in _portals.Values)
        {
            portal.Dispose();
        }
        _portals.Clear();
    }

    private void DropUnnamed()
    {
        _statements.Remove("");
        if (_portals.Remove("", out var portal))
        {
            portal.Dispose();
        }
    }

    private static string Utf8(ReadOnlySpan<byte> body)
    {
        // A Query's text ends with its terminating zero byte.
        var end = body.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? body : body[..end]);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "SQL API: a statement of {User} failed inside the server")]
    private static partial void LogStatementFailed(ILogger logger, Exception exception, string user);
}
