namespace Kencana.Warehouse.Storage.Migrations;

/// <summary>One step from a schema version to the next, as DDL that keeps every row already stored.</summary>
/// <param name="From">The version the step starts from; it leaves the file at <c>From + 1</c>.</param>
/// <param name="Description">What the step changes, for the start-up log.</param>
/// <param name="Sql">The statements, run in the migration's transaction.</param>
public sealed record SchemaMigration(int From, string Description, string Sql)
{
    /// <summary>The version the step leaves the file at.</summary>
    public int To => From + 1;
}
