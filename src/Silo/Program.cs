using Naviyam.Catalog;
using Naviyam.Silo.Commands;
using Naviyam.Hosting;
using Orleans.Dashboard;

namespace Naviyam.Silo;

/// <summary>A silo process, or one of the operator commands when the first argument names one.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
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
        // What this silo's catalog serves for one shop: lets an operator (and the cluster tests) see that a change
        // made on another silo has arrived here.
        app.MapGet("/operator/catalog/shops/{shopId}", (string shopId, IShopCatalog catalog) =>
            catalog.TryGet(shopId, out var shop) ? Results.Ok(shop) : Results.NotFound());
        await app.RunAsync();
        return 0;
    }
}
