using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Naviyam.Hosting.Health;
using Naviyam.Hosting.Telemetry;
using Orleans.Dashboard;

namespace Naviyam.Hosting;

/// <summary>What every Naviyam web host (a silo, the gateway) has the same way: health, metrics and the Orleans Dashboard.</summary>
public static class ServiceDefaultsExtensions
{
    public const string HealthPath = "/health";
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    public const string DashboardPath = "/dashboard";

    /// <summary>Health checks and the metrics factory the product's counters are created from (logging is the host's default).</summary>
    public static IHostApplicationBuilder AddNaviyamServiceDefaults(this IHostApplicationBuilder builder)
    {
        // Liveness asks only whether this process answers at all: nothing outside it (a database, other silos) can make
        // a load balancer restart it.
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), tags: [HealthTags.Live]);
        builder.Services.AddMetrics();
        builder.AddNaviyamTelemetry();
        return builder;
    }

    /// <summary>
    /// <c>/health</c> (every check), <c>/health/live</c> and <c>/health/ready</c> (<see cref="HealthTags"/>: 503 while a
    /// check is unhealthy), and the Orleans Dashboard at <c>/dashboard</c> (its Orleans side is added with the silo or
    /// client). Returns the dashboard's endpoints so that a host facing users can restrict them to operators.
    /// </summary>
    public static IEndpointConventionBuilder MapNaviyamDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(HealthPath, new HealthCheckOptions { ResponseWriter = WriteHealthAsync });
        app.MapHealthChecks(LivePath, new HealthCheckOptions { ResponseWriter = WriteHealthAsync, Predicate = check => check.Tags.Contains(HealthTags.Live) });
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { ResponseWriter = WriteHealthAsync, Predicate = check => check.Tags.Contains(HealthTags.Ready) });
        app.MapNaviyamMetrics();
        return app.MapOrleansDashboard(routePrefix: DashboardPath);
    }

    /// <summary>
    /// The overall status and every entry with its description and data, as JSON:
    /// <c>{"status":"Healthy","entries":{"merchant-sources":{"status":"Healthy","description":"…","data":{"jeju":2006}}}}</c>.
    /// </summary>
    private static Task WriteHealthAsync(HttpContext context, HealthReport report) =>
        context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            entries = report.Entries.ToDictionary(
                entry => entry.Key,
                entry => new { status = entry.Value.Status.ToString(), description = entry.Value.Description, data = entry.Value.Data }),
        });
}
