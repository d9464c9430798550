using GraphQL.Types;
using Kencana.Warehouse.Model;

namespace Kencana.Server.GraphQL.Types;

public sealed class RollupRuleGraphType : EnumerationGraphType<RollupRule>
{
    public RollupRuleGraphType()
    {
        Name = "RollupRule";
        Description = "How child regions combine into a parent: WEIGHTED_MEAN by denominator for rates (never a plain average), SUM for counts, NOT_ADDITIVE for TFR, medians and indices.";
    }
}
