using Naviyam.Silo.Commands;
using Naviyam.Silo.Hosting;
using Orleans.Dashboard;

// Operator commands run and exit; anything else starts a silo.
if (args.Length > 0 && OperatorCommands.TryRun(args, out var exitCode))
{
    return exitCode;
}

var builder = WebApplication.CreateBuilder(args);
builder.AddNaviyamSilo();
builder.Services.AddHealthChecks();

var app = builder.Build();
app.MapHealthChecks("/health");
app.MapOrleansDashboard(routePrefix: "/dashboard");
app.MapGet("/", () => Results.Redirect("/dashboard"));
await app.RunAsync();
return 0;
