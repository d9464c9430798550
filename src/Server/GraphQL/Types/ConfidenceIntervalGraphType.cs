using GraphQL.Types;
using Kencana.Warehouse.Model;

namespace Kencana.Server.GraphQL.Types;

public sealed class ConfidenceIntervalGraphType : ObjectGraphType<ConfidenceInterval>
{
    public ConfidenceIntervalGraphType()
    {
        Name = "ConfidenceInterval";
        Description = "A published confidence interval / selang kepercayaan.";
        Field(x => x.Lower).Description("The lower bound.");
        Field(x => x.Upper).Description("The upper bound.");
    }
}
