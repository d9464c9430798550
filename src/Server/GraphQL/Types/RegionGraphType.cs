using GraphQL;
using GraphQL.Types;
using Kencana.Server.GraphQL.Loading;
using Kencana.Server.GraphQL.Types.Results;
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
            .Resolve(ctx =>
            {
                var first = ctx.PageSize(RegionDirectory.MaxPageSize);
                var offset = ctx.Offset();
                return ctx.Loader().Children(ctx.Source.Code).Then(children => (children ?? []).Skip(offset).Take(first));
            });
        Field<NonNullGraphType<LongGraphType>>("childCount").Description("How many regions lie directly below.")
            .Resolve(ctx => ctx.Loader().ChildCount(ctx.Source.Code));
        Field<NonNullGraphType<SeriesGraphType>>("series")
            .Description("This region's time series of an indicator, with every source and the targets.")
            .Argument<NonNullGraphType<StringGraphType>>("indicator", "The indicator code, for example STUNTING.")
            .Argument<BooleanGraphType>("preferredOnly", a => { a.Description = "Only the value the default rule picks for each period."; a.DefaultValue = false; })
            .Resolve(ctx => new SeriesRequest(ctx.RequireIndicator("indicator"), ctx.Source, ctx.GetArgument("preferredOnly", false), Years: null));
        Field<NonNullGraphType<ScorecardGraphType>>("scorecard")
            .Description("Every indicator of this region against its target for a period: the IKU scorecard / kartu capaian.")
            .Argument<NonNullGraphType<IntGraphType>>("year", "The year.")
            .Argument<SubPeriodGraphType>("period", a => { a.Description = "The part of the year; the whole year by default."; a.DefaultValue = SubPeriod.Year; })
            .Argument<StringGraphType>("plan", "Judge against this plan's targets only, for example RPJMN 2020-2024; by default the nearest target of any plan.")
            .Resolve(ctx => ctx.Loader().Scorecard(ctx.Source.Code, ctx.PeriodArguments(), ctx.GetArgument<string?>("plan")));
    }
}
