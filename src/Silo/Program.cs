using Naviyam.Hosting;
using Naviyam.Silo.Commands;

if (args.Length > 0 && OperatorCommands.TryRun(args, out var exitCode))
{
    return exitCode;
}

var builder = WebApplication.CreateBuilder(args);
builder.AddNaviyamServiceDefaults();
builder.AddNaviyamSilo();

var app = builder.Build();
// A silo is reached by operators only (it has no user endpoints), so its dashboard needs no sign-in.
app.MapNaviyamDefaultEndpoints();
app.MapNaviyamSiloEndpoints();
await app.RunAsync();
return 0;
