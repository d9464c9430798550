using GraphQL.Types;
using Kencana.Warehouse.Model;

namespace Kencana.Server.GraphQL.Types;

public sealed class SubPeriodGraphType : EnumerationGraphType<SubPeriod>
{
    public SubPeriodGraphType()
    {
        Name = "SubPeriod";
        Description = "The part of the year a value covers / periode: YEAR (tahunan), S1 and S2 (semester), Q1 to Q4 (triwulan), M01 to M12 (bulan).";
    }

    /// <summary>The codes as the warehouse and import files write them (M01, not the engine's default M_01).</summary>
    protected override string ChangeEnumCase(string val) => val.ToUpperInvariant();
}
