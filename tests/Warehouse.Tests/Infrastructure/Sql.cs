using Kencana.Warehouse.Storage;

namespace Kencana.Warehouse.Tests.Infrastructure;

/// <summary>Direct SQL against a test warehouse, for assertions the public API does not cover.</summary>
internal static class Sql
{
    public static T Scalar<T>(WarehouseDatabase database, string sql)
    {
        using var connection = database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)Convert.ChangeType(command.ExecuteScalar()!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static void Execute(WarehouseDatabase database, string sql)
    {
        using var connection = database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
