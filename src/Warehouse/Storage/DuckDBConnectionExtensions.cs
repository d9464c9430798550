using DuckDB.NET.Data;

namespace Kencana.Warehouse.Storage;

/// <summary>Terse, always-parameterised command execution on a DuckDB connection.</summary>
internal static class DuckDBConnectionExtensions
{
    public static int Execute(this DuckDBConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand(sql, parameters);
        return command.ExecuteNonQuery();
    }

    public static T? Scalar<T>(this DuckDBConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand(sql, parameters);
        var result = command.ExecuteScalar();
        return result is null or DBNull ? default : (T)Convert.ChangeType(result, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static IEnumerable<T> Query<T>(this DuckDBConnection connection, string sql, Func<DuckDBDataReader, T> map, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand(sql, parameters);
        using var reader = (DuckDBDataReader)command.ExecuteReader();
        while (reader.Read())
        {
            yield return map(reader);
        }
    }

    public static DuckDBCommand CreateCommand(this DuckDBConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(new DuckDBParameter(name, value ?? DBNull.Value));
        }
        return command;
    }
}
