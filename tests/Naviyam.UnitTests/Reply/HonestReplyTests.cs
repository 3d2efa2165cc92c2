using Naviyam.Chat;
using Naviyam.Shops;
using Naviyam.UnitTests.Conversation;
using static Naviyam.UnitTests.Retrieval.TestShops;

namespace Naviyam.UnitTests.Reply;

/// <summary>
/// Every search outcome is told truthfully: the first sentence says whether anything was found, names the condition
/// that really decided it, and the reply goes on with a next step instead of stopping at "not found".
/// </summary>
public sealed class HonestReplyTests : IDisposable
{
    private static readonly ShopRecord Spicy = Shop("불꽃분식", FoodCategory.Bunsik, 100, ("떡볶이", 4_000), ("짬뽕라면", 4_500));
    private static readonly ShopRecord Evening = Shop("달빛국밥", FoodCategory.Korean, 60, ("순대국밥", 7_000)) with { Hours = Evenings };

    private readonly TestPipeline pipeline = new(Spicy, Evening);

    public void Dispose() => pipeline.Dispose();

    private static string FirstSentence(ChatReply reply) => reply.Reply.Split('.', '\n', '?', '!')[0];

    [Fact]
    public async Task Not_spicy_after_a_budget_turn_names_the_restriction_not_the_budget()
    {
        var budget = await pipeline.SayAsync("5천원으로 먹을 거", TestPipeline.Child(), Here);
        budget.Recommendations.Should().NotBeEmpty("with the budget alone, 떡볶이 fits");

        var mild = await pipeline.SayAsync("매운 거 못 먹어", TestPipeline.Child(), Here, budget.Slots, previous: budget);

        mild.Recommendations.Should().BeEmpty();
        FirstSentence(mild).Should().Be("근처에는 안 매운 메뉴를 파는 곳이 없어요").And.NotContain("5,000원");
        mild.Reply.Should().Contain("다시 찾아볼게요", "a next step follows");
    }

    [Fact]
    public async Task Closed_shops_are_said_to_be_closed()
    {
        var reply = await pipeline.SayAsync("국밥 먹고 싶어", TestPipeline.Child(), Here);

        FirstSentence(reply).Should().Be("근처에는 지금 문 연 국밥 파는 곳이 없어요");
    }

    [Fact]
    public async Task A_dish_nobody_sells_is_said_to_be_missing_with_a_next_step()
    {
        var reply = await pipeline.SayAsync("마라탕 먹고 싶어", TestPipeline.Child(), Here);

        reply.Recommendations.Concat(reply.PriceUnknown).Should().BeEmpty();
        FirstSentence(reply).Should().Be("근처에는 마라탕 파는 곳이 없어요");
        reply.Reply.Should().NotEndWith("찾지 못했어요.").And.Contain("다른 음식을 말해 주면");
    }

    [Fact]
    public async Task An_unaffordable_dish_names_the_budget_and_the_cheapest_one()
    {
        var reply = await pipeline.SayAsync("떡볶이 3천원", TestPipeline.Child(), Here);

        FirstSentence(reply).Should().Be("근처에는 3,000원 이하 떡볶이 파는 곳이 없어요");
        reply.Reply.Should().Contain("불꽃분식의 떡볶이 4,000원");
    }

    [Fact]
    public async Task A_place_that_cannot_be_found_is_said_first_and_nothing_from_elsewhere_is_passed_off_as_there()
    {
        var reply = await pipeline.SayAsync("중앙로역 근처 떡볶이", TestPipeline.Child(), at: null);

        reply.Recommendations.Concat(reply.PriceUnknown).Should().BeEmpty();
        FirstSentence(reply).Should().Be("중앙로역이 어디인지 찾지 못했어요");
        reply.Reply.Should().Contain("위치를 공유해 주면");
    }

    [Fact]
    public async Task Near_a_shared_location_a_place_that_cannot_be_found_gets_marked_alternatives()
    {
        var reply = await pipeline.SayAsync("중앙로역 근처 떡볶이", TestPipeline.Child(), at: Here);

        FirstSentence(reply).Should().Be("중앙로역이 어디인지 찾지 못했어요");
        reply.Recommendations.Should().NotBeEmpty().And.OnlyContain(r => r.Alternative && r.AlternativeReason!.Contains("중앙로역"));
    }
}
