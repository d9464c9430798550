using GraphQL;
using GraphQL.Types;
using Kencana.Warehouse.Errors;
using Kencana.Warehouse.Model;
using Kencana.Warehouse.Queries;

namespace Kencana.Server.GraphQL.Types;

public sealed class ObservationFilterInputGraphType : InputObjectGraphType<ObservationFilterInput>
{
    public ObservationFilterInputGraphType()
    {
        Name = "ObservationFilter";
        Description = "Which observations; every criterion is optional and all given ones must hold.";
        Field(x => x.Indicators, nullable: true).Description("Only these indicator codes.");
        Field(x => x.Regions, nullable: true).Description("Only these Kemendagri region codes.");
        Field<ListGraphType<NonNullGraphType<RegionLevelGraphType>>>("levels").Description("Only regions of these levels.");
        Field(x => x.ParentCode, nullable: true).Description("Only regions directly below this one.");
        Field(x => x.AncestorCode, nullable: true).Description("Only regions anywhere below this one (64: everything in Kalimantan Timur).");
        Field(x => x.FromYear, nullable: true).Description("From this year on.");
        Field(x => x.ToYear, nullable: true).Description("Up to this year.");
        Field<GranularityGraphType>("granularity").Description("Only periods of this granularity.");
        Field(x => x.Sources, nullable: true).Description("Only values from these source ids.");
        Field(x => x.PreferredOnly, nullable: true).Description("Only the value the default rule picks for each indicator, region and period.");
        Field(x => x.Synthetic, nullable: true).Description("Only synthetic (true) or only real (false) values; both when absent.");
    }
}

/// <summary>The filter as GraphQL receives it, before region codes are checked.</summary>
public sealed class ObservationFilterInput
{
    public List<string>? Indicators { get; set; }
    public List<string>? Regions { get; set; }
    public List<RegionLevel>? Levels { get; set; }
    public string? ParentCode { get; set; }
    public string? AncestorCode { get; set; }
    public int? FromYear { get; set; }
    public int? ToYear { get; set; }
    public Granularity? Granularity { get; set; }
    public List<string>? Sources { get; set; }
    public bool? PreferredOnly { get; set; }
    public bool? Synthetic { get; set; }

    /// <summary>Checks codes and ranges, naming the offending field, and builds the warehouse filter.</summary>
    public ObservationFilter ToFilter(IResolveFieldContext context, bool preferredByDefault)
    {
        foreach (var code in Indicators ?? [])
        {
            context.RequireIndicatorCode(code, "where.indicators");
        }
        CheckYear(FromYear, "where.fromYear");
        CheckYear(ToYear, "where.toYear");
        if (FromYear > ToYear)
        {
            throw new UserInputException(ErrorCodes.BadUserInput, $"where.fromYear {FromYear} is after where.toYear {ToYear}.", "where.fromYear");
        }
        return new ObservationFilter(
            Indicators,
            Regions?.Select(r => ResolveFieldContextExtensions.ParseRegionCode(r, "where.regions")).ToList(),
            Levels,
            ParentCode is null ? null : ResolveFieldContextExtensions.ParseRegionCode(ParentCode, "where.parentCode"),
            AncestorCode is null ? null : ResolveFieldContextExtensions.ParseRegionCode(AncestorCode, "where.ancestorCode"),
            FromYear,
            ToYear,
            Granularity,
            Sources,
            PreferredOnly ?? preferredByDefault,
            Synthetic);
    }

    private static void CheckYear(int? year, string where)
    {
        if (year is < Period.MinYear or > Period.MaxYear)
        {
            throw new UserInputException(ErrorCodes.BadUserInput, $"{where} is {year}; use a year from {Period.MinYear} to {Period.MaxYear}.", where);
        }
    }
}
