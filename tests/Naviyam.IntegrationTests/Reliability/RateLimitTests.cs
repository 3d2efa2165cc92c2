using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Naviyam.Chat;
using Naviyam.IntegrationTests.Infrastructure;

namespace Naviyam.IntegrationTests.Reliability;

/// <summary>A gateway with a small limit: 5 calls at once per user, then 60 a minute.</summary>
public sealed class LimitedGatewayFactory() : GatewayFactory(new DateTime(2025, 9, 3, 12, 0, 0), new Dictionary<string, string?>
{
    ["Naviyam:Limits:UserRequestsPerMinute"] = "60",
    ["Naviyam:Limits:Burst"] = "5",
});

/// <summary>
/// One user's calls are limited, REST and hub alike: past the burst a REST call is 429 problem+json with
/// <c>Retry-After</c> and the code <c>rate_limited</c> (whatever the Accept header), a hub message a
/// <c>rate_limited</c> error; other users are not touched.
/// </summary>
public class RateLimitTests(LimitedGatewayFactory factory) : IClassFixture<LimitedGatewayFactory>
{
    [Fact]
    public async Task Past_the_burst_a_users_rest_calls_get_429_with_retry_after_and_others_do_not()
    {
        using var greedy = await factory.ClientForAsync("greedy-rest");
        using var other = await factory.ClientForAsync("patient-rest");
        greedy.DefaultRequestHeaders.TryAddWithoutValidation("Accept", "text/html");

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 8; i++)
        {
            var response = await greedy.PostAsJsonAsync("/api/nlu", new { text = "배고파" });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited ??= response;
            }
        }
        using var untouched = await other.PostAsJsonAsync("/api/nlu", new { text = "배고파" });

        statuses.Should().Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 5), .. Enumerable.Repeat(HttpStatusCode.TooManyRequests, 3)]);
        limited!.Headers.RetryAfter!.Delta.Should().BeGreaterThan(TimeSpan.Zero);
        limited.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await limited.Content.ReadAsStringAsync()).Should().Contain("\"code\":\"rate_limited\"");
        untouched.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Past_the_burst_hub_messages_are_refused_with_rate_limited()
    {
        await using var connection = await factory.HubForAsync("greedy-hub");

        var answered = 0;
        HubException? refused = null;
        for (var i = 0; i < 8 && refused is null; i++)
        {
            try
            {
                await connection.InvokeAsync<ChatReply>("SendMessage", new { sessionId = "greedy-hub-session", text = "배고파" });
                answered++;
            }
            catch (HubException ex)
            {
                refused = ex;
            }
        }

        // The dev-token request and the hub's negotiate come from the same user's address or token; the hub budget is what is left.
        answered.Should().BeInRange(3, 5);
        refused!.Message.Should().Contain(ErrorContractTests.HubErrorCode("rate_limited"));
    }
}
