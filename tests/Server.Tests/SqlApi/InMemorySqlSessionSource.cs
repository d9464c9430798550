using System.Text.RegularExpressions;
using DuckDB.NET.Data;
using Kencana.Warehouse.SqlApi;

namespace Kencana.Server.Tests.SqlApi;

/// <summary>
/// A test double of the SQL API's engine: an in-memory DuckDB with a few synthetic rows (not the warehouse's data),
/// external access off and its configuration locked, so the wire protocol can be tested apart from the snapshots.
/// </summary>
internal sealed partial class InMemorySqlSessionSource : ISqlSessionSource
{
    /// <summary>Synthetic rows: two values for one region, and one row of every type the API serves.</summary>
    private const string Setup = """
        create table preferred_observations (indicator varchar, region_code varchar, year integer, value double);
        insert into preferred_observations values ('UNMET_NEED', '64.74', 2023, 15.6), ('UNMET_NEED', '64.74', 2024, 14.8), ('STUNTING', '64.74', 2024, 20.1);
        create table typed (b boolean, i2 smallint, i4 integer, i8 bigint, f4 real, f8 double, n decimal(18,4), t varchar, d date, ts timestamp, tz timestamptz, tm time, iv interval, u uuid, bt blob);
        insert into typed values (true, 7, 42, 9000000000, 1.5, 2.25, 12345.6789, 'teks ü ''quoted''', date '2024-02-29', timestamp '2024-02-29 13:45:10.25', timestamptz '2024-02-29 13:45:10+00', time '13:45:10', interval 3 day + interval 4 hour, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '\x01\xFF'::blob);
        insert into typed values (null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        """;

    private int _open;

    /// <summary>Sessions opened so far, for tests that check one is opened per connection.</summary>
    public int Opened => _open;

    public ISqlSession OpenSession()
    {
        Interlocked.Increment(ref _open);
        var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = Setup + "\nset enable_external_access = false; set lock_configuration = true;";
            command.ExecuteNonQuery();
        }
        return new Session(connection);
    }

    private sealed partial class Session(DuckDBConnection connection) : ISqlSession
    {
        private DuckDBCommand? _running;

        public int DataVersion => 1;

        public SqlStatementShape Describe(string sql)
        {
            var count = Parameters().Matches(sql).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max();
            using var result = (Result)Execute($"select * from ({sql}\n) limit 0", [.. Enumerable.Repeat<object?>(null, count)], CancellationToken.None);
            return new SqlStatementShape([.. Enumerable.Repeat(SqlType.Text, count)], result.Columns);
        }

        public ISqlResult Execute(string sql, IReadOnlyList<object?> parameters, CancellationToken cancellationToken)
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            command.UseStreamingMode = true;
            foreach (var value in parameters)
            {
                command.Parameters.Add(new DuckDBParameter(value ?? DBNull.Value));
            }
            _running = command;
            try
            {
                return new Result(command, Translate(() => command.ExecuteReader()), cancellationToken);
            }
            catch
            {
                command.Dispose();
                throw;
            }
        }

        public void Cancel() => _running?.Cancel();

        public void Dispose() => connection.Dispose();

        internal static T Translate<T>(Func<T> run)
        {
            try
            {
                return run();
            }
            catch (OperationCanceledException ex)
            {
                throw new SqlApiException(SqlStates.QueryCanceled, "canceling statement due to user request", innerException: ex);
            }
            catch (DuckDBException ex)
            {
                var state = ex.Message.Contains("INTERRUPT", StringComparison.OrdinalIgnoreCase) ? SqlStates.QueryCanceled
                    : ex.Message.Contains("Permission", StringComparison.OrdinalIgnoreCase) || ex.Message.Contains("disabled", StringComparison.OrdinalIgnoreCase) || ex.Message.Contains("lock", StringComparison.OrdinalIgnoreCase) ? SqlStates.InsufficientPrivilege
                    : ex.Message.Contains("Catalog", StringComparison.OrdinalIgnoreCase) ? SqlStates.UndefinedTable
                    : SqlStates.SyntaxError;
                throw new SqlApiException(state, ex.Message, innerException: ex);
            }
        }

        [GeneratedRegex(@"\$(\d+)")]
        private static partial Regex Parameters();
    }

    private sealed class Result : ISqlResult
    {
        private readonly DuckDBCommand _command;
        private readonly System.Data.Common.DbDataReader _reader;
        private readonly CancellationTokenRegistration _cancel;

        public Result(DuckDBCommand command, System.Data.Common.DbDataReader reader, CancellationToken cancellationToken)
        {
            _command = command;
            _reader = reader;
            _cancel = cancellationToken.Register(command.Cancel);
            Columns = [.. Enumerable.Range(0, reader.FieldCount).Select(i => new SqlColumn(reader.GetName(i), TypeOf(reader.GetFieldType(i))))];
        }

        public IReadOnlyList<SqlColumn> Columns { get; }

        public long RowsRead { get; private set; }

        public bool Read()
        {
            var more = Session.Translate(_reader.Read);
            if (more)
            {
                RowsRead++;
            }
            return more;
        }

        public object? GetValue(int ordinal)
        {
            if (_reader.IsDBNull(ordinal))
            {
                return null;
            }
            var value = _reader.GetValue(ordinal);
            return (Columns[ordinal].Type, value) switch
            {
                (SqlType.Date, DateTime dateTime) => DateOnly.FromDateTime(dateTime),
                (SqlType.Time, TimeSpan span) => TimeOnly.FromTimeSpan(span),
                (SqlType.TimestampTz, DateTime dateTime) => new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)),
                (SqlType.Bytea, Stream stream) => ReadAll(stream),
                _ => value,
            };
        }

        public void Dispose()
        {
            _cancel.Dispose();
            _reader.Dispose();
            _command.Dispose();
        }

        private static byte[] ReadAll(Stream stream)
        {
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }

        private static SqlType TypeOf(Type type) => type switch
        {
            _ when type == typeof(bool) => SqlType.Bool,
            _ when type == typeof(short) => SqlType.Int2,
            _ when type == typeof(int) => SqlType.Int4,
            _ when type == typeof(long) => SqlType.Int8,
            _ when type == typeof(float) => SqlType.Float4,
            _ when type == typeof(double) => SqlType.Float8,
            _ when type == typeof(decimal) => SqlType.Numeric,
            _ when type == typeof(DateOnly) => SqlType.Date,
            _ when type == typeof(DateTime) => SqlType.Timestamp,
            _ when type == typeof(DateTimeOffset) => SqlType.TimestampTz,
            _ when type == typeof(TimeOnly) => SqlType.Time,
            _ when type == typeof(TimeSpan) => SqlType.Interval,
            _ when type == typeof(Guid) => SqlType.Uuid,
            _ when type == typeof(byte[]) || type == typeof(Stream) => SqlType.Bytea,
            _ => SqlType.Text,
        };
    }
}
