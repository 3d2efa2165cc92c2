using Naviyam.Hosting;
using Naviyam.Silo.Commands;

if (args.Length > 0 && OperatorCommands.TryRun(args, out var exitCode))
{
    return exitCode;
}

// The silo's own files (appsettings.json) are beside its binaries, wherever it is run from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddNaviyamServiceDefaults();
builder.AddNaviyamSilo();

var app = builder.Build();
// A silo is reached by operators only (it has no user endpoints), so its dashboard needs no sign-in.
app.MapNaviyamDefaultEndpoints();
app.MapNaviyamSiloEndpoints();
await app.RunAsync();
return 0;
