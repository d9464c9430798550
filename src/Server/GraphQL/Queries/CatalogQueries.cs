using GraphQL;
using GraphQL.Types;
using Kencana.Server.GraphQL.Types;
using Kencana.Warehouse.Queries;

namespace Kencana.Server.GraphQL.Queries;

/// <summary>The catalogues: indicators, sources, export datasets and data versions.</summary>
internal static class CatalogQueries
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<IndicatorGraphType>>>>("indicators")
            .Description("The indicator catalogue / katalog indikator.")
            .Resolve(ctx => ctx.Loader().Indicators);

        query.Field<IndicatorGraphType>("indicator")
            .Description("One indicator by code; null when unknown.")
            .Argument<NonNullGraphType<StringGraphType>>("code", "The indicator code, for example STUNTING.")
            .Resolve(ctx => ctx.Loader().Indicator(ctx.GetArgument<string>("code")));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SourceGraphType>>>>("sources")
            .Description("Every source values cite, by priority / daftar sumber.")
            .Resolve(ctx => ctx.Loader().Catalog.Sources.Values.OrderBy(s => s.Priority).ThenBy(s => s.Id, StringComparer.Ordinal).ToList());

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExportDatasetGraphType>>>>("exportDatasets")
            .Description("The datasets BI tools can pull in bulk (CSV, Parquet, Arrow, Arrow Flight), with their columns, types, units and filters; the same catalogue as GET /api/v1/export.")
            .Resolve(ctx => ctx.Service<Kencana.Warehouse.Export.ExportDatasetRegistry>().Catalog.Datasets);

        query.Field<DataVersionGraphType>("dataVersion")
            .Description("The newest data version: what the answers are as of.")
            .Resolve(ctx => ctx.Service<DataVersionLog>().Latest());

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<DataVersionGraphType>>>>("dataVersions")
            .Description("Every data version, newest first.")
            .Resolve(ctx => ctx.Service<DataVersionLog>().GetAll());
    }
}
