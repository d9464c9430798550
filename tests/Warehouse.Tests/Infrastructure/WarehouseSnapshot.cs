using Kencana.Warehouse.Storage;

namespace Kencana.Warehouse.Tests.Infrastructure;

/// <summary>Counts of every table, to prove that a failed import changed nothing.</summary>
internal sealed record WarehouseSnapshot(long Observations, long Targets, long Sources, long Versions, double ValueSum)
{
    public static WarehouseSnapshot Of(WarehouseDatabase database)
    {
        using var connection = database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT count(*) FROM observations), (SELECT count(*) FROM targets), (SELECT count(*) FROM sources),
                   (SELECT count(*) FROM data_versions), (SELECT coalesce(sum(value), 0) FROM observations)
            """;
        using var reader = command.ExecuteReader();
        reader.Read();
        return new WarehouseSnapshot(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetDouble(4));
    }
}
