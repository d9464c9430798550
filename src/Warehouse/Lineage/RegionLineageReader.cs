using Kencana.Warehouse.Model;
using Kencana.Warehouse.Storage;

namespace Kencana.Warehouse.Lineage;

/// <summary>Reads the boundary changes the warehouse records (the 2022 splits of Papua and Papua Barat).</summary>
public sealed class RegionLineageReader(WarehouseDatabase database)
{
    /// <summary>Every recorded change, oldest first.</summary>
    public IReadOnlyList<RegionChange> All(CancellationToken cancellationToken = default)
    {
        using var connection = database.OpenConnection();
        return [.. connection.Query(
            """
            SELECT predecessor_code, successor_code, year, kind, source_id, note
            FROM region_lineage ORDER BY year, predecessor_code, successor_code
            """,
            r => new RegionChange(
                RegionCode.Parse(r.GetString(0)),
                RegionCode.Parse(r.GetString(1)),
                r.GetInt16(2),
                r.GetString(3) == "split",
                r.GetString(4),
                r.IsDBNull(5) ? null : r.GetString(5)),
            cancellationToken)];
    }
}
