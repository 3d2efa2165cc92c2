using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Naviyam.IntegrationTests.Infrastructure;

namespace Naviyam.IntegrationTests.Reliability;

/// <summary>A production gateway (no developer pages, a configured key) for the error contract.</summary>
public sealed class ErrorContractFactory() : ProductionGatewayFactory;

/// <summary>A development gateway (minimal APIs throw on a bad body there, and developer pages are on).</summary>
public sealed class DevelopmentErrorFactory() : GatewayFactory(new DateTime(2025, 9, 3, 12, 0, 0), new Dictionary<string, string?>());

/// <summary>
/// Every client error is a 4xx application/problem+json whatever the client's <c>Accept</c> header, in Production and
/// in Development (where minimal APIs throw on a bad body and a failed problem writer showed a stack-trace page).
/// </summary>
public class ErrorContractTests(ErrorContractFactory production, DevelopmentErrorFactory development)
    : IClassFixture<ErrorContractFactory>, IClassFixture<DevelopmentErrorFactory>
{
    public static readonly string?[] AcceptHeaders = ["text/html", "text/plain", "application/xml", "text/html, application/xhtml+xml, */*;q=0.8", "*/*", "application/json", null];

    [Fact]
    public async Task Every_client_error_is_4xx_problem_json_whatever_the_accept_header_in_production()
    {
        var failures = await CheckEveryCaseAsync(production.BaseAddress, production.TokenFor("errors-user"), production.Sign([new Claim("name", "nobody")]),
            production.Sign([new Claim("sub", "expired-user")], TimeSpan.FromMinutes(5), DateTime.UtcNow.AddMinutes(-10)));

        failures.Should().BeEmpty();
    }

    [Fact]
    public async Task Every_client_error_is_4xx_problem_json_whatever_the_accept_header_in_development()
    {
        var failures = await CheckEveryCaseAsync(development.BaseAddress, await development.TokenForAsync("errors-user"), NoSubjectToken: null, ExpiredToken: null);

        failures.Should().BeEmpty();
    }

    [Fact]
    public async Task A_validly_signed_token_without_a_subject_is_401_on_rest_and_the_hub()
    {
        var token = production.Sign([new Claim("name", "nobody"), new Claim("role", "operator")]);
        using var client = production.ClientWithToken(token);

        using var chat = await client.PostAsync("/api/chat", Json("{\"sessionId\":\"s\",\"text\":\"배고파\"}"));
        using var card = await client.GetAsync("/api/me/card");
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(production.BaseAddress, "/hubs/chat"), options => options.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        var connect = () => hub.StartAsync();

        chat.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        card.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await connect.Should().ThrowAsync<HttpRequestException>()).Which.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        await hub.DisposeAsync();
    }

    [Fact]
    public async Task Hub_errors_carry_their_code_first_after_signalrs_prefix()
    {
        await using var owner = await development.HubForAsync("hub-owner");
        await using var intruder = await development.HubForAsync("hub-intruder");
        await owner.InvokeAsync<Naviyam.Chat.ChatReply>("SendMessage", new { sessionId = "hub-owned", text = "안녕" });

        var invalid = () => owner.InvokeAsync<Naviyam.Chat.ChatReply>("SendMessage", new { sessionId = "bad id!", text = "배고파" });
        var stolen = () => intruder.InvokeAsync<Naviyam.Chat.ChatReply>("SendMessage", new { sessionId = "hub-owned", text = "배고파" });

        (await invalid.Should().ThrowAsync<Microsoft.AspNetCore.SignalR.HubException>()).Which.Message.Should().MatchRegex(HubErrorCode("invalid_input"));
        (await stolen.Should().ThrowAsync<Microsoft.AspNetCore.SignalR.HubException>()).Which.Message.Should().MatchRegex(HubErrorCode("forbidden_session"));
    }

    /// <summary>SignalR puts "An unexpected error occurred invoking 'X' on the server. HubException: " before every server message; the code comes right after.</summary>
    public static string HubErrorCode(string code) => $"HubException: {code}: ";

    /// <summary>Each hostile request with each Accept header; what came back wrong, one line each.</summary>
    private static async Task<List<string>> CheckEveryCaseAsync(Uri baseAddress, string token, string? NoSubjectToken, string? ExpiredToken)
    {
        var cases = new List<(string Name, string? Token, Func<HttpRequestMessage> Request)>
        {
            ("chat: malformed JSON", token, () => Post("/api/chat", Json("{\"text\": "))),
            ("chat: invalid fields", token, () => Post("/api/chat", Json("{\"sessionId\":\"bad id!\",\"text\":\"\"}"))),
            ("chat: text/plain body", token, () => Post("/api/chat", new StringContent("배고파", Encoding.UTF8, "text/plain"))),
            ("chat: empty body", token, () => Post("/api/chat", Json(""))),
            ("chat: an array", token, () => Post("/api/chat", Json("[]"))),
            ("chat: location of the wrong type", token, () => Post("/api/chat", Json("{\"sessionId\":\"s\",\"text\":\"배고파\",\"location\":\"x\"}"))),
            ("chat: text of the wrong type", token, () => Post("/api/chat", Json("{\"sessionId\":\"s\",\"text\":5}"))),
            ("chat: another user's id", token, () => Post("/api/chat", Json("{\"userId\":\"someone-else\",\"sessionId\":\"s\",\"text\":\"배고파\"}"))),
            ("chat: GET", token, () => new HttpRequestMessage(HttpMethod.Get, "/api/chat")),
            ("nlu: malformed JSON", token, () => Post("/api/nlu", Json("{"))),
            ("nlu: text of the wrong type", token, () => Post("/api/nlu", Json("{\"text\":5}"))),
            ("nlu: no text", token, () => Post("/api/nlu", Json("{}"))),
            ("nlu: form body", token, () => Post("/api/nlu", new FormUrlEncodedContent([new("text", "배고파")]))),
            ("orders: malformed JSON", token, () => Post("/api/me/orders", Json("{\"orderKey\":"))),
            ("orders: bad key", token, () => new HttpRequestMessage(HttpMethod.Get, "/api/me/orders/bad%20key")),
            ("no such endpoint", token, () => new HttpRequestMessage(HttpMethod.Get, "/api/nothing-here")),
            ("chat: no token", null, () => Post("/api/chat", Json("{\"sessionId\":\"s\",\"text\":\"배고파\"}"))),
            ("chat: a garbage token", "not.a.token", () => Post("/api/chat", Json("{\"sessionId\":\"s\",\"text\":\"배고파\"}"))),
        };
        if (NoSubjectToken is not null)
        {
            cases.Add(("chat: a signed token without sub", NoSubjectToken, () => Post("/api/chat", Json("{\"sessionId\":\"s\",\"text\":\"배고파\"}"))));
            cases.Add(("nlu: a signed token without sub", NoSubjectToken, () => Post("/api/nlu", Json("{\"text\":\"배고파\"}"))));
        }
        if (ExpiredToken is not null)
        {
            cases.Add(("chat: an expired token", ExpiredToken, () => Post("/api/chat", Json("{\"sessionId\":\"s\",\"text\":\"배고파\"}"))));
        }

        using var client = new HttpClient { BaseAddress = baseAddress };
        var failures = new List<string>();
        foreach (var (name, caseToken, build) in cases)
        {
            foreach (var accept in AcceptHeaders)
            {
                using var request = build();
                if (accept is not null)
                {
                    request.Headers.TryAddWithoutValidation("Accept", accept);
                }
                if (caseToken is not null)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", caseToken);
                }
                using var response = await client.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                if (Problem(response, body) is { } problem)
                {
                    failures.Add($"{name} (Accept: {accept ?? "none"}): {problem}");
                }
            }
        }
        return failures;
    }

    /// <summary>Null when the response is a 4xx problem+json whose status matches; else what is wrong with it.</summary>
    private static string? Problem(HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        if (status is < 400 or >= 500)
        {
            return $"status {status}: {Shorten(body)}";
        }
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"status {status} as {response.Content.Headers.ContentType?.MediaType ?? "no content type"}: {Shorten(body)}";
        }
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("status", out var written) && written.GetInt32() == status
                ? null
                : $"status {status} but the problem says otherwise: {Shorten(body)}";
        }
        catch (JsonException)
        {
            return $"status {status} with a body that is not JSON: {Shorten(body)}";
        }
    }

    private static string Shorten(string body) => body.Length > 200 ? body[..200] + "…" : body;

    private static HttpRequestMessage Post(string path, HttpContent content) => new(HttpMethod.Post, path) { Content = content };

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
