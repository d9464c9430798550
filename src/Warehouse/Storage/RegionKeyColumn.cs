namespace Kencana.Warehouse.Storage;

/// <summary>
/// The <c>region_key</c> column of observations: <see cref="Model.RegionCode.Key"/> computed in SQL, so that every
/// writer stores the same integer the readers look a code up by.
/// </summary>
internal static class RegionKeyColumn
{
    /// <summary>The SQL that computes the key of the region code in <paramref name="codeColumn"/>.</summary>
    /// <remarks>A code's length gives its depth (1, 2, 5, 8 or 13 characters for depths 0 to 4), as <c>(length + 1) // 3</c>.</remarks>
    public static string From(string codeColumn) =>
        $"(CAST(rpad(replace({codeColumn}, '.', ''), 10, '0') AS BIGINT) * 10 + (length({codeColumn}) + 1) // 3)";
}
