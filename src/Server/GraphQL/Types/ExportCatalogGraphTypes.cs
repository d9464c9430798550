using GraphQL.Types;
using Kencana.Warehouse.Export;

namespace Kencana.Server.GraphQL.Types;

public sealed class ExportDatasetGraphType : ObjectGraphType<ExportDatasetInfo>
{
    public ExportDatasetGraphType()
    {
        Name = "ExportDataset";
        Description = "A dataset BI tools can download in bulk from /api/v1/export/{name}.{csv|parquet|arrow} or Arrow Flight.";
        Field(x => x.Name).Description("The dataset's name in export URLs.");
        Field(x => x.Title).Description("A short title.");
        Field(x => x.Description).Description("What a row is.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExportColumnGraphType>>>>("columns").Description("The columns, in order, with their types and units.").Resolve(ctx => ctx.Source.Columns);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExportFilterGraphType>>>>("filters").Description("The query parameters it takes.").Resolve(ctx => ctx.Source.Filters);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("urls").Description("Download paths, one per format.")
            .Resolve(ctx => Formats.Select(f => $"/api/v1/export/{ctx.Source.Name}.{f}"));
    }

    private static readonly string[] Formats = ["csv", "parquet", "arrow"];
}

public sealed class ExportColumnGraphType : ObjectGraphType<ExportColumnInfo>
{
    public ExportColumnGraphType()
    {
        Name = "ExportColumn";
        Description = "A column of an export dataset.";
        Field(x => x.Name).Description("The column name.");
        Field(x => x.Type).Description("The column type as written in Parquet and Arrow.");
        Field(x => x.Description).Description("What the column holds.");
        Field(x => x.Unit, nullable: true).Description("The unit, where the column has one.");
        Field(x => x.Nullable).Description("True when the column can be empty.");
    }
}

public sealed class ExportFilterGraphType : ObjectGraphType<ExportFilterInfo>
{
    public ExportFilterGraphType()
    {
        Name = "ExportFilter";
        Description = "A query parameter of an export.";
        Field(x => x.Name).Description("The parameter name.");
        Field(x => x.Type).Description("What it takes.");
        Field(x => x.Description).Description("What it does.");
        Field(x => x.Repeatable).Description("True when it takes several values (repeated or comma-separated).");
    }
}
