using GraphQL.Types;
using Kencana.Warehouse.Audit;

namespace Kencana.Server.GraphQL.Types;

public sealed class AuditEntryGraphType : ObjectGraphType<AuditEntry>
{
    public AuditEntryGraphType()
    {
        Name = "AuditEntry";
        Description = "One write to the warehouse: who, when, what, and the data version it created.";
        Field(x => x.Id).Description("The entry's number, in the order of the writes.");
        Field<NonNullGraphType<DateTimeGraphType>>("at").Description("When the write committed (UTC).").Resolve(ctx => DateTime.SpecifyKind(ctx.Source.At, DateTimeKind.Utc));
        Field(x => x.Actor).Description("Who wrote: key:ID (name), token:SUBJECT, or command line (USER).");
        Field(x => x.Role).Description("The role they wrote in.");
        Field(x => x.Action).Description("setTarget, reviseTarget, retireTarget or import.");
        Field(x => x.Subject, nullable: true).Description("What was written, such as 'STUNTING 64.74 2029 (RPJMD 2025-2029)' or 'observations from siga.csv'.");
        Field(x => x.DataVersion, nullable: true).Description("The data version the write created.");
        Field(x => x.Before, nullable: true).Description("A target before the write, as JSON; null when there was none.");
        Field(x => x.After, nullable: true).Description("A target after the write, as JSON; null when it was retired.");
        Field(x => x.FileName, nullable: true).Description("An import's file name.");
        Field(x => x.FileSha256, nullable: true).Description("An import's file SHA-256.");
        Field(x => x.Rows, nullable: true).Description("The rows an import added.");
    }
}
