using Microsoft.Extensions.DependencyInjection;
using Naviyam.IntegrationTests.Infrastructure;

namespace Naviyam.IntegrationTests.Api;

/// <summary>Slots carried, corrected, reset and kept across topic switches, through the real ConversationGrain.</summary>
public class MultiTurnTests(GeneratedCityFactory factory) : IClassFixture<GeneratedCityFactory>
{
    [Fact]
    public async Task Budget_and_exclusions_carry_over_while_the_food_changes()
    {
        using var client = await factory.ClientForAsync("mt-carry");
        const string session = "mt-carry";

        await client.ChatAsync("mt-carry", session, "저녁 뭐 먹지");
        await client.ChatAsync("mt-carry", session, "만원 이하로");
        await client.ChatAsync("mt-carry", session, "매운 건 빼고");
        var last = await client.ChatAsync("mt-carry", session, "아 그냥 치킨");

        last.Slots.GetProperty("budget").GetInt32().Should().Be(10000);
        last.Slots.GetProperty("food_type").GetString().Should().Be("치킨");
        last.Slots.GetProperty("exclusions").EnumerateArray().Select(e => e.GetString()).Should().Contain("매운");
        last.Entities.TryGetProperty("budget", out _).Should().BeFalse("entities are only what this message said");
        last.Recommendations.Should().OnlyContain(r => r.Price <= 10000);
    }

    [Fact]
    public async Task Asking_for_somewhere_cheaper_offers_only_meals_cheaper_than_every_earlier_pick()
    {
        using var client = await factory.ClientForAsync("mt-cheaper");
        const string session = "mt-cheaper";

        var first = await client.ChatAsync("mt-cheaper", session, "만원으로 점심 먹을 데");
        var cheaper = await client.ChatAsync("mt-cheaper", session, "더 싼 데 없어?");

        first.Recommendations.Should().NotBeEmpty();
        var ceiling = first.Recommendations.Min(r => r.FinalPrice)!.Value;
        cheaper.Recommendations.Should().NotBeEmpty(cheaper.Reply);
        cheaper.Recommendations.Should().OnlyContain(r => r.Price < ceiling);
        cheaper.Reply.Should().Contain($"{ceiling:#,0}원보다 싸게");
        cheaper.Slots.GetProperty("budget").GetInt32().Should().Be(10000, "the budget itself is unchanged for later turns");
    }

    [Fact]
    public async Task Asking_where_a_recommended_shop_is_answers_with_its_address_from_the_data()
    {
        using var client = await factory.ClientForAsync("mt-where");
        const string session = "mt-where";

        var offered = await client.ChatAsync("mt-where", session, "떡볶이 먹고 싶어");
        var where = await client.ChatAsync("mt-where", session, "거기 어떻게 가?");

        offered.Recommendations.Should().NotBeEmpty();
        var first = offered.Recommendations[0];
        var catalog = factory.Services.GetRequiredService<Naviyam.Catalog.IShopCatalog>();
        catalog.TryGet(first.ShopId, out var shop).Should().BeTrue();
        where.Recommendations.Should().ContainSingle().Which.ShopId.Should().Be(first.ShopId);
        where.Action.Should().Be("pick");
        where.Reply.Should().StartWith($"1번 {first.ShopName}").And.Contain(shop.Address!);
    }

    [Fact]
    public async Task A_correction_replaces_the_budget_and_a_reset_starts_over()
    {
        using var client = await factory.ClientForAsync("mt-correct");
        const string session = "mt-correct";

        await client.ChatAsync("mt-correct", session, "만원으로 피자 먹고 싶어");
        var corrected = await client.ChatAsync("mt-correct", session, "아니 2만원");
        var reset = await client.ChatAsync("mt-correct", session, "처음부터 다시");

        corrected.Slots.GetProperty("budget").GetInt32().Should().Be(20000);
        corrected.Slots.GetProperty("food_type").GetString().Should().Be("피자");
        reset.Slots.TryGetProperty("budget", out _).Should().BeFalse();
        reset.Slots.TryGetProperty("food_type", out _).Should().BeFalse();
    }

    [Fact]
    public async Task A_coupon_question_in_the_middle_keeps_the_session()
    {
        using var client = await factory.ClientForAsync("mt-switch");
        const string session = "mt-switch";

        await client.ChatAsync("mt-switch", session, "8천원으로 떡볶이");
        var coupon = await client.ChatAsync("mt-switch", session, "쿠폰 있어?");
        var back = await client.ChatAsync("mt-switch", session, "근처로 알려줘");

        coupon.Intent.Should().Be("coupon_inquiry");
        back.Slots.GetProperty("budget").GetInt32().Should().Be(8000);
        back.Slots.GetProperty("food_type").GetString().Should().Be("떡볶이");
    }

    [Fact]
    public async Task An_actionable_request_is_answered_and_the_most_useful_missing_slot_is_asked()
    {
        using var client = await factory.ClientForAsync("mt-ask");

        var reply = await client.ChatAsync("mt-ask", "mt-ask", "떡볶이 먹고 싶어");

        reply.Recommendations.Should().NotBeEmpty();
        reply.Reply.Should().Contain("예산");
    }
}
