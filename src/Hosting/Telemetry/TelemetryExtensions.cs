using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Naviyam.Hosting.Telemetry;

/// <summary>
/// Metrics of every Naviyam web host through OpenTelemetry, scraped by Prometheus at <see cref="MetricsPath"/>: the
/// product's meters (<c>Naviyam.*</c>: turns, stage latencies, caches, NLU, alerts), Orleans' (<c>Microsoft.Orleans</c>:
/// grain activations, messaging, request latency) and ASP.NET Core's (HTTP requests, SignalR connections).
/// </summary>
public static class TelemetryExtensions
{
    public const string MetricsPath = "/metrics";

    public static IHostApplicationBuilder AddNaviyamTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Environment.ApplicationName))
            .WithMetrics(metrics => metrics
                .AddMeter("Naviyam.*")
                .AddMeter("Microsoft.Orleans")
                .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Http.Connections")
                .AddPrometheusExporter());
        return builder;
    }

    /// <summary>
    /// The Prometheus text exposition at <see cref="MetricsPath"/>. It holds counts and latencies only, never a user, a
    /// card or a message; keep the port away from the internet or put the endpoint behind the operators' network.
    /// </summary>
    public static IEndpointConventionBuilder MapNaviyamMetrics(this WebApplication app) =>
        app.MapPrometheusScrapingEndpoint(MetricsPath);
}
