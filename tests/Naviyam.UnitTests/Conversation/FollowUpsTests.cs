using Naviyam.Lexicons;
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

public class PickReferenceTests
{
    private static readonly FollowUps FollowUps = new(TestLexicons.FollowUpPhrases);

    private static readonly RecommendationView[] Offered =
    [
        new() { ShopId = "a", ShopName = "행복 분식", MenuName = "떡볶이", Price = 4_000 },
        new() { ShopId = "b", ShopName = "김밥천국 봉천점", MenuName = "참치김밥", Price = 3_500 },
        new() { ShopId = "c", ShopName = "나비반점", MenuName = "짜장면", Price = 6_000 },
    ];

    private static PickReference? Reference(string message, int? focus = null) =>
        FollowUps.ReferenceIn(TestLexicons.Normalizer.Normalize(message).Compact, Offered, focus);

    [Theory]
    [InlineData("2번 가게는 어디 있어?", 2)]
    [InlineData("2번가게어딨어", 2)]
    [InlineData("두 번째 거", 2)]
    [InlineData("두번쨰꺼 가격", 2)]
    [InlineData("첫번째꺼 가격 얼마", 1)]
    [InlineData("첫빠 어디", 1)]
    [InlineData("3번째 가게", 3)]
    [InlineData("셋째 주소", 3)]
    [InlineData("마지막 거 어디야", 3)]
    [InlineData("2뻔 어디", 2)]
    [InlineData("2", 2)]
    [InlineData("5번 어디야", 5)]
    [InlineData("다섯번째 가게 주소", 5)]
    public void A_pick_named_by_its_place_is_found(string message, int number) =>
        Reference(message).Should().Be(new PickReference(number, PickNaming.Position));

    [Theory]
    [InlineData("그 김밥집 어디야", 2)]
    [InlineData("김밥천국 몇시까지 해", 2)]
    [InlineData("행복분식 주소", 1)]
    [InlineData("나비 전화번호", 3)]
    [InlineData("짜장면 파는 데 어디", 3)]
    public void A_pick_named_by_its_shop_or_meal_is_found(string message, int number) =>
        Reference(message).Should().BeEquivalentTo(new { Number = number, Naming = PickNaming.Name });

    [Theory]
    [InlineData("그 김밥집 어디야", true)]
    [InlineData("김밥천국봉천점 어디", true)]
    [InlineData("김밥 어디", false)]
    [InlineData("근처 분식 어디", false)]
    public void A_name_is_sure_when_whole_or_pointed_at(string message, bool sure) =>
        Reference(message)!.Sure.Should().Be(sure);

    [Theory]
    [InlineData("거기 어떻게 가?", null, 1)]
    [InlineData("이걸로 할게", 2, 2)]
    [InlineData("그집 몇시까지야", 3, 3)]
    public void A_pointer_means_the_pick_talked_about_or_else_the_first(string message, int? focus, int number) =>
        Reference(message, focus).Should().Be(new PickReference(number, PickNaming.Pointer));

    [Theory]
    [InlineData("강남역 1번 출구 근처 피자")]
    [InlineData("12000원 이하로")]
    [InlineData("5번 버스 타고 가는 데")]
    [InlineData("피자 먹고 싶어")]
    [InlineData("배고파")]
    public void Other_messages_name_no_pick(string message) => Reference(message).Should().BeNull();

    [Theory]
    [InlineData("2번 가게는 어디 있어?", PickQuestion.Where)]
    [InlineData("거기 얼마나 걸려", PickQuestion.Distance)]
    [InlineData("멀어?", PickQuestion.Distance)]
    [InlineData("첫번째꺼 가격 얼마", PickQuestion.Price)]
    [InlineData("거기 메뉴 뭐 있어", PickQuestion.Menu)]
    [InlineData("몇 시까지 해?", PickQuestion.Hours)]
    [InlineData("전화번호 알려줘", PickQuestion.Phone)]
    public void What_is_asked_about_the_pick_is_found(string message, PickQuestion question) =>
        FollowUps.QuestionIn(TestLexicons.Normalizer.Normalize(message).Compact).Should().Be(question);

    [Fact]
    public void Naming_a_pick_alone_asks_nothing() => FollowUps.QuestionIn("두번째거").Should().BeNull();
}
