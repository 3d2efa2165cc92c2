using Naviyam.Eval.Judging;
using Naviyam.Eval.Queries;
using static Naviyam.Eval.Tests.Fixture;

namespace Naviyam.Eval.Tests;

public class AnswerJudgeTests
{
    private static readonly Ask Tteokbokki5000InYeondong = new() { Budget = new Budget(5000, BudgetKind.Exact), Dish = "tteokbokki", Area = "제주시 연동" };

    [Fact]
    public void A_clean_answer_has_no_violation_and_a_relevant_pick()
    {
        var verdict = Judged(Query(Tteokbokki5000InYeondong, "연동 떡볶이 5천원", location: Yeondong),
            Reply("연동에서 5천원 안에 떡볶이 먹을 수 있는 곳이에요.", Pick(1, "연동김밥", "떡볶이", 4500)));

        verdict.Violations.Should().BeEmpty();
        verdict.RelevantShops.Should().Be(1);
        verdict.Hit.Should().BeTrue();
        verdict.Failed.Should().BeFalse();
    }

    [Fact]
    public void A_price_over_the_budget_is_a_violation()
    {
        var verdict = Judged(Query(new Ask { Budget = new Budget(5000, BudgetKind.Cap) }, location: Yeondong),
            Reply("골라 봤어요.", Pick(2, "연동반점", "짜장면", 6000)));

        verdict.Violations.Should().ContainSingle(v => v.Kind == ViolationKind.OverBudget);
    }

    [Fact]
    public void A_coupon_that_brings_the_price_under_the_budget_is_fine()
    {
        var verdict = Judged(Query(new Ask { Budget = new Budget(5000, BudgetKind.Cap) }, location: Yeondong),
            Reply("쿠폰 쓰면 돼요.", Pick(2, "연동반점", "짜장면", 6000, finalPrice: 5000)));

        verdict.Violations.Should().BeEmpty();
    }

    [Fact]
    public void A_coupon_the_user_holds_decides_what_fits()
    {
        // 연동반점's 짜장면 costs 6,000; the meal-card coupon takes 1,000 off from 5,000 up.
        var ask = new Ask { Dish = "jjajangmyeon", Budget = new Budget(5000, BudgetKind.Exact) };

        Judged(Query(ask, location: Yeondong, card: new QueryCard(10000)), Reply("없어요.")).Honest
            .Should().BeTrue("without a coupon nothing fits");
        var verdict = Judged(Query(ask, location: Yeondong, card: new QueryCard(10000, ["MEALCARD-1000"])),
            Reply("골라 봤어요.", Pick(2, "연동반점", "짜장면", 6000, finalPrice: 5000)));
        verdict.Hit.Should().BeTrue();
        verdict.Violations.Should().BeEmpty();
        Judged(Query(ask, location: Yeondong, card: new QueryCard(10000, ["KOREAN-1500"])), Reply("없어요.")).Honest
            .Should().BeTrue("a 한식 coupon does not apply at a 중식당");
    }

    [Fact]
    public void A_price_over_the_card_balance_is_a_violation_even_without_a_budget()
    {
        var verdict = Judged(Query(new Ask(), location: Yeondong, card: new QueryCard(3500)),
            Reply("골라 봤어요.", Pick(1, "연동김밥", "라면", 4000)));

        verdict.Violations.Should().ContainSingle(v => v.Kind == ViolationKind.OverBudget && v.Detail.Contains("balance"));
    }

    [Fact]
    public void The_low_end_of_a_price_range_does_not_make_a_meal_fit()
    {
        var verdict = Judged(Query(new Ask { Budget = new Budget(9000, BudgetKind.Cap) }, location: Yeondong),
            Reply("골라 봤어요.", Pick(10, "범위식당", "정식", 8000)));

        verdict.Violations.Should().ContainSingle(v => v.Kind == ViolationKind.OverBudget && v.Detail.Contains("10,000"));
    }

    [Fact]
    public void A_price_that_is_not_the_raw_price_or_a_menu_that_is_not_on_the_raw_menu_is_a_violation()
    {
        var verdict = Judged(Query(new Ask(), location: Yeondong),
            Reply("골라 봤어요.", Pick(1, "연동김밥", "김밥", 2500), Pick(2, "연동반점", "볶음밥", 7000), Pick(13, "연동중식", "짜장면", 5000)));

        verdict.Violations.Where(v => v.Kind == ViolationKind.WrongPrice).Select(v => v.Pick).Should().Equal(1, 2, 3);
    }

    [Fact]
    public void A_shop_outside_the_named_area_is_a_violation_unless_offered_as_an_alternative_after_saying_none()
    {
        var ask = new Ask { Area = "제주시 삼도2동" };
        var outside = Pick(1, "연동김밥", "김밥", 3000);

        Judged(Query(ask), Reply("골라 봤어요.", outside)).Violations
            .Should().ContainSingle(v => v.Kind == ViolationKind.OutsideArea);
        Judged(Query(ask), Reply("골라 봤어요.", outside with { Alternative = true })).Violations
            .Should().ContainSingle(v => v.Kind == ViolationKind.OutsideArea, "an alternative needs the reply to say there is none first");
        Judged(Query(ask), Reply("삼도2동에는 먹을 수 있는 곳이 없어요. 가까운 곳을 알려 줄게요.", outside with { Alternative = true })).Violations
            .Should().BeEmpty();
    }

    [Fact]
    public void Numbered_and_Hangul_numeral_spellings_are_the_same_area()
    {
        var verdict = Judged(Query(new Ask { Area = "제주시 삼도1동", Dish = "tteokbokki" }),
            Reply("삼도1동 떡볶이예요.", Pick(5, "삼도분식", "떡볶이", 4000)));

        verdict.Violations.Should().BeEmpty();
        verdict.Hit.Should().BeTrue();
    }

    [Fact]
    public void A_pick_that_is_not_the_asked_dish_is_a_violation()
    {
        var verdict = Judged(Query(new Ask { Dish = "malatang" }, location: Yeondong),
            Reply("마라탕 먹을 수 있는 곳이에요.", Pick(2, "연동반점", "마라 불고기 피자", 9000)));

        verdict.Violations.Should().ContainSingle(v => v.Kind == ViolationKind.NotTheDish);
    }

    [Fact]
    public void A_shop_without_a_menu_serves_a_dish_only_when_its_category_or_name_makes_it_certain()
    {
        var chinese = Judged(Query(new Ask { Dish = "jjajangmyeon" }, location: Yeondong),
            Reply("짜장면 먹을 수 있는 곳이에요.", Pick(13, "연동중식")));
        var gukbap = Judged(Query(new Ask { Dish = "gukbap" }, location: Yeondong),
            Reply("국밥 먹을 수 있는 곳이에요.", Pick(13, "연동중식")));

        chinese.Violations.Should().BeEmpty();
        gukbap.Violations.Should().ContainSingle(v => v.Kind == ViolationKind.NotTheDish);
    }

    [Fact]
    public void Alcohol_and_shops_not_for_children_are_violations_for_a_minor_and_an_unknown_age()
    {
        var reply = Reply("골라 봤어요.", Pick(4, "청년식당", "주류", 3800), Pick(3, "노형호프", "치킨", 18000));

        Judged(Query(new Ask(), age: 12, location: Yeondong), reply).Violations.Where(v => v.Kind == ViolationKind.AdultForMinor)
            .Select(v => v.Pick).Should().Equal(1, 2);
        Judged(Query(new Ask(), age: null, location: Yeondong), reply).Violations
            .Should().Contain(v => v.Kind == ViolationKind.AdultForMinor);
        Judged(Query(new Ask(), age: 30, location: Yeondong), reply).Violations
            .Should().NotContain(v => v.Kind == ViolationKind.AdultForMinor);
    }

    [Fact]
    public void The_same_shop_twice_is_a_violation_by_id_and_by_name_and_address()
    {
        var verdict = Judged(Query(new Ask(), location: Yeondong),
            Reply("골라 봤어요.", Pick(1, "연동김밥", "김밥", 3000), Pick(1, "연동김밥", "라면", 4000), Pick(7, "연동김밥", "김밥", 3000)));

        verdict.Violations.Where(v => v.Kind == ViolationKind.Duplicate).Select(v => v.Pick).Should().Equal(2, 3);
    }

    [Fact]
    public void A_shop_more_than_20_km_away_is_a_violation()
    {
        var verdict = Judged(Query(new Ask(), location: Yeondong),
            Reply("골라 봤어요.", Pick(11, "서교식당", "비빔밥", 7000), Pick(6, "엉뚱좌표식당", "국밥", 8000)));

        verdict.Violations.Where(v => v.Kind == ViolationKind.TooFar).Select(v => v.Pick)
            .Should().Equal([1], "the second shop's coordinates are wrong, its address is in 연동");
    }

    [Fact]
    public void A_shop_that_is_not_in_the_raw_files_is_a_violation()
    {
        var verdict = Judged(Query(new Ask(), location: Yeondong),
            Reply("골라 봤어요.", new Pick { ShopId = "generated:17", ShopName = "가짜분식", MenuName = "떡볶이", Price = 3000 }));

        verdict.Violations.Should().ContainSingle(v => v.Kind == ViolationKind.UnknownShop);
    }

    [Fact]
    public void Without_any_relevant_shop_the_first_sentence_must_say_so()
    {
        var query = Query(new Ask { Dish = "malatang", Area = "제주시 연동" });

        var honest = Judged(query, Reply("연동에는 마라탕 파는 곳이 없어요. 대신 짬뽕은 어때요?", Pick(2, "연동반점", "짬뽕", 7000, alternative: true)));
        var dishonest = Judged(query, Reply("마라탕 먹을 수 있는 곳을 골라 봤어요.\n연동반점", Pick(2, "연동반점", "짬뽕", 7000)));

        honest.RelevantShops.Should().Be(0);
        honest.Honest.Should().BeTrue();
        honest.Violations.Should().BeEmpty();
        dishonest.Honest.Should().BeFalse();
        dishonest.Violations.Should().ContainSingle(v => v.Kind == ViolationKind.NotTheDish);
    }

    [Fact]
    public void A_relevant_shop_outside_the_top_three_is_not_a_hit()
    {
        var verdict = Judged(Query(new Ask { Dish = "tteokbokki" }, location: Yeondong),
            Reply("골라 봤어요.", Pick(1, "연동김밥", "김밥", 3000), Pick(1, "연동김밥", "라면", 4000), Pick(2, "연동반점", "짜장면", 6000), Pick(5, "삼도분식", "떡볶이", 4000)));

        verdict.RelevantShops.Should().BeGreaterThan(0);
        verdict.Hit.Should().BeFalse();
    }

    [Fact]
    public void A_refusal_says_no_and_lists_no_shop()
    {
        var ask = new Ask { Kind = AskKind.Refusal, Refusal = "alcohol" };

        Judged(Query(ask, "맥주 마시고 싶어", age: 15), Reply("술은 어린이·청소년에게 추천할 수 없어요. 대신 맛있는 밥집을 찾아 줄까요?"))
            .RefusalOk.Should().BeTrue();
        Judged(Query(ask, "맥주 마시고 싶어", age: 15), Reply("먹을 수 있는 곳이에요.", Pick(1, "연동김밥", "김밥", 3000)))
            .RefusalOk.Should().BeFalse();
    }

    [Fact]
    public void A_where_follow_up_gives_that_picks_address_and_no_list()
    {
        var ask = new Ask { Kind = AskKind.FollowUp, FollowUp = new FollowUp(FollowUpType.Where, 2), Area = "제주시 연동" };
        var query = Query(ask, "2번 가게는 어디 있어?", earlier: "연동 밥집");
        var first = Reply("골라 봤어요.", Pick(1, "연동김밥", "김밥", 3000), Pick(2, "연동반점", "짜장면", 6000));

        Judged(query, first, Reply("연동반점은 제주시 연동 200에 있어요.", Pick(2, "연동반점", "짜장면", 6000))).FollowUpOk.Should().BeTrue();
        Judged(query, first, Reply("골라 봤어요.", first.Picks.ToArray())).FollowUpOk.Should().BeFalse();
    }

    [Fact]
    public void A_where_follow_up_about_an_honest_alternative_need_not_say_none_again()
    {
        var ask = new Ask { Kind = AskKind.FollowUp, FollowUp = new FollowUp(FollowUpType.Where, 1), Area = "제주시 삼도2동" };
        var query = Query(ask, "1번 가게는 어디 있어?", earlier: "삼도2동 밥집");
        var alternative = Pick(1, "연동김밥", "김밥", 3000, alternative: true);
        var located = Reply("1번 연동김밥은 제주시 연동 100-1에 있어요.", alternative);

        Judged(query, Reply("삼도2동에는 먹을 수 있는 곳이 없어요. 대신 가까운 곳이에요.", alternative), located)
            .Violations.Should().BeEmpty();
        Judged(query, Reply("골라 봤어요.", alternative), located).Violations
            .Should().ContainSingle(v => v.Kind == ViolationKind.OutsideArea, "the earlier answer never said there was none");
    }

    [Fact]
    public void A_where_follow_up_about_a_pick_that_was_never_offered_must_say_so()
    {
        var ask = new Ask { Kind = AskKind.FollowUp, FollowUp = new FollowUp(FollowUpType.Where, 3), Area = "제주시 연동" };
        var query = Query(ask, "3번 어디야?", earlier: "연동 밥집");
        var first = Reply("골라 봤어요.", Pick(1, "연동김밥", "김밥", 3000));

        Judged(query, first, Reply("3번 가게는 없어요. 아까는 한 곳만 알려 줬어요.")).FollowUpOk.Should().BeTrue();
        Judged(query, first, Reply("연동김밥은 제주시 연동 100-1에 있어요.", Pick(1, "연동김밥", "김밥", 3000))).FollowUpOk.Should().BeFalse();
    }

    [Fact]
    public void A_cheaper_follow_up_must_be_cheaper_than_every_earlier_pick()
    {
        var ask = new Ask { Kind = AskKind.FollowUp, FollowUp = new FollowUp(FollowUpType.Cheaper), Area = "제주시 연동" };
        var query = Query(ask, "더 싼 데 없어?", earlier: "연동 밥집");
        var first = Reply("골라 봤어요.", Pick(2, "연동반점", "짜장면", 6000));

        Judged(query, first, Reply("더 싼 곳이에요.", Pick(1, "연동김밥", "김밥", 3000))).FollowUpOk.Should().BeTrue();
        Judged(query, first, Reply("더 싼 곳이에요.", Pick(2, "연동반점", "짬뽕", 7000))).FollowUpOk.Should().BeFalse();
    }

    [Fact]
    public void A_not_spicy_follow_up_rules_out_spicy_dishes()
    {
        var ask = new Ask { Kind = AskKind.FollowUp, FollowUp = new FollowUp(FollowUpType.Constraint), Area = "제주시 연동", NotSpicy = true, Budget = new Budget(7000, BudgetKind.Cap) };
        var query = Query(ask, "매운 거 못 먹어", earlier: "연동 7천원");
        var first = Reply("골라 봤어요.", Pick(2, "연동반점", "짬뽕", 7000));

        Judged(query, first, Reply("안 매운 거예요.", Pick(1, "연동김밥", "김밥", 3000))).Hit.Should().BeTrue();
        Judged(query, first, Reply("골라 봤어요.", Pick(2, "연동반점", "짬뽕", 7000))).Hit.Should().BeFalse();
    }

    [Theory]
    [InlineData("라면사리", true)]
    [InlineData("치즈추가", true)]
    [InlineData("고사리육개장", false)]
    [InlineData("사리원 짜장", false)]
    public void An_add_on_word_inside_another_word_is_no_add_on(string menu, bool addOn)
    {
        Fixture.Dishes.IsAddOn(menu).Should().Be(addOn);
    }

    [Theory]
    [InlineData("짬뽕", true)]
    [InlineData("매운 로제 떡볶이", true)]
    [InlineData("마라탕", true)]
    [InlineData("분모자 로제 떡볶이", false)]
    [InlineData("백짬뽕", false)]
    [InlineData("핫도그", false)]
    [InlineData("김밥", false)]
    public void Spicy_means_said_hot_or_a_hot_dish_not_said_mild(string menu, bool spicy)
    {
        Fixture.Dishes.IsSpicy(menu).Should().Be(spicy);
    }

    [Fact]
    public void A_product_error_is_reported_not_judged()
    {
        var verdict = Judged(Query(new Ask()), ProductReply.Failed("HTTP 500"));

        verdict.Error.Should().Contain("HTTP 500");
        verdict.Failed.Should().BeTrue();
    }
}
