using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Naviyam.IntegrationTests.Infrastructure;

namespace Naviyam.IntegrationTests.Integrators;

/// <summary>
/// The Semantic Kernel reply writer against a local OpenAI-compatible test server the test steers: a faithful rewrite
/// is served, and a rewrite that changes a price, a slow server and a failing one all fall back to the template.
/// </summary>
public partial class ReplyWriterTests(ReplyWriterTests.WriterFixture fixture) : IClassFixture<ReplyWriterTests.WriterFixture>
{
    [Fact]
    public async Task A_rewrite_that_keeps_every_fact_is_served()
    {
        fixture.Server.Mode = LanguageModelMode.Friendly;
        var reply = await AskAsync("writer-friendly");

        reply.Rewritten.Should().BeTrue();
        reply.Reply.Should().StartWith("안녕! 반가워요. ");
        reply.Reply.Should().Contain(reply.Recommendations[0].ShopName);
    }

    [Fact]
    public async Task A_rewrite_that_changes_a_price_is_rejected_for_the_template()
    {
        fixture.Server.Mode = LanguageModelMode.ChangePrice;
        var reply = await AskAsync("writer-price");

        reply.Rewritten.Should().BeFalse();
        reply.Reply.Should().NotContain("100원").And.NotStartWith("안녕!");
        reply.Reply.Should().Contain($"{reply.Recommendations[0].Price:N0}원");
    }

    [Fact]
    public async Task A_server_slower_than_the_budget_leaves_the_template_in_time()
    {
        fixture.Server.Mode = LanguageModelMode.Fail;
        await AskAsync("writer-slow-warm-up"); // the gateway's and the pipeline's first start are not the writer's time
        fixture.Server.Mode = LanguageModelMode.Slow;
        var clock = Stopwatch.StartNew();
        var reply = await AskAsync("writer-slow");

        reply.Rewritten.Should().BeFalse();
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(2.5), "the budget is 800 ms and the server takes 3 s");
        reply.Reply.Should().MatchRegex(@"\n1\. ");
    }

    [Fact]
    public async Task A_failing_server_leaves_the_template()
    {
        fixture.Server.Mode = LanguageModelMode.Fail;
        var reply = await AskAsync("writer-fail");

        reply.Rewritten.Should().BeFalse();
        reply.Reply.Should().MatchRegex(@"\n1\. ");
    }

    private async Task<WriterReply> AskAsync(string userId)
    {
        using var client = await fixture.Gateway.ClientForAsync(userId);
        using var response = await client.PostAsJsonAsync("/api/chat", new { sessionId = userId + "-session", text = "배고픈데 5천원밖에 없어" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<WriterReply>())!;
    }

    public sealed record WriterReply(string Reply, bool Rewritten, List<WireRecommendation> Recommendations);

    public enum LanguageModelMode { Friendly, ChangePrice, Slow, Fail, CallBalance }

    /// <summary>
    /// A stand-in for an OpenAI-compatible server (the shape local model servers speak): it reads the template from the
    /// prompt and answers as <see cref="Mode"/> says.
    /// </summary>
    public sealed partial class LanguageModelServer : IAsyncDisposable
    {
        private readonly WebApplication app;

        public LanguageModelServer()
        {
            var port = Loopback.FreePort();
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
            app = builder.Build();
            app.MapPost("/v1/chat/completions", AnswerAsync);
            app.Start();
            Endpoint = new Uri($"http://127.0.0.1:{port}/v1");
        }

        public Uri Endpoint { get; }

        public LanguageModelMode Mode { get; set; }

        /// <summary>The names of the tools offered in the last request that offered any.</summary>
        public IReadOnlyList<string> OfferedTools { get; private set; } = [];

        /// <summary>What the gateway sent back for each tool call (the functions' results, as the model reads them).</summary>
        public System.Collections.Concurrent.ConcurrentQueue<string> ToolResults { get; } = new();

        private async Task<IResult> AnswerAsync(HttpRequest request)
        {
            using var body = await JsonDocument.ParseAsync(request.Body);
            var messages = body.RootElement.GetProperty("messages").EnumerateArray().ToList();
            var prompt = messages.Last(m => m.GetProperty("role").GetString() == "user").GetProperty("content").GetString()!;
            var template = Template().Match(prompt).Groups[1].Value;
            if (body.RootElement.TryGetProperty("tools", out var tools))
            {
                OfferedTools = [.. tools.EnumerateArray().Select(t => t.GetProperty("function").GetProperty("name").GetString()!)];
            }
            string content;
            switch (Mode)
            {
                case LanguageModelMode.CallBalance:
                    var toolAnswer = messages.LastOrDefault(m => m.GetProperty("role").GetString() == "tool");
                    if (toolAnswer.ValueKind == JsonValueKind.Undefined)
                    {
                        return ToolCall("naviyam-get_card_balance");
                    }
                    var result = toolAnswer.GetProperty("content").GetString()!;
                    ToolResults.Enqueue(result);
                    var balance = int.Parse(Balance().Match(result).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                    content = $"{template} 지금 카드에 {balance:N0}원 남아 있어요.";
                    break;
                case LanguageModelMode.Fail:
                    return Results.StatusCode(StatusCodes.Status500InternalServerError);
                case LanguageModelMode.Slow:
                    await Task.Delay(TimeSpan.FromSeconds(3));
                    content = "안녕! 반가워요. " + template;
                    break;
                case LanguageModelMode.ChangePrice:
                    content = "안녕! 반가워요. " + FirstPrice().Replace(template, "100원", 1);
                    break;
                default:
                    content = "안녕! 반가워요. " + template;
                    break;
            }
            return Results.Json(new
            {
                id = "chatcmpl-test",
                @object = "chat.completion",
                created = 0,
                model = "test-model",
                choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
                usage = new { prompt_tokens = 1, completion_tokens = 1, total_tokens = 2 },
            });
        }

        /// <summary>An answer that asks the caller to run one function with no arguments (OpenAI's tool call shape).</summary>
        private static IResult ToolCall(string function) => Results.Json(new
        {
            id = "chatcmpl-tool",
            @object = "chat.completion",
            created = 0,
            model = "test-model",
            choices = new[]
            {
                new
                {
                    index = 0,
                    message = new
                    {
                        role = "assistant",
                        content = (string?)null,
                        tool_calls = new[] { new { id = "call_1", type = "function", function = new { name = function, arguments = "{}" } } },
                    },
                    finish_reason = "tool_calls",
                },
            },
            usage = new { prompt_tokens = 1, completion_tokens = 1, total_tokens = 2 },
        });

        public ValueTask DisposeAsync() => app.DisposeAsync();

        [GeneratedRegex(@"""balance""\s*:\s*(\d+)", RegexOptions.IgnoreCase)]
        private static partial Regex Balance();

        [GeneratedRegex(@"^답:\n(.*?)\n\n바꾸면 안 되는 사실", RegexOptions.Singleline)]
        private static partial Regex Template();

        [GeneratedRegex(@"\d[\d,]*원")]
        private static partial Regex FirstPrice();
    }

    public sealed class WriterFixture : IAsyncDisposable
    {
        public WriterFixture()
        {
            Server = new LanguageModelServer();
            Gateway = new GatewayFactory(new DateTime(2025, 9, 3, 12, 0, 0), new Dictionary<string, string?>
            {
                ["Naviyam:Data:GenerateShops"] = "1000",
                ["Naviyam:Data:GenerateUsers"] = "3",
                ["Naviyam:ReplyWriter:Endpoint"] = Server.Endpoint.ToString(),
                ["Naviyam:ReplyWriter:Model"] = "test-model",
                ["Naviyam:ReplyWriter:ApiKey"] = "test-key",
                ["Naviyam:ReplyWriter:Budget"] = "00:00:00.800",
            });
        }

        public LanguageModelServer Server { get; }

        public GatewayFactory Gateway { get; }

        public async ValueTask DisposeAsync()
        {
            await Gateway.DisposeAsync();
            await Server.DisposeAsync();
        }
    }
}
