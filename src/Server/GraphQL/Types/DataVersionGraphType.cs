using GraphQL.Types;
using Kencana.Warehouse.Model;

namespace Kencana.Server.GraphQL.Types;

public sealed class DataVersionGraphType : ObjectGraphType<DataVersion>
{
    public DataVersionGraphType()
    {
        Name = "DataVersion";
        Description = "One successful load into the warehouse (the seed, an import or the generator) / versi data.";
        Field(x => x.Number).Description("The version number; increases by one per load.");
        Field<NonNullGraphType<DateTimeGraphType>>("loadedAt").Description("When the load committed (UTC).").Resolve(ctx => DateTime.SpecifyKind(ctx.Source.LoadedAt, DateTimeKind.Utc));
        Field(x => x.Kind).Description("seed, import or generate.");
        Field(x => x.Description).Description("What was loaded.");
        Field(x => x.FileName, nullable: true).Description("The loaded file.");
        Field(x => x.FileSha256, nullable: true).Description("The SHA-256 of the loaded file; the same file is never loaded twice.");
        Field(x => x.ObservationRows).Description("Observations added.");
        Field(x => x.TargetRows).Description("Targets added.");
        Field(x => x.SourceRows).Description("Sources added.");
    }
}
