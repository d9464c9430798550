using GraphQL;
using GraphQL.Types;
using Kencana.Server.GraphQL.Types;
using Kencana.Warehouse.Model;
using Kencana.Warehouse.Queries;

namespace Kencana.Server.GraphQL.Queries;

/// <summary>The region hierarchy.</summary>
internal static class RegionQueries
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<RegionGraphType>>>>("regions")
            .Description($"Regions by level and parent, in code order / daftar wilayah. At most {RegionDirectory.MaxPageSize} per call: page with offset.")
            .Argument<RegionLevelGraphType>("level", "Only regions of this level.")
            .Argument<StringGraphType>("parentCode", "Only regions directly below this Kemendagri code, for example 64 for the kabupaten/kota of Kalimantan Timur.")
            .Argument<IntGraphType>("first", a => { a.Description = $"How many, 1 to {RegionDirectory.MaxPageSize}."; a.DefaultValue = RegionDirectory.MaxPageSize; })
            .Argument<IntGraphType>("offset", a => { a.Description = "How many to skip."; a.DefaultValue = 0; })
            .Resolve(ctx => ctx.Service<RegionDirectory>().List(
                ctx.GetArgument<RegionLevel?>("level"), ctx.OptionalRegionCodeArgument("parentCode"), ctx.PageSize(RegionDirectory.MaxPageSize), ctx.Offset(), ctx.CancellationToken));

        query.Field<RegionGraphType>("region")
            .Description("One region by Kemendagri code; null when no region has it.")
            .Argument<NonNullGraphType<StringGraphType>>("code", "The Kemendagri code, for example 64.74 (Kota Bontang).")
            .Resolve(ctx => ctx.Loader().Region(ctx.RegionCodeArgument("code")));
    }
}
