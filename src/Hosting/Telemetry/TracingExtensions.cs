using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Exporter;
using OpenTelemetry.Trace;

namespace Naviyam.Hosting.Telemetry;

/// <summary>
/// Traces requests → grains with OpenTelemetry in every Naviyam process: a span per HTTP request (ASP.NET Core), and a
/// span per grain call on each side (Orleans' activity propagation, turned on where the silo and the client are built),
/// all sharing the request's trace id. A silo process exports its own spans, so in a cluster the gateway's request and
/// the grain work on other silos land in one trace at the collector.
/// </summary>
public static class TracingExtensions
{
    /// <param name="sources">The process's own activity sources besides ASP.NET Core's and Orleans'.</param>
    public static IHostApplicationBuilder AddNaviyamTracing(this IHostApplicationBuilder builder, params string[] sources)
    {
        var section = builder.Configuration.GetSection(TracingOptions.Section);
        builder.Services.AddOptions<TracingOptions>().Bind(section);
        var options = section.Get<TracingOptions>() ?? new TracingOptions();
        if (!options.IsOn)
        {
            return builder;
        }
        builder.Services.AddOpenTelemetry().WithTracing(tracing =>
        {
            tracing
                .AddAspNetCoreInstrumentation(aspNet => aspNet.Filter = IsTraced)
                .AddSource(Orleans.Diagnostics.ActivitySources.ApplicationGrainActivitySourceName)
                .AddSource(Orleans.Diagnostics.ActivitySources.RuntimeActivitySourceName)
                .AddSource(sources);
            if (options.OtlpEndpoint is { } endpoint)
            {
                tracing.AddOtlpExporter(otlp =>
                {
                    otlp.Endpoint = endpoint;
                    otlp.Protocol = options.OtlpProtocol == OtlpProtocol.HttpProtobuf ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
                });
            }
        });
        return builder;
    }

    /// <summary>Scrapes, probes and the page's files are not worth a trace each; the user's and operators' calls are.</summary>
    private static bool IsTraced(HttpContext context) =>
        !context.Request.Path.StartsWithSegments("/metrics") && !context.Request.Path.StartsWithSegments("/health");
}
