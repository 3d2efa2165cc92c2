using Naviyam.Gateway.Extensions;

// The gateway's own files (appsettings.json) are beside its binaries wherever it is started from, while a path on its
// command line or in configuration (an import's ../shared/...) still means the folder it was started in. A host that
// runs this Program inside its own process (WebApplicationFactory) chooses the content root itself.
var isEntryPoint = System.Reflection.Assembly.GetEntryAssembly() == typeof(Program).Assembly;
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = isEntryPoint ? AppContext.BaseDirectory : null });
builder.AddNaviyamGateway();

var app = builder.Build();
app.MapNaviyamGateway();
app.Run();

/// <summary>Visible to functional tests (WebApplicationFactory).</summary>
public partial class Program;
