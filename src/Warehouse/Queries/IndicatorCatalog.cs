using System.Data.Common;
using Kencana.Warehouse.Model;
using Kencana.Warehouse.Storage;

namespace Kencana.Warehouse.Queries;

/// <summary>Reads the indicator catalogue.</summary>
public sealed class IndicatorCatalog(WarehouseDatabase database)
{
    private const string Select = "SELECT code, name_id, name_en, definition, unit, direction::VARCHAR AS direction, min_value, max_value, rollup::VARCHAR AS rollup, denominator, source_id FROM indicators";

    /// <summary>Every indicator, by code.</summary>
    public IReadOnlyList<Indicator> GetAll(CancellationToken cancellationToken = default)
    {
        using var connection = database.OpenConnection();
        return [.. connection.Query($"{Select} ORDER BY code", Map, cancellationToken)];
    }

    /// <summary>One indicator, or null when the code is unknown.</summary>
    public Indicator? Find(string code, CancellationToken cancellationToken = default)
    {
        using var connection = database.OpenConnection();
        return connection.Query($"{Select} WHERE code = $code", Map, cancellationToken, ("code", code.Trim().ToUpperInvariant())).SingleOrDefault();
    }

    internal static Indicator Map(DbDataReader r) => new(
        r.GetRequiredString("code"),
        r.GetRequiredString("name_id"),
        r.GetRequiredString("name_en"),
        r.GetRequiredString("definition"),
        r.GetRequiredString("unit"),
        r.GetRequiredString("direction") == "higher" ? Direction.HigherIsBetter : Direction.LowerIsBetter,
        new ValueRange(r.GetNullableDouble("min_value"), r.GetNullableDouble("max_value")),
        r.GetRequiredString("rollup") switch
        {
            "weighted_mean" => RollupRule.WeightedMean,
            "sum" => RollupRule.Sum,
            _ => RollupRule.NotAdditive,
        },
        r.GetNullableString("denominator"),
        r.GetRequiredString("source_id"));
}
