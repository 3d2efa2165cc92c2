using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Naviyam.Cards;
using Naviyam.IntegrationTests.Infrastructure;
using Naviyam.Learning;
using Naviyam.Shops;

namespace Naviyam.IntegrationTests.MySql;

public sealed class LearningLoopFactory() : MySqlGatewayFactory(new DateTime(2025, 9, 3, 12, 0, 0), new Dictionary<string, string?>
{
    ["Naviyam:Data:GenerateShops"] = "300",
    ["Naviyam:Data:GenerateUsers"] = "5",
    ["Naviyam:Silo:MinimumReminderPeriod"] = "00:00:01",
});

/// <summary>
/// The learning loop in MySQL mode (real MariaDB, the co-hosted real silo): turns, feedback over REST and the hub, a
/// question about a pick and an order, then the rows they leave in recommendations_log, recommendation_features,
/// user_interactions, feature_vectors (after a refresh) and user_journey_analytics, and the A/B report over them.
/// </summary>
public class LearningLoopMySqlTests(LearningLoopFactory factory) : IClassFixture<LearningLoopFactory>
{
    private const string User = "demo-2";
    private const string Session = "learning-mysql";

    private async Task<long> EventuallyAsync(string sql, long atLeast, params (string Name, object Value)[] parameters)
    {
        var count = 0L;
        for (var i = 0; i < 100 && count < atLeast; i++)
        {
            count = await factory.Database.CountAsync(sql, parameters);
            if (count < atLeast)
            {
                await Task.Delay(100);
            }
        }
        return count;
    }

    [Fact]
    public async Task Turns_feedback_and_an_order_fill_every_learning_table()
    {
        await factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IFoodCardGrain>(User).CreditAsync(50_000, "learning-mysql-top-up", "test_top_up");
        using var client = await factory.ClientForAsync(User);
        var offered = await client.ChatAsync(User, Session, "떡볶이 먹고 싶어", turnId: "t1");
        offered.Recommendations.Should().HaveCountGreaterThan(1, offered.Reply);
        await client.ChatAsync(User, Session, "1번 거기 어떻게 가?", turnId: "t2");
        var first = offered.Recommendations[0];
        var second = offered.Recommendations[1];
        using var opened = await client.PostAsJsonAsync("/api/me/feedback", new { sessionId = Session, turnId = "t1", shopId = second.ShopId, kind = "opened" });
        using var other = await client.PostAsJsonAsync("/api/me/feedback", new { sessionId = Session, turnId = "t1", shopId = second.ShopId, kind = "other" });
        await using var hub = await factory.HubForAsync(User);
        await hub.InvokeAsync<object>("SendFeedback", new { sessionId = Session, turnId = "t1", shopId = first.ShopId, kind = "go" });
        var priced = offered.Recommendations.First(r => r.Price is not null);
        using var order = await client.OrderAsync("learning-mysql-order", new MealChoice(priced.ShopId, priced.MenuName!, priced.Price!.Value, FoodCategory.Other));
        opened.StatusCode.Should().Be(HttpStatusCode.OK);
        other.StatusCode.Should().Be(HttpStatusCode.OK);
        order.StatusCode.Should().Be(HttpStatusCode.Created, await order.Content.ReadAsStringAsync());
        var turn = new[] { ("@s", (object)Session) };

        (await factory.Database.CountAsync(
            "SELECT COUNT(*) FROM recommendations_log WHERE session_id = @s AND turn_id = 't1' AND recommendation_method = @method AND model_version IS NOT NULL",
            ("@s", Session), ("@method", offered.RankingMethod!))).Should().Be(1);
        (await EventuallyAsync(
            "SELECT COUNT(*) FROM recommendation_features WHERE session_id = @s AND turn_id = 't1' AND ranking_position IS NOT NULL "
            + "AND predicted_score IS NOT NULL AND JSON_LENGTH(feature_contributions, '$.features') > 0", offered.Recommendations.Count, turn))
            .Should().Be(offered.Recommendations.Count);
        (await factory.Database.CountAsync(
            "SELECT COUNT(*) FROM recommendation_features f JOIN shops s ON s.id = f.shop_id WHERE f.session_id = @s AND f.turn_id = 't1' "
            + "AND f.ranking_position = 2 AND s.shop_key = @shop AND JSON_VALUE(f.feature_contributions, '$.arm') = @method",
            ("@s", Session), ("@shop", second.ShopId), ("@method", offered.RankingMethod!))).Should().Be(1);
        foreach (var (type, shop) in new[] { ("detail_view", second.ShopId), ("feedback", second.ShopId), ("selection", first.ShopId), ("follow_up", first.ShopId), ("order", priced.ShopId) })
        {
            (await EventuallyAsync(
                "SELECT COUNT(*) FROM user_interactions WHERE user_id = @u AND session_id = @s AND turn_id = 't1' AND interaction_type = @type "
                + "AND JSON_VALUE(user_selection, '$.shopId') = @shop", 1, ("@u", User), ("@s", Session), ("@type", type), ("@shop", shop)))
                .Should().Be(1, $"the {type} of {shop} is logged against the turn that showed it");
        }

        var refresh = await factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IFeatureRefreshGrain>(0).RefreshAsync();
        refresh.Users.Should().BeGreaterThan(0);
        (await factory.Database.CountAsync(
            "SELECT COUNT(*) FROM feature_vectors WHERE entity_type = 'user' AND entity_id = @u AND feature_version = 'behaviour-v1' "
            + "AND JSON_VALUE(feature_vector_dense, '$.order_count') = 1 AND JSON_VALUE(feature_vector_dense, '$.selection_count') = 1", ("@u", User))).Should().Be(1);
        (await factory.Database.CountAsync(
            "SELECT COUNT(*) FROM feature_vectors WHERE entity_type = 'shop' AND entity_id = @shop AND JSON_VALUE(feature_vector_dense, '$.order_count') = 1",
            ("@shop", priced.ShopId))).Should().Be(1);
        (await factory.Database.CountAsync("SELECT COUNT(*) FROM OrleansRemindersTable WHERE ReminderName = 'feature-refresh'")).Should().Be(1,
            "the refresh is reminder-driven");

        (await EventuallyAsync(
            "SELECT COUNT(*) FROM user_journey_analytics WHERE user_id = @u AND journey_session_id = @s AND funnel_stage = 'conversion' "
            + "AND first_recommendation_received AND first_selection_made AND NOT onboarding_completed "
            + "AND JSON_VALUE(personalization_milestones, '$.phase') = 'onboarding' AND JSON_VALUE(satisfaction_signals, '$.turns') = 2",
            1, ("@u", User), ("@s", Session))).Should().Be(1);

        using var operatorClient = new HttpClient { BaseAddress = factory.BaseAddress };
        operatorClient.DefaultRequestHeaders.Authorization = new("Bearer", factory.OperatorToken());
        var report = (await operatorClient.GetFromJsonAsync<AbReport>("/operator/ab?days=7"))!;
        report.Arms.Should().ContainSingle(a => a.Method == offered.RankingMethod)
            .Which.Should().Match<ArmRates>(a => a.Turns >= 1 && a.ClickedTurns >= 1 && a.OrderedTurns >= 1);
    }
}
