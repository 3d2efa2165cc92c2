using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Naviyam.IntegrationTests.Infrastructure;
using Naviyam.IntegrationTests.MySql;

namespace Naviyam.IntegrationTests.Telemetry;

/// <summary>
/// In a cluster the grain work runs in silo processes, so each exports its own spans. A real silo process with an OTLP
/// collector configured (OTLP over HTTP with protobuf, received here by a plain Kestrel endpoint) sends the spans of a
/// chat turn whose request came through a separate gateway, under the trace id the client started.
/// </summary>
public class SiloTracingTests
{
    [Fact]
    public async Task A_silo_process_exports_its_grain_spans_under_the_gateway_requests_trace()
    {
        await using var collector = await OtlpCollector.StartAsync();
        await using var database = await TestDatabase.CreateAsync();
        var clusterId = "trace-" + Guid.NewGuid().ToString("N")[..8];
        var siloSettings = ClusterTests.SiloSettings(database, clusterId, instance: 0);
        siloSettings["Naviyam:Tracing:OtlpEndpoint"] = collector.TracesUrl.ToString();
        siloSettings["Naviyam:Tracing:OtlpProtocol"] = "HttpProtobuf";
        await using var silo = await SiloProcess.StartAsync(siloSettings);
        await using var gateway = new GatewayFactory(new DateTime(2025, 9, 3, 12, 0, 0), new Dictionary<string, string?>
        {
            ["Naviyam:Gateway:CoHostSilo"] = "false",
            ["Naviyam:Storage:Mode"] = "MySql",
            ["ConnectionStrings:Naviyam"] = database.ConnectionString,
            ["Naviyam:Silo:ClusterId"] = clusterId,
            ["Naviyam:Tracing:Enabled"] = "true",
        });
        using var client = await gateway.ClientForAsync("trace-user");

        // The client starts the trace (W3C traceparent); the gateway continues it and carries it into the cluster.
        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/chat")
        {
            Content = JsonContent.Create(new { sessionId = "trace-session", text = "만원 이하로 떡볶이 먹고 싶어" }),
        };
        request.Headers.Add("traceparent", $"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();

        // The exporter batches: wait for the export that holds the turn's grain span.
        var traceIdBytes = Convert.FromHexString(traceId.ToHexString());
        var conversationSpan = Encoding.UTF8.GetBytes("IConversationGrain");
        byte[]? export = null;
        var deadline = Stopwatch.StartNew();
        while (export is null && deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            export = collector.Exports.FirstOrDefault(body => Contains(body, traceIdBytes) && Contains(body, conversationSpan));
            await Task.Delay(export is null ? 200 : 0);
        }

        export.Should().NotBeNull("the silo exported the conversation grain's span under the client's trace id");
        Contains(export!, Encoding.UTF8.GetBytes("Naviyam.Silo")).Should().BeTrue("the spans name the silo process as their service");
        collector.ContentTypes.Should().OnlyContain(type => type == "application/x-protobuf");
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    /// <summary>The traces endpoint of an OTLP/HTTP collector: keeps every request body and answers 200.</summary>
    private sealed class OtlpCollector : IAsyncDisposable
    {
        private readonly WebApplication app;

        private OtlpCollector(WebApplication app, Uri tracesUrl)
        {
            this.app = app;
            TracesUrl = tracesUrl;
        }

        public ConcurrentQueue<byte[]> Exports { get; } = new();

        public ConcurrentQueue<string> ContentTypes { get; } = new();

        public Uri TracesUrl { get; }

        public static async Task<OtlpCollector> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            OtlpCollector? collector = null;
            app.MapPost("/v1/traces", async (HttpRequest request) =>
            {
                using var body = new MemoryStream();
                await request.Body.CopyToAsync(body);
                collector!.Exports.Enqueue(body.ToArray());
                collector.ContentTypes.Enqueue(request.ContentType ?? "");
                return Results.Ok();
            });
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            collector = new OtlpCollector(app, new Uri(new Uri(address), "/v1/traces"));
            return collector;
        }

        public async ValueTask DisposeAsync() => await app.DisposeAsync();
    }
}
