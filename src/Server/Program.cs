using Kencana.Server.Charts;
using Kencana.Server.Cli;
using Kencana.Server.Export;
using Kencana.Server.Flight;
using Kencana.Server.Forecasting;
using Kencana.Server.GraphQL;
using Kencana.Server.GraphQL.Transport;
using Kencana.Server.Hosting;
using Kencana.Server.HttpImport;
using Kencana.Server.Identity;
using Kencana.Server.Operations;
using Kencana.Server.Planner;
using Kencana.Server.SqlApi;

if (KencanaCommandLine.IsCommand(args))
{
    return await KencanaCommandLine.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = ServerArguments.Normalize(args),
    ContentRootPath = AppContext.BaseDirectory,
});
builder.AddWarehouse();
builder.AddIdentityAndRoles();
builder.AddKencanaGraphQL();
builder.AddForecasting();
builder.AddExports();
builder.AddHttpImports();
builder.AddExportFlight();
builder.AddOperations();
builder.AddPlanner();
builder.AddCharts();
builder.AddSqlApi();

var app = builder.Build();
if (app.PrepareWarehouse() is int exitCode)
{
    // Disposing flushes the console logger, whose queue would otherwise die with the process, line and all.
    await app.DisposeAsync();
    return exitCode;
}
app.UseOperations();
app.UseIdentityAndRoles();
app.MapGraphQLEndpoint("/graphql");
app.MapExportEndpoints();
app.MapImportEndpoints();
app.MapExportFlight();
app.MapOperationsEndpoints();
app.MapPlannerEndpoints();
app.MapChartEndpoints();
app.MapGet("/", () => Results.Redirect("/graphql"));

return await app.RunServerAsync();

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
