using GraphQL.Types;
using Kencana.Server.Cli;
using Kencana.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Snapshooter.Xunit;

namespace Kencana.Server.Tests.Schema;

[Collection(ServerGroup.Name)]
public class SchemaTests(KencanaServerFactory server)
{
    private string Served => SchemaCommand.Print(server.Services.GetRequiredService<ISchema>());

    [Fact]
    public void The_served_schema_matches_its_snapshot() => Snapshot.Match(Served);

    [Fact]
    public void Schema_graphql_at_the_repository_root_is_the_served_schema()
    {
        var file = Path.Combine(RepositoryPaths.Root, "schema.graphql");
        Assert.True(File.Exists(file), "schema.graphql is missing: run `dotnet run --project src/Server -- schema --out schema.graphql`.");
        Assert.True(File.ReadAllText(file) == Served,
            "schema.graphql differs from the served schema: run `dotnet run --project src/Server -- schema --out schema.graphql` and commit it.");
    }

    [Fact]
    public void Every_type_field_and_argument_has_a_description()
    {
        var schema = server.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var missing = new List<string>();
        foreach (var type in schema.AllTypes.Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal) && t is not ScalarGraphType))
        {
            if (string.IsNullOrWhiteSpace(type.Description))
            {
                missing.Add(type.Name);
            }
            if (type is IComplexGraphType complex)
            {
                foreach (var field in complex.Fields)
                {
                    if (string.IsNullOrWhiteSpace(field.Description))
                    {
                        missing.Add($"{type.Name}.{field.Name}");
                    }
                    missing.AddRange(field.Arguments?.Where(a => string.IsNullOrWhiteSpace(a.Description)).Select(a => $"{type.Name}.{field.Name}({a.Name})") ?? []);
                }
            }
        }
        Assert.Empty(missing);
    }
}
