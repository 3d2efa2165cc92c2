using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Naviyam.Chat;
using Naviyam.IntegrationTests.Infrastructure;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Naviyam.IntegrationTests.Telemetry;

/// <summary>A gateway with tracing on whose spans an in-memory exporter keeps.</summary>
public sealed class TracedGatewayFactory() : GatewayFactory(new DateTime(2025, 9, 3, 12, 0, 0), new Dictionary<string, string?>
{
    ["Naviyam:Data:GenerateShops"] = "300",
    ["Naviyam:Data:GenerateUsers"] = "2",
    ["Naviyam:Tracing:Enabled"] = "true",
})
{
    private readonly List<Activity> exported = [];

    /// <summary>Every span exported so far (of every host in this process: the tests pick theirs by trace id).</summary>
    public IReadOnlyList<Activity> Spans
    {
        get
        {
            lock (exported)
            {
                return [.. exported];
            }
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.ConfigureOpenTelemetryTracerProvider(tracing =>
            tracing.AddProcessor(new SimpleActivityExportProcessor(new ListExporter(exported)))));
    }

    /// <summary>The in-memory exporter's job with a lock, since requests end on several threads at once.</summary>
    private sealed class ListExporter(List<Activity> spans) : BaseExporter<Activity>
    {
        public override ExportResult Export(in Batch<Activity> batch)
        {
            lock (spans)
            {
                foreach (var span in batch)
                {
                    spans.Add(span);
                }
            }
            return ExportResult.Success;
        }
    }
}

/// <summary>Traces gateway → grains: a chat request's span and its grain calls share one trace, parent to child.</summary>
public class TracingTests(TracedGatewayFactory factory) : IClassFixture<TracedGatewayFactory>
{
    [Fact]
    public async Task A_rest_chat_turn_is_one_trace_from_the_request_to_the_grains_it_calls()
    {
        using var client = await factory.ClientForAsync("demo-1");
        using var response = await client.PostAsJsonAsync("/api/chat", new { sessionId = "traced-rest", text = "배고픈데 5천원밖에 없어" });
        response.EnsureSuccessStatusCode();

        var request = await SpanAsync(s => s.Kind == ActivityKind.Server && s.Source.Name == "Microsoft.AspNetCore"
            && (s.GetTagItem("url.path") as string) == "/api/chat");
        var trace = await TraceAsync(request.TraceId, spans => spans.Any(IsCardCall));

        var conversationCall = trace.First(s => IsGrainCall(s) && s.Kind == ActivityKind.Client && s.DisplayName.Contains("IConversationGrain", StringComparison.Ordinal));
        IsDescendant(conversationCall, request, trace).Should().BeTrue("the session's grain call is a child of the request span");
        var cardCall = trace.First(IsCardCall);
        IsDescendant(cardCall, conversationCall, trace).Should().BeTrue("the session grain's own call to the card grain continues the trace");
        trace.Where(IsGrainCall).Select(s => s.Kind).Should().Contain([ActivityKind.Client, ActivityKind.Server], "both the caller's and the grain's side are traced");
    }

    [Fact]
    public async Task A_hub_message_is_one_trace_from_the_invocation_to_the_grains()
    {
        await using var hub = await factory.HubForAsync("demo-2");
        var reply = await hub.InvokeAsync<ChatReply>("SendMessage", new { sessionId = "traced-hub", text = "김밥 먹고 싶어" });
        reply.Reply.Should().NotBeEmpty();

        var invocation = await SpanAsync(s => s.Source.Name == "Microsoft.AspNetCore.SignalR.Server"
            && s.DisplayName.Contains("SendMessage", StringComparison.Ordinal));
        var trace = await TraceAsync(invocation.TraceId, spans => spans.Any(s => IsGrainCall(s) && s.DisplayName.Contains("IConversationGrain", StringComparison.Ordinal)));

        var conversationCall = trace.First(s => IsGrainCall(s) && s.DisplayName.Contains("IConversationGrain", StringComparison.Ordinal));
        IsDescendant(conversationCall, invocation, trace).Should().BeTrue("the hub invocation's grain call is its child");
    }

    private static bool IsGrainCall(Activity span) => span.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal);

    private static bool IsCardCall(Activity span) => IsGrainCall(span) && span.DisplayName.Contains("IFoodCardGrain", StringComparison.Ordinal);

    private static bool IsDescendant(Activity span, Activity ancestor, IReadOnlyList<Activity> trace)
    {
        var bySpanId = trace.GroupBy(s => s.SpanId).ToDictionary(g => g.Key, g => g.First());
        for (var current = span; current.ParentSpanId != default;)
        {
            if (current.ParentSpanId == ancestor.SpanId)
            {
                return true;
            }
            if (!bySpanId.TryGetValue(current.ParentSpanId, out var parent))
            {
                return false;
            }
            current = parent;
        }
        return false;
    }

    /// <summary>A span is exported when it ends, which may be a moment after the client has its answer.</summary>
    private async Task<Activity> SpanAsync(Func<Activity, bool> match)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (factory.Spans.FirstOrDefault(match) is { } span)
            {
                return span;
            }
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException("No such span was exported: " + string.Join(", ", factory.Spans.Select(s => $"{s.Source.Name}:{s.DisplayName}")));
    }

    private async Task<IReadOnlyList<Activity>> TraceAsync(ActivityTraceId traceId, Func<IReadOnlyList<Activity>, bool> complete)
    {
        IReadOnlyList<Activity> trace = [];
        for (var attempt = 0; attempt < 50 && !complete(trace); attempt++)
        {
            await Task.Delay(100);
            trace = [.. factory.Spans.Where(s => s.TraceId == traceId)];
        }
        complete(trace).Should().BeTrue("the trace holds: " + string.Join(", ", trace.Select(s => $"{s.Source.Name}:{s.DisplayName}")));
        return trace;
    }
}
