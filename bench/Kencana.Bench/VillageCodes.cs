using DuckDB.NET.Data;

namespace Kencana.Bench;

/// <summary>The desa/kelurahan codes of a built warehouse: real codes, so the importer's region check passes for real.</summary>
internal static class VillageCodes
{
    public static IReadOnlyList<string> Read(string warehousePath)
    {
        using var connection = new DuckDBConnection($"Data Source={warehousePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT code FROM regions WHERE level = 'village' ORDER BY code";
        using var reader = command.ExecuteReader();
        var codes = new List<string>();
        while (reader.Read())
        {
            codes.Add(reader.GetString(0));
        }
        return codes.Count > 0
            ? codes
            : throw new InvalidDataException($"The warehouse {warehousePath} has no village-level regions to generate observations for.");
    }
}
