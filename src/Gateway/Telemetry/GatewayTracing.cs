using OpenTelemetry.Exporter;
using OpenTelemetry.Trace;

namespace Naviyam.Gateway.Telemetry;

/// <summary>
/// Traces gateway → grains with OpenTelemetry: a span per HTTP request (ASP.NET Core) and per hub method invocation
/// (SignalR's own source), and under them a span per grain call on each side (Orleans' activity propagation, turned on
/// where the silo and the client are built), all sharing the request's trace id.
/// </summary>
public static class GatewayTracing
{
    /// <summary>SignalR's server-side source: one activity per hub method invocation (.NET 9 and later).</summary>
    public const string SignalRSource = "Microsoft.AspNetCore.SignalR.Server";

    public static IServiceCollection AddGatewayTracing(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(TracingOptions.Section);
        services.AddOptions<TracingOptions>().Bind(section);
        var options = section.Get<TracingOptions>() ?? new TracingOptions();
        if (!options.IsOn)
        {
            return services;
        }
        services.AddOpenTelemetry().WithTracing(tracing =>
        {
            tracing
                .AddAspNetCoreInstrumentation(aspNet => aspNet.Filter = IsTraced)
                .AddSource(SignalRSource)
                .AddSource(Orleans.Diagnostics.ActivitySources.ApplicationGrainActivitySourceName)
                .AddSource(Orleans.Diagnostics.ActivitySources.RuntimeActivitySourceName);
            if (options.OtlpEndpoint is { } endpoint)
            {
                tracing.AddOtlpExporter(otlp =>
                {
                    otlp.Endpoint = endpoint;
                    otlp.Protocol = OtlpExportProtocol.Grpc;
                });
            }
        });
        return services;
    }

    /// <summary>Scrapes, probes and the page's files are not worth a trace each; the user's calls are.</summary>
    private static bool IsTraced(HttpContext context) =>
        !context.Request.Path.StartsWithSegments("/metrics") && !context.Request.Path.StartsWithSegments("/health");
}
