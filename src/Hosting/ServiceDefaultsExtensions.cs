using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Dashboard;

namespace Naviyam.Hosting;

/// <summary>What every Naviyam web host (a silo, the gateway) has the same way: health, metrics and the Orleans Dashboard.</summary>
public static class ServiceDefaultsExtensions
{
    public const string HealthPath = "/health";
    public const string DashboardPath = "/dashboard";

    /// <summary>Health checks and the metrics factory the product's counters are created from (logging is the host's default).</summary>
    public static IHostApplicationBuilder AddNaviyamServiceDefaults(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks();
        builder.Services.AddMetrics();
        return builder;
    }

    /// <summary>
    /// <c>/health</c> and the Orleans Dashboard at <c>/dashboard</c> (its Orleans side is added with the silo or
    /// client). A host that faces users keeps the dashboard for operators (<c>role=operator</c>) outside Development.
    /// </summary>
    public static WebApplication MapNaviyamDefaultEndpoints(this WebApplication app, bool dashboardForOperatorsOnly)
    {
        app.MapHealthChecks(HealthPath);
        var dashboard = app.MapOrleansDashboard(routePrefix: DashboardPath);
        if (dashboardForOperatorsOnly)
        {
            dashboard.RequireAuthorization(policy => policy.RequireClaim("role", "operator"));
        }
        return app;
    }
}
