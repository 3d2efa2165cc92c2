using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Naviyam.Cards;
using Naviyam.IntegrationTests.Infrastructure;
using Naviyam.Learning;
using Naviyam.Shops;

namespace Naviyam.IntegrationTests.Api;

/// <summary>The embedded default with a small generated city whose demo users hold meal cards.</summary>
public sealed class LearningCityFactory() : GatewayFactory(new DateTime(2025, 9, 3, 12, 0, 0), new Dictionary<string, string?>
{
    ["Naviyam:Data:GenerateShops"] = "400",
    ["Naviyam:Data:GenerateUsers"] = "6",
});

/// <summary>
/// The behaviour log over the real gateway and silo (embedded default): picks shown, feedback on them over REST and the
/// hub, a question about a pick and an order for a recommended meal, each linked to the turn that showed the pick.
/// </summary>
public class FeedbackApiTests(LearningCityFactory factory) : IClassFixture<LearningCityFactory>
{
    private InMemoryInteractionLog Log => factory.Services.GetRequiredService<InMemoryInteractionLog>();

    private static async Task<T> EventuallyAsync<T>(Func<T> read, Func<T, bool> done)
    {
        for (var i = 0; i < 100; i++)
        {
            var value = read();
            if (done(value))
            {
                return value;
            }
            await Task.Delay(50);
        }
        return read();
    }

    [Fact]
    public async Task Feedback_on_a_shown_pick_is_recorded_with_its_turn_and_position()
    {
        using var client = await factory.ClientForAsync("fb-rest");
        var offered = await client.ChatAsync("fb-rest", "fb-rest-session", "떡볶이 먹고 싶어", turnId: "t1");
        offered.Recommendations.Should().HaveCountGreaterThan(1, offered.Reply);
        var second = offered.Recommendations[1];

        using var response = await client.PostAsJsonAsync("/api/me/feedback", new { sessionId = "fb-rest-session", turnId = "t1", shopId = second.ShopId, kind = "go" });

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await response.Content.ReadFromJsonAsync<FeedbackBody>())!.Position.Should().Be(2);
        var rows = await Log.InteractionsSinceAsync(DateTimeOffset.MinValue, 10_000);
        rows.Should().ContainSingle(r => r.UserId == "fb-rest").Which.Should().BeEquivalentTo(new
        {
            SessionId = "fb-rest-session", TurnId = "t1", Type = InteractionTypes.Selection, ShopId = second.ShopId, Position = 2, Kind = "go",
        });
        var shown = await EventuallyAsync(() => Log.ShownTo("fb-rest"), s => s.Count > 0);
        var turn = shown.Should().ContainSingle().Subject;
        turn.Method.Should().BeOneOf("wide_deep", "heuristic");
        turn.Shown.Select(p => p.ShopId).Should().Equal(offered.Recommendations.Select(r => r.ShopId));
        turn.Shown.Should().OnlyContain(p => p.Features.Length > 0, "every ranked pick carries the row its model read");
    }

    [Theory]
    [InlineData("t1", "like", false)]
    [InlineData("t1", null, false)]
    [InlineData("no such turn", "go", false)]
    [InlineData("t-unknown", "go", false)]
    [InlineData("t1", "go", true)]
    public async Task Bad_feedback_gets_400_problem_json(string turnId, string? kind, bool unshownShop)
    {
        using var client = await factory.ClientForAsync("fb-bad");
        var offered = await client.ChatAsync("fb-bad", "fb-bad-session", "떡볶이 먹고 싶어", turnId: "t1");
        var shopId = unshownShop ? "generated:does-not-exist" : offered.Recommendations[0].ShopId;

        using var response = await client.PostAsJsonAsync("/api/me/feedback", new { sessionId = "fb-bad-session", turnId, shopId, kind });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task Feedback_on_another_users_session_is_forbidden_and_records_nothing()
    {
        using var owner = await factory.ClientForAsync("fb-owner");
        using var intruder = await factory.ClientForAsync("fb-intruder");
        var offered = await owner.ChatAsync("fb-owner", "fb-owned", "떡볶이 먹고 싶어", turnId: "t1");

        using var response = await intruder.PostAsJsonAsync("/api/me/feedback",
            new { sessionId = "fb-owned", turnId = "t1", shopId = offered.Recommendations[0].ShopId, kind = "go" });

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Log.InteractionsSinceAsync(DateTimeOffset.MinValue, 10_000)).Should().NotContain(r => r.UserId == "fb-intruder" || r.SessionId == "fb-owned");
    }

    [Fact]
    public async Task The_hub_takes_feedback_and_refuses_bad_input_with_a_hub_error()
    {
        using var client = await factory.ClientForAsync("fb-hub");
        var offered = await client.ChatAsync("fb-hub", "fb-hub-session", "떡볶이 먹고 싶어", turnId: "t1");
        await using var hub = await factory.HubForAsync("fb-hub");

        var accepted = await hub.InvokeAsync<FeedbackBody>("SendFeedback", new { sessionId = "fb-hub-session", turnId = "t1", shopId = offered.Recommendations[0].ShopId, kind = "opened" });
        var refused = async () => await hub.InvokeAsync<FeedbackBody>("SendFeedback", new { sessionId = "fb-hub-session", turnId = "t1", shopId = offered.Recommendations[0].ShopId, kind = "maybe" });

        accepted.Should().Be(new FeedbackBody(true, 1));
        (await refused.Should().ThrowAsync<HubException>()).Which.Message.Should().Contain("invalid_input");
        (await Log.InteractionsSinceAsync(DateTimeOffset.MinValue, 10_000)).Should().ContainSingle(r => r.UserId == "fb-hub")
            .Which.Type.Should().Be(InteractionTypes.DetailView);
    }

    [Fact]
    public async Task A_question_about_a_pick_and_an_order_for_a_recommended_meal_are_linked_to_the_turn_that_showed_it()
    {
        const string user = "demo-4";
        await factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IFoodCardGrain>(user).CreditAsync(50_000, "learning-top-up", "test_top_up");
        using var client = await factory.ClientForAsync(user);
        var offered = await client.ChatAsync(user, "fb-order", "떡볶이 먹고 싶어", turnId: "t1");
        var pick = offered.Recommendations.First(r => r.Price is not null);
        await client.ChatAsync(user, "fb-order", "1번 거기 어떻게 가?", turnId: "t2");
        await EventuallyAsync(() => Log.ShownTo(user), s => s.Count > 0);

        using var order = await client.OrderAsync("learning-order-1", new MealChoice(pick.ShopId, pick.MenuName!, pick.Price!.Value, FoodCategory.Other));

        order.StatusCode.Should().Be(HttpStatusCode.Created, await order.Content.ReadAsStringAsync());
        var rows = await EventuallyAsync(() => Log.InteractionsSinceAsync(DateTimeOffset.MinValue, 10_000).Result.Where(r => r.UserId == user).ToList(),
            r => r.Count >= 2);
        rows.Should().ContainSingle(r => r.Type == InteractionTypes.FollowUp).Which.Should().BeEquivalentTo(new { SessionId = "fb-order", TurnId = "t1", ShopId = offered.Recommendations[0].ShopId, Position = 1 });
        rows.Should().ContainSingle(r => r.Type == InteractionTypes.Order).Which.Should().BeEquivalentTo(new
        {
            SessionId = "fb-order", TurnId = "t1", pick.ShopId, Recommended = true, MenuName = pick.MenuName,
        });
    }

    [Fact]
    public async Task The_journey_follows_turns_and_the_refresh_puts_behaviour_features_in_the_rankers_memory()
    {
        const string user = "fb-journey";
        using var client = await factory.ClientForAsync(user);
        var turns = new List<WireReply>();
        for (var i = 1; i <= 5; i++)
        {
            turns.Add(await client.ChatAsync(user, "fb-journey-session", i % 2 == 0 ? "떡볶이 먹고 싶어" : "김밥 먹고 싶어", turnId: $"t{i}"));
        }
        using var go = await client.PostAsJsonAsync("/api/me/feedback", new { sessionId = "fb-journey-session", turnId = "t2", shopId = turns[1].Recommendations[0].ShopId, kind = "go" });
        go.StatusCode.Should().Be(HttpStatusCode.OK);
        var journeys = factory.Services.GetRequiredService<IJourneyStore>();

        var journey = await EventuallyAsync(() => journeys.ReadAsync(user).Result, j => j is { Turns: 5, Selections: 1 });

        journey.Should().NotBeNull();
        journey!.Phase.Should().Be("profile_building");
        journey.FunnelStage.Should().Be("consideration");
        journey.FirstSessionId.Should().Be("fb-journey-session");

        var report = await factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IFeatureRefreshGrain>(0).RefreshAsync();
        var memory = factory.Services.GetRequiredService<FeatureMemory>();

        report.Users.Should().BeGreaterThan(0);
        memory.User(user).Should().NotBeNull();
        memory.User(user)!["selection_count"].Should().Be(1);
        var next = await client.ChatAsync(user, "fb-journey-session", "떡볶이 먹고 싶어", turnId: "t6");
        var shown = await EventuallyAsync(() => Log.ShownTo(user), s => s.Any(t => t.TurnId == "t6"));
        shown.Single(t => t.TurnId == "t6").Shown.Should().OnlyContain(p => p.CategoryShare != null, "the ranker read the user's features from memory");
    }

    [Fact]
    public async Task The_operator_ab_report_counts_clicks_and_orders_per_arm_and_only_for_operators()
    {
        using var client = await factory.ClientForAsync("fb-ab");
        var offered = await client.ChatAsync("fb-ab", "fb-ab-session", "떡볶이 먹고 싶어", turnId: "t1");
        await EventuallyAsync(() => Log.ShownTo("fb-ab"), s => s.Count > 0);
        using var go = await client.PostAsJsonAsync("/api/me/feedback", new { sessionId = "fb-ab-session", turnId = "t1", shopId = offered.Recommendations[0].ShopId, kind = "go" });
        using var operatorClient = new HttpClient { BaseAddress = factory.BaseAddress };
        operatorClient.DefaultRequestHeaders.Authorization = new("Bearer", factory.OperatorToken());

        var report = (await operatorClient.GetFromJsonAsync<AbReport>("/operator/ab?days=30"))!;
        using var asUser = await client.GetAsync("/operator/ab");
        using var badDays = await operatorClient.GetAsync("/operator/ab?days=0");

        var arm = report.Arms.Should().ContainSingle(a => a.Method == offered.RankingMethod).Subject;
        arm.Turns.Should().BeGreaterThanOrEqualTo(1);
        arm.ClickedTurns.Should().BeGreaterThanOrEqualTo(1);
        arm.ClickRate.Should().BeInRange(0, 1);
        report.Arms.Select(a => a.Method).Should().OnlyContain(m => m == "wide_deep" || m == "heuristic");
        asUser.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        badDays.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    private sealed record FeedbackBody(bool Recorded, int Position);
}
