using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Naviyam.Chat;
using Naviyam.IntegrationTests.Infrastructure;
using Naviyam.IntegrationTests.Reliability;

namespace Naviyam.IntegrationTests.Api;

/// <summary>A gateway reading hub messages of at most 4 KB, with 5 calls at once per user, then one every 10 s.</summary>
public sealed class HubLimitsGatewayFactory() : GatewayFactory(new DateTime(2025, 9, 3, 12, 0, 0), new Dictionary<string, string?>
{
    ["Naviyam:Limits:HubMaxMessageBytes"] = "4096",
    ["Naviyam:Limits:UserRequestsPerMinute"] = "6",
    ["Naviyam:Limits:Burst"] = "5",
});

/// <summary>The hub's message size limit (from options) and its share of the per-user rate limit.</summary>
public class HubLimitsTests(HubLimitsGatewayFactory factory) : IClassFixture<HubLimitsGatewayFactory>
{
    [Fact]
    public async Task A_message_over_the_size_limit_closes_the_connection_with_a_clear_error()
    {
        await using var connection = await factory.HubForAsync("big-sender");
        var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += error =>
        {
            closed.TrySetResult(error);
            return Task.CompletedTask;
        };

        // 2,000 Hangul syllables are 6,000 bytes of UTF-8: over the 4 KB the gateway reads.
        var send = () => connection.InvokeAsync<ChatReply>("SendMessage", new { sessionId = "big-session", text = new string('밥', 2_000) });

        await send.Should().ThrowAsync<Exception>();
        var error = await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        connection.State.Should().Be(HubConnectionState.Disconnected);
        error.Should().NotBeNull();
        error!.Message.Should().Contain("The maximum message size of 4096B was exceeded");
    }

    [Fact]
    public async Task A_message_within_the_size_but_over_the_text_rule_is_refused_and_the_connection_stays()
    {
        await using var connection = await factory.HubForAsync("long-sender");

        var send = () => connection.InvokeAsync<ChatReply>("SendMessage", new { sessionId = "long-session", text = new string('a', 1_001) });

        (await send.Should().ThrowAsync<HubException>()).Which.Message.Should().Contain(ErrorContractTests.HubErrorCode("invalid_input"));
        connection.State.Should().Be(HubConnectionState.Connected);
    }

    [Fact]
    public async Task Rest_calls_and_hub_messages_draw_from_one_bucket_per_user()
    {
        await using var connection = await factory.HubForAsync("shared-bucket");
        using var client = await factory.ClientForAsync("shared-bucket");
        HttpStatusCode status;
        var calls = 0;
        do
        {
            using var response = await client.PostAsJsonAsync("/api/nlu", new { text = "배고파" });
            status = response.StatusCode;
            calls++;
        }
        while (status == HttpStatusCode.OK && calls < 10);
        status.Should().Be(HttpStatusCode.TooManyRequests, "the burst is 5");

        // The bucket gains one call every 10 s: a refill may let one message through, not three in a row.
        HubException? refused = null;
        for (var i = 0; i < 3 && refused is null; i++)
        {
            try
            {
                await connection.InvokeAsync<ChatReply>("SendMessage", new { sessionId = "shared-bucket-session", text = "배고파" });
            }
            catch (HubException ex)
            {
                refused = ex;
            }
        }

        refused.Should().NotBeNull("the REST calls emptied the bucket the hub messages draw from");
        refused!.Message.Should().Contain(ErrorContractTests.HubErrorCode("rate_limited")).And.MatchRegex(@"retry after \d+ s");
        connection.State.Should().Be(HubConnectionState.Connected, "a refused message does not close the connection");
    }
}
