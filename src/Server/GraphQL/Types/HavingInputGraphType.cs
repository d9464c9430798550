using GraphQL.Types;
using Kencana.Warehouse.Aggregation;

namespace Kencana.Server.GraphQL.Types;

public sealed class HavingInputGraphType : InputObjectGraphType<HavingCondition>
{
    public HavingInputGraphType()
    {
        Name = "Having";
        Description = "A condition on a group's measure, like SQL's HAVING: { measure: MEAN, comparison: AT_LEAST, value: 20 }.";
        Field<NonNullGraphType<AggregateMeasureGraphType>>("measure").Description("The measure compared.");
        Field<NonNullGraphType<ComparisonGraphType>>("comparison").Description("How.");
        Field<NonNullGraphType<FloatGraphType>>("value").Description("With what.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) =>
        new HavingCondition((AggregateMeasure)value["measure"]!, (Comparison)value["comparison"]!, Convert.ToDouble(value["value"], System.Globalization.CultureInfo.InvariantCulture));
}
