using DuckDB.NET.Data;

namespace Kencana.Bench.Api;

/// <summary>
/// DuckDB.NET on one warehouse file, used the way the server's warehouse code uses it: a new connection for every unit
/// of work, parameters bound by name, and every value of every row read out of the reader.
/// </summary>
/// <param name="path">The warehouse file; never the server's own file, since DuckDB lets one process at a time open it.</param>
internal sealed class DirectSql(string path)
{
    private readonly string _connectionString = $"Data Source={path}";

    /// <summary>The warehouse file.</summary>
    public string Path { get; } = path;

    /// <summary>How many statements this instance has run.</summary>
    public long Statements { get; private set; }

    /// <summary>Opens a new connection, as <c>WarehouseDatabase.OpenConnection</c> does (read-write, like the server).</summary>
    public DuckDBConnection Open()
    {
        var connection = new DuckDBConnection(_connectionString);
        connection.Open();
        return connection;
    }

    /// <summary>Runs one statement on a connection of its own and returns its rows.</summary>
    public List<object?[]> Rows(string sql, params (string Name, object? Value)[] parameters)
    {
        using var connection = Open();
        return Rows(connection, sql, parameters);
    }

    /// <summary>Runs one statement on <paramref name="connection"/> and returns its rows, every value read.</summary>
    public List<object?[]> Rows(DuckDBConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        Statements++;
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(new DuckDBParameter(name, value ?? DBNull.Value));
        }
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }
            rows.Add(row);
        }
        return rows;
    }
}
