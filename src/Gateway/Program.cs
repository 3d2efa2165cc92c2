using Naviyam.Gateway.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddNaviyamGateway();

var app = builder.Build();
app.MapNaviyamGateway();
app.Run();

/// <summary>Visible to functional tests (WebApplicationFactory).</summary>
public partial class Program;
