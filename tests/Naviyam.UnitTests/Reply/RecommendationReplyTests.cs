using Naviyam.Chat;
using Naviyam.Reply;
using Naviyam.Retrieval;
using Naviyam.Shops;

namespace Naviyam.UnitTests.Reply;

public class RecommendationReplyTests
{
    private static RankedCandidate Unpriced(string name, FoodCategory category, double meters) => new(
        new Candidate(new ShopRecord
        {
            Id = "test:" + name, Source = "test", SourceId = name, Name = name, Category = category, MealCard = MealCardAcceptance.Yes,
        }, Meal: null, OpenNow: true, DistanceMeters: meters, FoodMatched: false, TypicalPrice: 4_000),
        0.5, [], [RecommendationPresenter.PriceUnknownFlag]);

    private static string Answer(Entities slots, int? budget, IReadOnlyList<RankedCandidate> picks, bool unconfirmed = false, string? unplaced = null, bool hasLocation = true) =>
        new ReplyComposer().Compose(new ReplyContext
        {
            Intent = Intents.FoodRequest, Slots = slots, BudgetCap = budget, Picks = picks,
            HasLocation = hasLocation, PricesUnconfirmed = unconfirmed, UnlocatedPlace = unplaced,
        });

    private static RankedCandidate Opening(RankedCandidate pick, bool? openNow) => pick with { Candidate = pick.Candidate with { OpenNow = openNow } };

    private static string Urgent(string compactText, string intent, bool? openNow) =>
        new ReplyComposer().Compose(new ReplyContext
        {
            Intent = intent, Slots = Entities.None with { Urgency = Urgency.High }, Urgent = true, CompactText = compactText,
            Picks = [Opening(Unpriced("행복분식", FoodCategory.Bunsik, 120), openNow)],
            HasLocation = true,
        });

    [Theory]
    [InlineData("배고파죽겠어")]
    [InlineData("너무배고파ㅠㅠ")]
    [InlineData("배가너무고파요")]
    [InlineData("아침굶었어")]
    public void Hunger_said_in_a_plain_request_is_acknowledged_first(string compactText)
    {
        Urgent(compactText, Intents.FoodRequest, openNow: true).Should().StartWith("많이 배고프죠? 지금 바로 먹을 수 있는 곳부터 알려 줄게요.");
    }

    [Fact]
    public void A_hungry_child_is_not_promised_an_open_shop_when_its_hours_are_unknown()
    {
        var text = Urgent("배고파죽겠어", Intents.EmergencyFood, openNow: null);

        text.Should().StartWith("많이 배고프죠? 얼른 찾아봤어요. 먹을 수 있는 곳");
        text.Should().NotContain("지금 바로 먹을 수 있는");
    }

    [Fact]
    public void A_hurry_without_hunger_is_not_told_it_is_hungry()
    {
        Urgent("빨리먹을데", Intents.FoodRequest, openNow: true).Should().StartWith("급하죠? 지금 바로 갈 수 있는 곳부터 알려 줄게요.");
    }

    [Fact]
    public void Cheaper_after_a_list_without_prices_says_why_no_shop_is_called_cheaper()
    {
        var text = new ReplyComposer().Compose(new ReplyContext
        {
            Intent = Intents.BudgetInquiry, Slots = Entities.None, CheaperUnknown = true, HasLocation = true,
            Picks = [Unpriced("행복분식", FoodCategory.Bunsik, 120)],
        });

        text.Should().StartWith("앞에서 알려 준 곳들은 메뉴 가격을 알 수 없어서 어디가 더 싼지 비교할 수가 없어요. 대신 다른 곳을 골라 봤어요.");
        text.Should().NotContain("보다 싸게");
    }

    [Fact]
    public void A_calm_request_gets_no_acknowledgement_of_hunger()
    {
        Answer(Entities.None, null, [Unpriced("행복분식", FoodCategory.Bunsik, 120)]).Should().NotContain("배고프죠").And.NotContain("급하죠");
    }

    [Fact]
    public void Shops_without_prices_offered_for_a_budget_are_said_to_be_unconfirmed_and_named_with_their_kind()
    {
        var text = Answer(Entities.None with { Budget = 5_000 }, 5_000,
            [Unpriced("행복분식", FoodCategory.Bunsik, 120), Unpriced("나비편의점", FoodCategory.ConvenienceStore, 30)], unconfirmed: true);

        text.Should().StartWith("아쉽지만 5,000원 안에서 먹을 수 있다고 가격이 확인된 메뉴는 찾지 못했어요.\n"
            + "메뉴 가격 정보가 없는 가맹점 중에서는, 보통 그 금액으로 먹을 수 있는 곳 2군데가 있어요.");
        text.Should().Contain("1. 행복분식 (분식), 120m").And.Contain("2. 나비편의점 (편의점), 50m 이내");
        text.Should().Contain("가격을 꼭 물어봐 주세요");
        text.Should().NotContain("원이에요", "no price may be invented for a shop that lists none");
    }

    [Fact]
    public void A_shop_placed_only_by_its_address_is_not_said_to_be_a_few_metres_away()
    {
        static RankedCandidate Approximate(RankedCandidate ranked, double meters) =>
            ranked with { Candidate = ranked.Candidate with { DistanceMeters = meters, ApproximateDistance = true } };

        var text = Answer(Entities.None, null,
            [Approximate(Unpriced("갈현김밥", FoodCategory.Bunsik, 0), 0), Approximate(Unpriced("연서분식", FoodCategory.Bunsik, 0), 2_340)]);

        text.Should().Contain("1. 갈현김밥 (분식), 1km 안팎").And.Contain("2. 연서분식 (분식), 약 2.3km");
        text.Should().NotContain("50m 이내");
    }

    [Fact]
    public void A_food_word_that_names_a_kind_of_shop_is_not_followed_by_what_can_be_eaten()
    {
        var text = Answer(Entities.None with { FoodType = "편의점" }, null, [Unpriced("나비편의점", FoodCategory.ConvenienceStore, 300)]);

        text.Should().StartWith("편의점을 찾았어요.");
    }

    [Fact]
    public void A_named_place_that_could_not_be_found_is_admitted_and_the_user_is_asked_for_a_neighbourhood()
    {
        var text = new ReplyComposer().Compose(new ReplyContext
        {
            Intent = Intents.FoodRequest, Slots = Entities.None with { Budget = 8_000, LocationPreference = "중앙로역 근처" }, BudgetCap = 8_000,
            UnlocatedPlace = "중앙로역", HasLocation = false,
            Outcome = new SearchOutcome { Limits = [SearchLimit.Area] },
        });

        text.Should().StartWith("중앙로역이 어디인지 찾지 못했어요.");
        text.Should().EndWith("근처 동 이름(예: ○○동)이나 구 이름을 알려 주거나 위치를 공유해 주면 그곳에서 찾아 줄게요.");
    }
}

public class SmallTalkReplyTests
{
    private static string Answer(string compactText) => new ReplyComposer().Compose(new ReplyContext
    {
        Intent = Intents.GeneralChat, Slots = Entities.None, CompactText = compactText,
    });

    [Theory]
    [InlineData("고마워ㅎㅎ", "천만에요")]
    [InlineData("감사합니다", "천만에요")]
    [InlineData("ㄱㅅㄱㅅ", "천만에요")]
    [InlineData("잘가~", "잘 가요")]
    [InlineData("안녕히계세요", "잘 가요")]
    [InlineData("안녕", "안녕하세요")]
    [InlineData("ㅎㅇ", "안녕하세요")]
    public void Thanks_and_goodbyes_are_answered_as_such(string said, string expected) =>
        Answer(said).Should().StartWith(expected);
}

public class LaterMealReplyTests
{
    [Theory]
    [InlineData("밤 10시", "밤 10시에 먹을 수 있는 곳을 찾았어요.")]
    [InlineData("이따", "이따 먹을 수 있는 곳을 찾았어요.")]
    public void A_meal_later_is_said_to_be_for_that_time(string later, string expected)
    {
        var shop = new Naviyam.Shops.ShopRecord { Id = "t:1", Source = "t", SourceId = "1", Name = "행복분식", Category = Naviyam.Shops.FoodCategory.Bunsik };
        var pick = new RankedCandidate(new Candidate(shop, null, null, 100, false), 0.5, [], []);

        var text = new ReplyComposer().Compose(new ReplyContext
        {
            Intent = Intents.TimeInquiry, Slots = Entities.None, Picks = [pick], HasLocation = true, LaterTime = later,
        });

        text.Should().StartWith(expected);
    }
}

public class ResetReplyTests
{
    [Fact]
    public void Starting_over_is_acknowledged_rather_than_greeted() =>
        new ReplyComposer().Compose(new ReplyContext
            {
                Intent = Intents.GeneralChat, Slots = Entities.None, CompactText = "처음부터다시할게", SlotsReset = true,
            })
            .Should().StartWith("좋아요, 처음부터 다시");
}
