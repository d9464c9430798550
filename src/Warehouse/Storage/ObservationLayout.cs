using DuckDB.NET.Data;

namespace Kencana.Warehouse.Storage;

/// <summary>
/// The physical order of the observations table: by indicator, region, year and period, the order in which
/// requests select. DuckDB keeps the minimum and maximum of every column for each row group of 122,880 rows (its
/// zone maps), so in this order a series, a province or one indicator's national aggregate reads only the row
/// groups that can hold it, instead of all of them.
/// </summary>
internal static class ObservationLayout
{
    /// <summary>The columns of the order, for an <c>ORDER BY</c> on insert.</summary>
    public const string Order = "indicator_code, region_code, year, period";

    /// <summary>
    /// Rewrites the whole table in <see cref="Order"/>, for bulk writers that add rows in another order (the
    /// generator writes province by province). Rows, columns and constraints are unchanged.
    /// </summary>
    public static void Rewrite(DuckDBConnection connection)
    {
        connection.Execute($"""
            ALTER TABLE observations RENAME TO observations_unordered;
            {WarehouseSchema.ObservationsTable}
            INSERT INTO observations SELECT * FROM observations_unordered ORDER BY {Order};
            DROP TABLE observations_unordered;
            """);
    }
}
