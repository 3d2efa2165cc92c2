using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Naviyam.Chat;
using Naviyam.Gateway.Auth;
using Naviyam.IntegrationTests.Infrastructure;
using Naviyam.IntegrationTests.Reliability;

namespace Naviyam.IntegrationTests.Api;

/// <summary>A development gateway with a small generated city and the tests' lifted limits.</summary>
public sealed class MatrixGatewayFactory() : GatewayFactory(new DateTime(2025, 9, 3, 12, 0, 0), new Dictionary<string, string?>
{
    ["Naviyam:Data:GenerateShops"] = "300",
    ["Naviyam:Data:GenerateUsers"] = "2",
});

/// <summary>A gateway whose users may make 2 calls and then 1 a minute: any further call is refused.</summary>
public sealed class StingyGatewayFactory() : GatewayFactory(new DateTime(2025, 9, 3, 12, 0, 0), new Dictionary<string, string?>
{
    ["Naviyam:Limits:UserRequestsPerMinute"] = "1",
    ["Naviyam:Limits:Burst"] = "2",
});

/// <summary>
/// Every HTTP endpoint a token opens, each against the error contract: 401 without a token, 400 for bad input,
/// 403 for another user's data or a missing role, 404 for an unknown order, 429 past the caller's limit — all
/// problem+json with a code; and the hub's isolation of two users.
/// </summary>
public class EndpointContractMatrixTests(MatrixGatewayFactory factory, StingyGatewayFactory stingy)
    : IClassFixture<MatrixGatewayFactory>, IClassFixture<StingyGatewayFactory>
{
    private const string Completion = """{"model":"naviyam","messages":[{"role":"user","content":"배고파"}]}""";

    /// <summary>Every endpoint that needs a token, with a body it would accept.</summary>
    public static TheoryData<string, string, string?> Endpoints => new()
    {
        { "POST", "/api/chat", """{"sessionId":"m-1","text":"배고파"}""" },
        { "POST", "/api/nlu", """{"text":"배고파"}""" },
        { "GET", "/api/me/card", null },
        { "GET", "/api/me/coupons", null },
        { "POST", "/api/me/orders", """{"orderKey":"m-order","shopId":"generated:1","menuName":"김밥","unitPrice":3000}""" },
        { "GET", "/api/me/orders/m-order", null },
        { "POST", "/api/me/orders/m-order/cancel", null },
        { "POST", "/api/me/feedback", """{"sessionId":"m-1","turnId":"t-1","shopId":"generated:1","kind":"go"}""" },
        { "POST", "/v1/chat/completions", Completion },
        { "GET", "/v1/models", null },
        { "GET", "/operator/ab", null },
        { "GET", "/api/operator/alerts", null },
        { "POST", "/api/operator/orders/demo-1/m-order/accept", null },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Without_a_token_every_endpoint_is_401_problem_json(string method, string path, string? body)
    {
        using var anonymous = new HttpClient { BaseAddress = factory.BaseAddress };

        using var response = await anonymous.SendAsync(Request(method, path, body));

        await ExpectProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Past_the_callers_limit_every_endpoint_is_429_with_retry_after(string method, string path, string? body)
    {
        // A user of its own per endpoint, and an operator role so the operator endpoints are reached too.
        using var client = stingy.ClientWithToken(SignFor(stingy, "stingy-" + Math.Abs(StringComparer.Ordinal.GetHashCode(path)), operatorRole: true));
        for (var i = 0; i < 2; i++)
        {
            using var spent = await client.GetAsync("/api/me/card");
        }

        using var response = await client.SendAsync(Request(method, path, body));

        var code = await ExpectProblemAsync(response, HttpStatusCode.TooManyRequests);
        code.Should().Be("rate_limited");
        response.Headers.RetryAfter!.Delta.Should().BeGreaterThan(TimeSpan.Zero);
    }

    [Theory]
    [InlineData("POST", "/api/chat", """{"sessionId":"bad id!","text":"배고파"}""")]
    [InlineData("POST", "/api/chat", """{"sessionId":"m-2","text":""}""")]
    [InlineData("POST", "/api/nlu", """{"text":" "}""")]
    [InlineData("POST", "/api/me/orders", """{"orderKey":"k","shopId":"generated:1","menuName":"김밥","unitPrice":-5}""")]
    [InlineData("POST", "/api/me/orders", "not json")]
    [InlineData("GET", "/api/me/orders/bad%20key!", null)]
    [InlineData("POST", "/api/me/orders/bad%20key!/cancel", null)]
    [InlineData("POST", "/api/me/feedback", """{"sessionId":"m-1","turnId":"t-1","shopId":"generated:1","kind":"maybe"}""")]
    [InlineData("POST", "/v1/chat/completions", """{"model":"naviyam","messages":[]}""")]
    [InlineData("GET", "/operator/ab?days=0", null)]
    public async Task Bad_input_is_400_problem_json(string method, string path, string? body)
    {
        using var client = factory.ClientWithToken(SignFor(factory, "matrix-400", operatorRole: true));

        using var response = await client.SendAsync(Request(method, path, body));

        (await ExpectProblemAsync(response, HttpStatusCode.BadRequest)).Should().Be("invalid_input");
    }

    [Theory]
    [InlineData("POST", "/api/chat", """{"userId":"demo-2","sessionId":"m-3","text":"배고파"}""")]
    [InlineData("GET", "/operator/ab", null)]
    [InlineData("GET", "/api/operator/alerts", null)]
    [InlineData("POST", "/api/operator/orders/demo-1/m-order/accept", null)]
    public async Task Another_users_data_or_an_operator_endpoint_without_the_role_is_403(string method, string path, string? body)
    {
        using var client = await factory.ClientForAsync("demo-1");

        using var response = await client.SendAsync(Request(method, path, body));

        await ExpectProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("GET", "/api/me/orders/never-placed", false)]
    [InlineData("POST", "/api/me/orders/never-placed/cancel", false)]
    [InlineData("POST", "/api/operator/orders/demo-1/never-placed/accept", true)]
    public async Task An_unknown_order_is_404_unknown_order(string method, string path, bool operatorRole)
    {
        using var client = factory.ClientWithToken(SignFor(factory, "demo-1", operatorRole));

        using var response = await client.SendAsync(Request(method, path, null));

        (await ExpectProblemAsync(response, HttpStatusCode.NotFound)).Should().Be("unknown_order");
    }

    [Fact]
    public async Task On_the_hub_two_users_never_see_or_touch_each_others_sessions()
    {
        await using var alice = await factory.HubForAsync("demo-1");
        await using var alicePhone = await factory.HubForAsync("demo-1");
        await using var bob = await factory.HubForAsync("demo-2");
        var alicePushed = new TaskCompletionSource<ChatReply>(TaskCreationOptions.RunContinuationsAsynchronously);
        var bobPushed = new List<string>();
        alicePhone.On<string, ChatReply>("ReceiveReply", (session, reply) => alicePushed.TrySetResult(reply));
        bob.On<string, ChatReply>("ReceiveReply", (session, _) => { lock (bobPushed) { bobPushed.Add(session); } });

        var answer = await alice.InvokeAsync<ChatReply>("SendMessage", new { sessionId = "alice-hub", text = "배고픈데 5천원밖에 없어" });
        (await alicePushed.Task.WaitAsync(TimeSpan.FromSeconds(10))).TurnId.Should().Be(answer.TurnId);
        var intrude = () => bob.InvokeAsync<ChatReply>("SendMessage", new { sessionId = "alice-hub", text = "2번 가게 어디야?" });
        var stream = async () =>
        {
            await foreach (var _ in bob.StreamAsync<object>("StreamMessage", new { sessionId = "alice-hub", text = "잔액 얼마야?" }))
            {
            }
        };
        var feedback = () => bob.InvokeAsync<object>("SendFeedback",
            new { sessionId = "alice-hub", turnId = answer.TurnId, shopId = answer.Recommendations[0].ShopId, kind = "go" });

        (await intrude.Should().ThrowAsync<HubException>()).Which.Message.Should().Contain(ErrorContractTests.HubErrorCode("forbidden_session"));
        (await stream.Should().ThrowAsync<HubException>()).Which.Message.Should().Contain(ErrorContractTests.HubErrorCode("forbidden_session"));
        (await feedback.Should().ThrowAsync<HubException>()).Which.Message.Should().Contain(ErrorContractTests.HubErrorCode("forbidden_session"));
        await Task.Delay(TimeSpan.FromSeconds(1));
        lock (bobPushed)
        {
            bobPushed.Should().BeEmpty("a user's replies reach only that user's connections");
        }
        (await alice.InvokeAsync<ChatReply>("SendMessage", new { sessionId = "alice-hub", text = "1번 가게 어디야?" })).Action.Should().Be("pick",
            "the intruder's attempts changed nothing in the owner's session");
    }

    private static string SignFor(GatewayFactory gateway, string userId, bool operatorRole)
    {
        Claim[] claims = operatorRole ? [new("sub", userId), new("role", "operator")] : [new("sub", userId)];
        return TestTokens.Sign(gateway.Services.GetRequiredService<TokenService>().SigningKey, claims);
    }

    private static HttpRequestMessage Request(string method, string path, string? body) => new(new HttpMethod(method), path)
    {
        Content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/json"),
    };

    /// <summary>Asserts the status and the problem+json shape; returns the problem's <c>code</c> (null when it has none).</summary>
    private static async Task<string?> ExpectProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, text);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        using var problem = System.Text.Json.JsonDocument.Parse(text);
        problem.RootElement.GetProperty("status").GetInt32().Should().Be((int)status);
        return problem.RootElement.TryGetProperty("code", out var code) ? code.GetString() : null;
    }
}

internal static class TokenClients
{
    public static HttpClient ClientWithToken(this GatewayFactory gateway, string token)
    {
        var client = new HttpClient { BaseAddress = gateway.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
