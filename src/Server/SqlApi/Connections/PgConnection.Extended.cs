using Kencana.Server.SqlApi.Protocol;
using Kencana.Server.SqlApi.Session;
using Kencana.Warehouse.SqlApi;

namespace Kencana.Server.SqlApi.Connections;

/// <summary>The extended query protocol: Parse, Bind, Describe, Execute and Close (Sync and Flush are in the dispatch).</summary>
internal sealed partial class PgConnection
{
    private void Parse(byte[] body)
    {
        var payload = new PgPayload(body);
        var name = payload.CString();
        var sql = payload.CString();
        var count = payload.Int16();
        var oids = new uint[count];
        for (var i = 0; i < count; i++)
        {
            oids[i] = (uint)payload.Int32();
        }
        var statements = StatementSplitter.Split(sql);
        if (statements.Count > 1)
        {
            throw new SqlApiException(SqlStates.SyntaxError, "cannot insert multiple commands into a prepared statement", "Send the statements one Parse each, or in a simple Query.");
        }
        if (name.Length > 0 && _statements.ContainsKey(name))
        {
            throw new SqlApiException(PgStates.DuplicatePreparedStatement, $"prepared statement \"{name}\" already exists");
        }
        var prepared = Prepare(statements.Count == 0 ? "" : statements[0].Text, oids, describe: true);
        _statements[name] = prepared;
        _writer.ParseComplete();
    }

    private void Bind(byte[] body)
    {
        var payload = new PgPayload(body);
        var portalName = payload.CString();
        var statementName = payload.CString();
        var statement = _statements.GetValueOrDefault(statementName)
            ?? throw new SqlApiException(PgStates.InvalidSqlStatementName, $"prepared statement \"{statementName}\" does not exist");
        var formatCount = payload.Int16();
        var formats = new short[formatCount];
        for (var i = 0; i < formatCount; i++)
        {
            formats[i] = payload.Int16();
        }
        var count = payload.Int16();
        if (count != statement.ParameterTypes.Count)
        {
            throw new SqlApiException(SqlStates.ProtocolViolation, $"bind message supplies {count} parameters, but prepared statement \"{statementName}\" requires {statement.ParameterTypes.Count}");
        }
        if (formatCount > 1 && formatCount != count)
        {
            throw new SqlApiException(SqlStates.ProtocolViolation, $"bind message has {formatCount} parameter formats but {count} parameters");
        }
        var values = new object?[count];
        for (var i = 0; i < count; i++)
        {
            var length = payload.Int32();
            if (length == -1)
            {
                continue;
            }
            var binary = formatCount switch
            {
                0 => false,
                1 => formats[0] == 1,
                _ => formats[i] == 1,
            };
            values[i] = PgParameterReader.Read(payload.Bytes(length), binary, statement.ParameterTypes[i], i + 1);
        }
        var resultFormatCount = payload.Int16();
        var resultFormats = new short[resultFormatCount];
        for (var i = 0; i < resultFormatCount; i++)
        {
            resultFormats[i] = payload.Int16();
        }
        var columns = statement.Columns.Count;
        if (resultFormatCount > 1 && resultFormatCount != columns)
        {
            throw new SqlApiException(SqlStates.ProtocolViolation, $"bind message has {resultFormatCount} result formats but the statement returns {columns} columns");
        }
        var binaryColumns = new bool[columns];
        for (var i = 0; i < columns; i++)
        {
            binaryColumns[i] = resultFormatCount switch
            {
                0 => false,
                1 => resultFormats[0] == 1,
                _ => resultFormats[i] == 1,
            };
        }
        if (_portals.Remove(portalName, out var old))
        {
            if (portalName.Length > 0)
            {
                old.Dispose();
                throw new SqlApiException("42P03", $"cursor \"{portalName}\" already exists");
            }
            old.Dispose();
        }
        _portals[portalName] = new Portal(statement, values, binaryColumns);
        _writer.BindComplete();
    }

    private void Describe(byte[] body)
    {
        var payload = new PgPayload(body);
        var kind = (char)payload.Byte();
        var name = payload.CString();
        if (kind == 'S')
        {
            var statement = _statements.GetValueOrDefault(name)
                ?? throw new SqlApiException(PgStates.InvalidSqlStatementName, $"prepared statement \"{name}\" does not exist");
            _writer.ParameterDescription(statement.ParameterOids);
            DescribeRows(statement.Columns, new bool[statement.Columns.Count]);
        }
        else if (kind == 'P')
        {
            var portal = _portals.GetValueOrDefault(name)
                ?? throw new SqlApiException(PgStates.InvalidCursorName, $"portal \"{name}\" does not exist");
            DescribeRows(portal.Statement.Columns, portal.Binary);
        }
        else
        {
            throw new SqlApiException(SqlStates.ProtocolViolation, $"invalid DESCRIBE message subtype '{kind}'");
        }
    }

    private void DescribeRows(IReadOnlyList<SqlColumn> columns, bool[] binary)
    {
        if (columns.Count == 0)
        {
            _writer.NoData();
        }
        else
        {
            _writer.RowDescription(columns, binary);
        }
    }

    private void Execute(byte[] body)
    {
        var payload = new PgPayload(body);
        var name = payload.CString();
        var maxRows = payload.Int32();
        var portal = _portals.GetValueOrDefault(name)
            ?? throw new SqlApiException(PgStates.InvalidCursorName, $"portal \"{name}\" does not exist");
        Run(portal, maxRows, describe: false);
    }

    private void Close(byte[] body)
    {
        var payload = new PgPayload(body);
        var kind = (char)payload.Byte();
        var name = payload.CString();
        switch (kind)
        {
            case 'S':
                _statements.Remove(name);
                break;
            case 'P':
                if (_portals.Remove(name, out var portal))
                {
                    portal.Dispose();
                }
                break;
            default:
                throw new SqlApiException(SqlStates.ProtocolViolation, $"invalid CLOSE message subtype '{kind}'");
        }
        _writer.CloseComplete();
    }
}
