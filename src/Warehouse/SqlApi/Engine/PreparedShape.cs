using System.Runtime.InteropServices;
using DuckDB.NET.Data;
using DuckDB.NET.Native;

namespace Kencana.Warehouse.SqlApi.Engine;

/// <summary>
/// What a statement takes and returns, from DuckDB's prepared statement, without running it: DuckDB binds the
/// statement (names, types) and stops there. DuckDB.NET prepares statements but does not expose their result columns,
/// so the few C API functions that read them are declared here.
/// </summary>
internal static class PreparedShape
{
    public static SqlStatementShape Read(DuckDBConnection connection, string sql, SqlLimits limits)
    {
        var state = NativeMethods.PreparedStatements.DuckDBPrepare(connection.NativeConnection, sql, out var statement);
        using (statement)
        {
            if (state != DuckDBState.Success)
            {
                throw DuckDbErrors.Translate(NativeMethods.PreparedStatements.DuckDBPrepareError(statement) ?? "Invalid Error: the statement could not be prepared.", limits);
            }
            var parameterCount = NativeMethods.PreparedStatements.DuckDBParams(statement);
            var parameters = new List<SqlType>((int)parameterCount);
            for (var i = 1; i <= parameterCount; i++)
            {
                var type = duckdb_param_type(statement, i);
                parameters.Add(type is DuckDBType.Invalid or DuckDBType.Any or DuckDBType.SqlNull ? SqlType.Text : SqlTypeMapping.Of(type));
            }
            var columnCount = duckdb_prepared_statement_column_count(statement);
            var columns = new List<SqlColumn>((int)columnCount);
            for (var i = 0; i < columnCount; i++)
            {
                var name = duckdb_prepared_statement_column_name(statement, i);
                try
                {
                    columns.Add(new SqlColumn(Marshal.PtrToStringUTF8(name) ?? "", SqlTypeMapping.Of(duckdb_prepared_statement_column_type(statement, i))));
                }
                finally
                {
                    duckdb_free(name);
                }
            }
            return new SqlStatementShape(parameters, columns);
        }
    }

    private const string Library = "duckdb";

    [DllImport(Library)]
    private static extern DuckDBType duckdb_param_type(DuckDBPreparedStatement statement, long index);

    [DllImport(Library)]
    private static extern long duckdb_prepared_statement_column_count(DuckDBPreparedStatement statement);

    [DllImport(Library)]
    private static extern IntPtr duckdb_prepared_statement_column_name(DuckDBPreparedStatement statement, long index);

    [DllImport(Library)]
    private static extern DuckDBType duckdb_prepared_statement_column_type(DuckDBPreparedStatement statement, long index);

    [DllImport(Library)]
    private static extern void duckdb_free(IntPtr pointer);
}
