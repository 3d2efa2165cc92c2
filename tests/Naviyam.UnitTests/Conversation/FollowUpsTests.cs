using Naviyam.Chat;
using Naviyam.Conversation;

namespace Naviyam.UnitTests.Conversation;

public class FollowUpsTests
{
    private static readonly FollowUps FollowUps = new(TestLexicons.FollowUpPhrases);

    private static readonly ChatReply Previous = new()
    {
        TurnId = "t1",
        Reply = "…",
        Intent = Intents.FoodRequest,
        Entities = Entities.None,
        Slots = Entities.None,
        Recommendations =
        [
            new RecommendationView { ShopId = "a", ShopName = "행복 분식" },
            new RecommendationView { ShopId = "b", ShopName = "나비반점" },
        ],
    };

    [Theory]
    [InlineData("거기어떻게가?", "a")]
    [InlineData("2번주소알려줘", "b")]
    [InlineData("두번째가게어디야", "b")]
    [InlineData("나비반점위치좀", "b")]
    [InlineData("행복분식어딨어", "a")]
    public void A_where_question_points_at_a_shop_of_the_last_answer(string compactText, string shopId) =>
        FollowUps.ShopAskedAbout(compactText, Previous)!.ShopId.Should().Be(shopId);

    [Theory]
    [InlineData("강남역1번출구위치에서먹을데")]
    [InlineData("내위치근처분식")]
    [InlineData("거기맛있어?")]
    [InlineData("3번주소")]
    public void Other_messages_are_not_where_questions(string compactText) =>
        FollowUps.ShopAskedAbout(compactText, Previous).Should().BeNull();

    [Fact]
    public void Without_an_earlier_answer_nothing_is_pointed_at() =>
        FollowUps.ShopAskedAbout("거기어떻게가", null).Should().BeNull();
}

public class FollowUpsOnUnpricedShopsTests
{
    private static readonly FollowUps FollowUps = new(TestLexicons.FollowUpPhrases);

    [Fact]
    public void Shops_listed_without_prices_can_be_asked_about_too()
    {
        var previous = new ChatReply
        {
            TurnId = "t1", Reply = "…", Intent = Intents.BudgetInquiry, Entities = Entities.None, Slots = Entities.None,
            PriceUnknown = [new RecommendationView { ShopId = "x", ShopName = "신참떡볶이" }],
        };

        FollowUps.ShopAskedAbout("거기어디야", previous)!.ShopId.Should().Be("x");
    }
}

public class CheaperFollowUpTests
{
    private static readonly FollowUps FollowUps = new(TestLexicons.FollowUpPhrases);

    private static ChatReply Offered(params int?[] finalPrices) => new()
    {
        TurnId = "t1", Reply = "…", Intent = Intents.FoodRequest, Entities = Entities.None, Slots = Entities.None,
        Recommendations = [.. finalPrices.Select((price, i) => new RecommendationView { ShopId = $"s{i}", ShopName = $"가게{i}", FinalPrice = price })],
    };

    [Fact]
    public void Cheaper_means_below_the_lowest_price_offered_last_time() =>
        FollowUps.CheaperThan("더싼데없어?", Offered(7_000, 5_500, null)).Should().Be(5_500);

    [Theory]
    [InlineData("더싼데없어?", true)]
    [InlineData("떡볶이먹고싶어", false)]
    public void Nothing_to_beat_without_a_priced_answer_or_without_asking(string compactText, bool withUnpricedAnswer) =>
        FollowUps.CheaperThan(compactText, withUnpricedAnswer ? Offered((int?)null) : Offered(6_000)).Should().BeNull();
}
