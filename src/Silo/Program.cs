using Naviyam.Hosting;
using Naviyam.Hosting.Auth;
using Naviyam.Hosting.Telemetry;
using Naviyam.Silo.Commands;

if (args.Length > 0 && OperatorCommands.TryRun(args, out var exitCode))
{
    return exitCode;
}

// The silo's own files (appsettings.json) are beside its binaries, wherever it is run from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddNaviyamServiceDefaults();
builder.AddNaviyamSilo();
builder.AddNaviyamTracing();
// The same tokens as the gateway's (Naviyam:Auth:SigningKey, required outside Development): operators sign in here too.
builder.AddNaviyamJwtAuthentication();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
var operatorEndpoints = new[] { app.MapNaviyamDefaultEndpoints(), app.MapNaviyamSiloEndpoints() };
if (!app.Environment.IsDevelopment())
{
    // Outside Development the dashboard and the catalog's contents are for operators only; health stays open.
    foreach (var endpoints in operatorEndpoints)
    {
        endpoints.RequireAuthorization(OperatorPolicy.Name);
    }
}
await app.RunAsync();
return 0;
