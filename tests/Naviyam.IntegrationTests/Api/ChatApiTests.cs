using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Naviyam.Chat;
using Naviyam.IntegrationTests.Infrastructure;
using Naviyam.Logging;

namespace Naviyam.IntegrationTests.Api;

/// <summary>The embedded default with its generated city.</summary>
public sealed class GeneratedCityFactory() : GatewayFactory(new DateTime(2025, 9, 3, 12, 0, 0), new Dictionary<string, string?>
{
    ["Naviyam:Data:GenerateShops"] = "2000",
    ["Naviyam:Data:GenerateUsers"] = "20",
});

public class ChatApiTests(GeneratedCityFactory factory) : IClassFixture<GeneratedCityFactory>
{
    [Fact]
    public async Task A_repeated_turn_id_is_answered_once()
    {
        using var client = await factory.ClientForAsync("retry-user");

        var first = await client.ChatAsync("retry-user", "retry-session", "떡볶이 먹고 싶어", turnId: "turn-1");
        var second = await client.ChatAsync("retry-user", "retry-session", "떡볶이 먹고 싶어", turnId: "turn-1");

        second.Replayed.Should().BeTrue();
        second.Reply.Should().Be(first.Reply);
        var journal = factory.Services.GetRequiredService<ITurnJournal>();
        (await journal.RecentAsync("retry-session", 10)).Should().ContainSingle(t => t.TurnId == "turn-1");
    }

    [Fact]
    public async Task The_server_makes_a_turn_id_when_the_client_sends_none()
    {
        using var client = await factory.ClientForAsync("no-turn-id");

        var reply = await client.ChatAsync("no-turn-id", "no-turn-id-session", "배고파");

        reply.TurnId.Should().MatchRegex("^[A-Za-z0-9_-]{1,64}$");
    }

    [Theory]
    [InlineData("", "ok-session", null)]
    [InlineData("   ", "ok-session", null)]
    [InlineData("배고파", "bad session!", null)]
    [InlineData("배고파", "ok-session", "turn id with spaces")]
    public async Task Bad_input_gets_400_problem_json(string text, string sessionId, string? turnId)
    {
        using var client = await factory.ClientForAsync("bad-input");

        using var response = await client.PostAsJsonAsync("/api/chat", new { userId = "bad-input", sessionId, text, turnId });

        await ExpectProblem(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("{\"latitude\": 35.87, \"longitude\": 128.6}", "lat and lng")]
    [InlineData("{\"lat\": 35.87}", "lat and lng")]
    [InlineData("{\"lat\": 135.87, \"lng\": 128.6}", "location.lat must be within")]
    public async Task A_location_without_usable_coordinates_gets_400_naming_the_fields(string location, string expected)
    {
        using var client = await factory.ClientForAsync("bad-location");
        var body = $"{{\"sessionId\": \"located\", \"text\": \"배고파\", \"location\": {location}}}";

        using var response = await client.PostAsync("/api/chat", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await ExpectProblem(response, HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain(expected);
    }

    [Theory]
    [InlineData("돼지고기 못 먹어요", "no_pork")]
    [InlineData("저 채식해요 고기 빼고 추천해 주세요", "vegetarian")]
    public async Task A_dietary_restriction_keeps_away_every_menu_and_shop_whose_name_it_rules_out(string text, string restriction)
    {
        var user = "diet-" + restriction.Replace('_', '-');
        using var client = await factory.ClientForAsync(user);

        var reply = await client.ChatAsync(user, user + "-session", text);

        reply.Entities.GetProperty("dietary_restrictions").EnumerateArray().Select(e => e.GetString()).Should().Contain(restriction);
        reply.Recommendations.Should().NotBeEmpty(reply.Reply);
        var forbidden = factory.Services.GetRequiredService<Naviyam.Retrieval.DietaryRules>().ForbiddenWords([restriction]);
        reply.Recommendations.Should().OnlyContain(r => !forbidden.Any(word => (r.ShopName + r.MenuName).Replace(" ", "").Contains(word)), reply.Reply);
        reply.Reply.Should().Contain("빼고 골랐어요");
    }

    [Fact]
    public async Task A_wish_for_a_kind_of_dish_puts_such_menus_first_without_making_it_a_food_type()
    {
        using var client = await factory.ClientForAsync("soup-lover");

        var reply = await client.ChatAsync("soup-lover", "soup-session", "국물 있는 거 땡긴다");

        reply.Entities.TryGetProperty("food_type", out _).Should().BeFalse("generic words are never food_type");
        reply.Recommendations.Should().NotBeEmpty();
        reply.Recommendations.Should().OnlyContain(r => r.MenuName != null && factory.Services.GetRequiredService<Naviyam.Retrieval.DishPreferences>().From("국물", null)!.Matches(r.MenuName), reply.Reply);
        reply.Reply.Should().Contain("국물 요리 먹을 수 있는 곳");
    }

    [Fact]
    public async Task Ten_thousand_characters_get_400_problem_json()
    {
        using var client = await factory.ClientForAsync("long-input");

        using var response = await client.PostAsJsonAsync("/api/chat", new { userId = "long-input", sessionId = "long", text = new string('밥', 10_000) });

        await ExpectProblem(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Malformed_json_gets_400_problem_json()
    {
        using var client = await factory.ClientForAsync("malformed");

        using var response = await client.PostAsync("/api/chat", new StringContent("{\"text\": ", System.Text.Encoding.UTF8, "application/json"));

        await ExpectProblem(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Another_users_session_or_user_id_is_forbidden()
    {
        using var owner = await factory.ClientForAsync("owner");
        using var intruder = await factory.ClientForAsync("intruder");
        await owner.ChatAsync("owner", "owned-session", "안녕");

        using var stolen = await intruder.PostAsJsonAsync("/api/chat", new { userId = "intruder", sessionId = "owned-session", text = "배고파" });
        using var impersonated = await intruder.PostAsJsonAsync("/api/chat", new { userId = "owner", sessionId = "other", text = "배고파" });

        await ExpectProblem(stolen, HttpStatusCode.Forbidden);
        await ExpectProblem(impersonated, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Calls_without_a_token_are_rejected()
    {
        using var anonymous = new HttpClient { BaseAddress = factory.BaseAddress };

        using var response = await anonymous.PostAsJsonAsync("/api/chat", new { userId = "x", sessionId = "x", text = "배고파" });

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Emoji_only_text_is_a_normal_turn()
    {
        using var client = await factory.ClientForAsync("emoji-user");

        var reply = await client.ChatAsync("emoji-user", "emoji-session", "😭😭");

        reply.Reply.Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task The_nlu_endpoint_is_stateless_and_uses_the_spec_keys()
    {
        using var client = await factory.ClientForAsync("nlu-user");

        using var response = await client.PostAsJsonAsync("/api/nlu", new { text = "배고픈데 5천원밖에 없어" });
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        body.Should().Contain("\"intent\":\"budget_inquiry\"").And.Contain("\"budget\":5000").And.Contain("\"budget_kind\":\"cap\"");
    }

    [Theory]
    [InlineData("\u0001\u0002\u0007")]
    [InlineData("😭😭😭")]
    [InlineData("pizza 먹고싶어 ピザ 披萨 🍕")]
    [InlineData("ㅋㅋㅋㅋㅋㅋㅋㅋ")]
    public async Task Odd_but_valid_text_gets_a_clear_answer(string text)
    {
        using var client = await factory.ClientForAsync("odd-text");

        using var nlu = await client.PostAsJsonAsync("/api/nlu", new { text });
        var reply = await client.ChatAsync("odd-text", "odd-" + Math.Abs(text.GetHashCode(StringComparison.Ordinal)), text);

        nlu.StatusCode.Should().Be(HttpStatusCode.OK);
        reply.Reply.Should().NotBeNullOrWhiteSpace();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Blank_or_huge_text_to_the_nlu_endpoint_gets_400(string text)
    {
        using var client = await factory.ClientForAsync("nlu-bad");

        using var blank = await client.PostAsJsonAsync("/api/nlu", new { text });
        using var huge = await client.PostAsJsonAsync("/api/nlu", new { text = new string('가', 10_000) });

        await ExpectProblem(blank, HttpStatusCode.BadRequest);
        await ExpectProblem(huge, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Health_answers()
    {
        using var anonymous = new HttpClient { BaseAddress = factory.BaseAddress };

        (await anonymous.GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_hub_answers_and_pushes_the_reply_to_every_connection_of_the_user()
    {
        await using var phone = await factory.HubForAsync("hub-user");
        await using var laptop = await factory.HubForAsync("hub-user");
        var pushed = new TaskCompletionSource<ChatReply>(TaskCreationOptions.RunContinuationsAsynchronously);
        laptop.On<string, ChatReply>("ReceiveReply", (_, reply) => pushed.TrySetResult(reply));

        var answer = await phone.InvokeAsync<ChatReply>("SendMessage", new { sessionId = "hub-session", text = "배고픈데 5천원밖에 없어" });

        answer.Intent.Should().Be(Intents.BudgetInquiry);
        (await pushed.Task.WaitAsync(TimeSpan.FromSeconds(10))).TurnId.Should().Be(answer.TurnId);
    }

    [Fact]
    public async Task The_hub_rejects_bad_input_with_a_short_error_code()
    {
        await using var connection = await factory.HubForAsync("hub-bad");

        var send = () => connection.InvokeAsync<ChatReply>("SendMessage", new { sessionId = "bad id!", text = "배고파" });

        (await send.Should().ThrowAsync<HubException>()).Which.Message.Should().Contain("invalid_input");
    }

    private static async Task ExpectProblem(HttpResponseMessage response, HttpStatusCode status)
    {
        response.StatusCode.Should().Be(status);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadAsStringAsync()).Should().Contain("\"status\":" + (int)status);
    }
}
