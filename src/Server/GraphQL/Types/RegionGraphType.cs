using GraphQL.Types;
using Kencana.Warehouse.Model;
using Kencana.Warehouse.Queries;

namespace Kencana.Server.GraphQL.Types;

public sealed class RegionGraphType : ObjectGraphType<Region>
{
    public RegionGraphType()
    {
        Name = "Region";
        Description = "An administrative region with its Kemendagri code / wilayah administrasi.";
        Field<NonNullGraphType<StringGraphType>>("code").Description("The Kemendagri code: 0 (nation), 64 (province), 64.74 (kabupaten/kota), 64.74.01 (kecamatan), 64.74.01.1001 (desa/kelurahan).")
            .Resolve(ctx => ctx.Source.Code.Value);
        Field(x => x.Name).Description("The official name.");
        Field<NonNullGraphType<RegionLevelGraphType>>("level").Description("The administrative level.").Resolve(ctx => ctx.Source.Level);
        Field(x => x.BpsCode, nullable: true).Description("The BPS code, where the crosswalk knows it. It is not the Kemendagri code without dots: BPS 6402 is Kutai Barat, Kemendagri 64.02 is Kutai Kartanegara.");
        Field<PopulationGraphType>("population").Description("The 2025 population (nation, provinces and kabupaten/kota).").Resolve(ctx => ctx.Source.Population);
        Field(x => x.AreaKm2, nullable: true).Description("The area in square kilometres, where known.");
        Field<RegionGraphType>("parent").Description("The enclosing region; null for the nation.")
            .Resolve(ctx => ctx.Source.ParentCode is { } parent ? ctx.Loader().Region(parent) : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RegionGraphType>>>>("children")
            .Description($"The regions directly below, in code order (at most {RegionDirectory.MaxPageSize} per call; page with offset).")
            .Argument<IntGraphType>("first", a => { a.Description = $"How many, 1 to {RegionDirectory.MaxPageSize}."; a.DefaultValue = RegionDirectory.MaxPageSize; })
            .Argument<IntGraphType>("offset", a => { a.Description = "How many to skip."; a.DefaultValue = 0; })
            .Resolve(ctx => ctx.Service<RegionDirectory>().List(null, ctx.Source.Code, ctx.PageSize(), ctx.Offset()));
        Field<NonNullGraphType<LongGraphType>>("childCount").Description("How many regions lie directly below.")
            .Resolve(ctx => ctx.Service<RegionDirectory>().Count(null, ctx.Source.Code));
    }
}
