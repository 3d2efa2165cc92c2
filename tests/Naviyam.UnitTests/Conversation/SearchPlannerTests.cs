using Naviyam.Cards;
using Naviyam.Chat;
using Naviyam.Conversation;
using Naviyam.Preprocessing;
using Naviyam.Profiles;
using Naviyam.Retrieval;
using Naviyam.Shops;
using Naviyam.Time;
using Naviyam.UnitTests.Retrieval;

namespace Naviyam.UnitTests.Conversation;

public class SearchPlannerTests
{
    private static readonly FoodCardSummary NoCard = FoodCardSummary.NoCard;

    private static FoodCardSummary Card(int balance, string status = "ACTIVE", string? ageGroup = "아동") => new(true, balance, status, ageGroup);

    private static SearchPlan Plan(Entities slots, FoodCardSummary? card = null, UserProfile? profile = null, int? age = 12,
        string message = "밥 먹고 싶어", string intent = Intents.FoodRequest, ChatReply? previous = null, GeoPoint? location = null)
    {
        var catalog = TestShops.CatalogOf(TestShops.Shop("행복분식", FoodCategory.Bunsik, 100, ("떡볶이", 4_000)));
        var planner = TestShops.Planner(catalog, TestShops.SeoulNoon);
        var text = TestLexicons.Normalizer.Normalize(message);
        var understanding = new TurnUnderstanding(text, new NluResult(intent, 0.9, slots), slots, SlotsReset: false);
        var user = new TurnContext(profile ?? UserProfile.Empty, card ?? NoCard, []);
        return planner.Plan(new ChatTurn("u1", "t1", message, location, age), understanding, user, previous);
    }

    [Theory]
    [InlineData(8_000, 5_000, 5_000, true)]   // the card cannot pay more than its balance
    [InlineData(4_000, 5_000, 4_000, false)]  // a smaller stated budget stands
    public void A_stated_budget_is_capped_by_the_card_balance(int stated, int balance, int cap, bool fromCard)
    {
        var plan = Plan(Entities.None with { Budget = stated }, Card(balance));

        plan.BudgetCap.Should().Be(cap);
        plan.BudgetFromCard.Should().Be(fromCard);
        plan.Query.BudgetCap.Should().Be(cap);
    }

    [Fact]
    public void A_price_named_for_the_dish_asked_caps_what_it_may_cost()
    {
        var dish = Entities.None with { FoodType = "김밥" };

        Plan(dish, message: "김밥 한줄 3천원").BudgetCap.Should().Be(3_000);
        Plan(dish, Card(2_000), message: "김밥 한줄 3천원").BudgetCap.Should().Be(2_000, "the balance is still the most the card pays");
        Plan(dish, message: "김밥 먹고 싶어").BudgetCap.Should().BeNull();
    }

    [Fact]
    public void Without_a_stated_budget_the_balance_is_the_budget_and_without_a_card_there_is_none()
    {
        Plan(Entities.None, Card(6_000)).BudgetCap.Should().Be(6_000);
        Plan(Entities.None, NoCard).BudgetCap.Should().BeNull();
        Plan(Entities.None, Card(6_000, status: "SUSPENDED")).BudgetCap.Should().BeNull("a card that cannot pay sets no budget");
    }

    [Fact]
    public void No_money_means_the_card_balance_or_nothing_at_all()
    {
        Plan(Entities.None with { Budget = 0 }, Card(3_000)).BudgetCap.Should().Be(3_000);
        Plan(Entities.None with { Budget = 0 }, NoCard).BudgetCap.Should().Be(0);
    }

    [Fact]
    public void Asking_for_cheaper_caps_the_budget_under_the_cheapest_price_offered_last_time()
    {
        var previous = new ChatReply
        {
            TurnId = "t0", Reply = "…", Intent = Intents.FoodRequest, Entities = Entities.None, Slots = Entities.None,
            Recommendations = [new RecommendationView { ShopId = "a", ShopName = "가", FinalPrice = 6_000 }, new RecommendationView { ShopId = "b", ShopName = "나", FinalPrice = 4_500 }],
        };

        var plan = Plan(Entities.None with { Budget = 10_000 }, message: "더 싼 데 없어?", previous: previous);

        plan.CheaperThan.Should().Be(4_500);
        plan.BudgetCap.Should().Be(4_499);
        plan.CheaperUnknown.Should().BeFalse();
    }

    [Fact]
    public void Asking_for_cheaper_after_a_list_without_prices_offers_other_shops_instead_of_the_same_ones()
    {
        // Seoul's and Daegu's lists carry no menus: the answer named shops without a price.
        var previous = new ChatReply
        {
            TurnId = "t0", Reply = "…", Intent = Intents.FoodRequest, Entities = Entities.None, Slots = Entities.None,
            Recommendations = [new RecommendationView { ShopId = "a", ShopName = "가" }, new RecommendationView { ShopId = "b", ShopName = "나" }],
        };

        var plan = Plan(Entities.None, message: "더 싼 데 없어?", previous: previous);

        plan.CheaperThan.Should().BeNull();
        plan.CheaperUnknown.Should().BeTrue();
        plan.OtherThan.Should().BeEquivalentTo(["a", "b"]);
        plan.WantsFood.Should().BeTrue();
        Plan(Entities.None, message: "떡볶이 먹고 싶어", previous: previous).CheaperUnknown.Should().BeFalse();
    }

    [Theory]
    [InlineData(15, null, null, true)]
    [InlineData(25, null, null, false)]
    [InlineData(null, "adult", null, false)]
    [InlineData(null, "teen", "청년", true)]   // the profile's age group comes before the card's
    [InlineData(null, null, "청년", false)]
    [InlineData(null, null, null, true)]       // nothing known: treated as a minor
    public void The_minor_rule_reads_the_stated_age_then_the_profile_then_the_card(int? age, string? ageGroup, string? cardAgeGroup, bool minor)
    {
        var card = cardAgeGroup is null ? NoCard : Card(5_000, ageGroup: cardAgeGroup);

        var plan = Plan(Entities.None, card, UserProfile.Empty with { AgeGroup = ageGroup }, age);

        plan.IsMinor.Should().Be(minor);
        plan.Query.IsMinor.Should().Be(minor);
    }

    [Fact]
    public void Exclusions_join_the_words_said_not_spicy_and_what_a_restriction_rules_out()
    {
        var plan = Plan(Entities.None with { Exclusions = ["짬뽕"], TastePreference = "안 매운" },
            profile: UserProfile.Empty with { DietaryRestrictions = ["no_pork"] });

        plan.Exclusions.Should().Contain(["짬뽕", "매운", "돈까스", "제육"]);
        plan.Query.Exclusions.Should().BeEquivalentTo(plan.Exclusions);
        plan.Restrictions.Should().Equal("no_pork");
        plan.HasAllergy.Should().BeFalse();
        Plan(Entities.None with { DietaryRestrictions = ["allergy:땅콩"] }).HasAllergy.Should().BeTrue();
    }

    [Fact]
    public void A_named_area_restricts_the_search_and_distances_are_from_the_device_when_it_is_near()
    {
        var nearby = new GeoPoint(TestShops.Here.Latitude + 0.01, TestShops.Here.Longitude);

        var plan = Plan(Entities.None with { LocationPreference = "관악구" }, location: nearby);

        plan.Area!.FullName.Should().Be("서울특별시 관악구");
        plan.Query.Area.Should().Be(plan.Area);
        plan.Location.Should().Be(nearby, "the device is a short ride from 관악구");
    }

    [Fact]
    public void A_named_area_far_from_the_device_is_measured_from_its_own_point()
    {
        var jeju = new GeoPoint(33.4996, 126.5312);

        var plan = Plan(Entities.None with { LocationPreference = "관악구" }, location: jeju);

        plan.Area!.Name.Should().Be("관악구");
        plan.Location!.Value.DistanceMetersTo(plan.Area.Point).Should().Be(0);
        Plan(Entities.None, location: jeju).Location.Should().Be(jeju);
    }

    [Theory]
    [InlineData("삼도2동", "제주특별자치도 제주시 삼도2동")]
    [InlineData("삼도이동 근처", "제주특별자치도 제주시 삼도2동")]
    [InlineData("은평구에서", "서울특별시 은평구")]
    [InlineData("애월 쪽", "제주특별자치도 제주시 애월읍")]
    public void Numbered_legal_and_bare_area_names_are_resolved_to_their_administrative_area(string said, string area) =>
        Plan(Entities.None with { LocationPreference = said }).Area!.FullName.Should().Be(area);

    [Fact]
    public void A_street_the_shops_mention_is_searched_around_not_read_as_an_area()
    {
        var plan = Plan(Entities.None with { LocationPreference = "봉천로 근처" });

        plan.Area.Should().BeNull();
        plan.Location!.Value.DistanceMetersTo(TestShops.Here).Should().BeLessThan(200, "the one shop on 봉천로 is 100 m from here");
    }

    [Fact]
    public void A_place_named_earlier_still_restricts_a_follow_up()
    {
        // "노형동 떡볶이" then "더 싼 데 없어?": the session's place is kept, so the follow-up searches 노형동 again.
        var plan = Plan(Entities.None with { LocationPreference = "노형동", FoodType = "떡볶이" }, message: "더 싼 데 없어?");

        plan.Area!.Name.Should().Be("노형동");
    }

    [Fact]
    public void A_place_that_cannot_be_found_is_named_as_such_and_gives_no_point()
    {
        var plan = Plan(Entities.None with { LocationPreference = "중앙로역 근처" });

        plan.Location.Should().BeNull();
        plan.UnplacedName.Should().Be("중앙로역");
    }

    [Fact]
    public void A_meal_later_today_is_searched_for_that_time()
    {
        var plan = Plan(Entities.None with { TimePreference = "저녁 7시" });

        plan.EatAt.Should().Be(TestShops.SeoulNoon.AddHours(7));
        plan.AtNow.Should().BeFalse();
        plan.Query.LocalNow.Should().Be(plan.EatAt);
        Plan(Entities.None).AtNow.Should().BeTrue();
    }

    [Fact]
    public void Social_talk_searches_nothing_unless_it_names_a_food()
    {
        var chat = Plan(Entities.None, message: "안녕", intent: Intents.GeneralChat);
        chat.Searches.Should().BeFalse();
        chat.Intent.Should().Be(Intents.GeneralChat);

        var birthday = Plan(Entities.None with { FoodType = "케이크" }, message: "오늘 생일인데 케이크", intent: Intents.GeneralChat);
        birthday.Searches.Should().BeTrue();
        birthday.Intent.Should().Be(Intents.FoodRequest);
    }

    [Fact]
    public void A_question_about_a_shop_just_offered_searches_nothing()
    {
        var previous = new ChatReply
        {
            TurnId = "t0", Reply = "…", Intent = Intents.FoodRequest, Entities = Entities.None, Slots = Entities.None,
            Recommendations = [new RecommendationView { ShopId = "a", ShopName = "행복분식" }],
        };

        var plan = Plan(Entities.None, message: "거기 어떻게 가?", previous: previous);

        plan.AskedAbout!.ShopId.Should().Be("a");
        plan.Searches.Should().BeFalse();
    }
}
