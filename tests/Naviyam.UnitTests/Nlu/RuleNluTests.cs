using Naviyam.Chat;

namespace Naviyam.UnitTests.Nlu;

public class RuleNluTests
{
    private readonly Naviyam.Nlu.RuleBasedNluEngine nlu = TestLexicons.Nlu();

    private NluResult Analyze(string text) => nlu.Analyze(TestLexicons.Normalizer.Normalize(text));

    [Fact]
    public void The_spec_example_is_a_capped_budget_inquiry_with_high_urgency()
    {
        var result = Analyze("배고픈데 5천원밖에 없어");

        result.Intent.Should().Be(Intents.BudgetInquiry);
        result.Entities.Budget.Should().Be(5000);
        result.Entities.BudgetKind.Should().Be(BudgetKinds.Cap);
        result.Entities.Urgency.Should().Be(Urgency.High);
    }

    [Theory]
    [InlineData("피자 말고 딴 거", "피자")]
    [InlineData("피자는 싫어", "피자")]
    [InlineData("치킨 빼고 추천해줘", "치킨")]
    public void Rejected_foods_are_exclusions_not_food_types(string text, string excluded)
    {
        var result = Analyze(text);

        result.Entities.Exclusions.Should().Contain(excluded);
        result.Entities.FoodType.Should().NotBe(excluded);
    }

    [Fact]
    public void Rejecting_one_food_and_asking_for_another_keeps_both_apart()
    {
        var result = Analyze("피자 말고 치킨 먹고 싶어");

        result.Entities.FoodType.Should().Be("치킨");
        result.Entities.Exclusions.Should().Equal("피자");
    }

    [Theory]
    [InlineData("매운 거 말고", true)]
    [InlineData("안 매운 걸로", false)]
    public void Negated_spiciness_is_not_spicy(string text, bool rejected)
    {
        var result = Analyze(text);

        result.Entities.TastePreference.Should().Be("안 매운");
        // Only a rejected taste goes to exclusions (labelling rules 2.5).
        if (rejected)
        {
            result.Entities.Exclusions.Should().Equal("매운");
        }
        else
        {
            result.Entities.Exclusions.Should().BeNull();
        }
    }

    [Fact]
    public void A_category_and_now_are_understood()
    {
        var result = Analyze("지금 분식 먹을 데");

        result.Entities.FoodType.Should().Be("분식");
        result.Entities.TimePreference.Should().Be("지금");
    }

    [Theory]
    [InlineData("돈 없어 배고파")]
    [InlineData("한 푼도 없는데 굶었어")]
    [InlineData("지갑이 텅 비었어 배고파")]
    [InlineData("동전 하나 없어요 도와주세요")]
    [InlineData("급카 돈 다 씀 배고파 ㅠ")]
    [InlineData("no money 배고파 help")]
    [InlineData("돈도 밥도 없어요")]
    public void Having_no_money_is_an_emergency_with_budget_zero(string text)
    {
        var result = Analyze(text);

        result.Intent.Should().Be(Intents.EmergencyFood);
        result.Entities.Budget.Should().Be(0);
    }

    [Fact]
    public void A_free_delivery_fee_is_not_the_users_money()
    {
        Analyze("배달비 0원인 쿠폰 있어?").Entities.Budget.Should().BeNull();
    }

    [Fact]
    public void Several_people_eating_together_is_group_dining()
    {
        var result = Analyze("친구 4명이서 먹을 곳");

        result.Intent.Should().Be(Intents.GroupDining);
        result.Entities.Companions.Should().Be(Companions.OfCount(4));
    }

    [Theory]
    [InlineData("쿠폰 있어?", Intents.CouponInquiry)]
    [InlineData("지금 열었어?", Intents.TimeInquiry)]
    [InlineData("안녕", Intents.GeneralChat)]
    public void Cue_words_decide_the_softer_intents(string text, string intent)
    {
        Analyze(text).Intent.Should().Be(intent);
    }
}

public class TypoToleranceTests
{
    [Theory]
    [InlineData("떡뽀끼 먹고 싶어", "떡볶이")]
    [InlineData("치킨 말고 돈가쯔", "돈까스")]
    [InlineData("짜장몀 먹을래", "짜장면")]
    [InlineData("햄버거 먹을랭", "버거")]
    public void Misspelt_foods_are_recognised_at_the_letter_level(string text, string food)
    {
        var mentions = TestLexicons.Foods.FindAll(TestLexicons.Normalizer.Normalize(text));

        mentions.Select(m => m.Term.Name).Should().Contain(food);
    }

    [Theory]
    [InlineData("그러면 하면 되지")]
    [InlineData("사자가 좋아")]
    [InlineData("국사 숙제 해야 돼")]
    public void Ordinary_words_near_a_food_are_not_food(string text)
    {
        TestLexicons.Foods.FindAll(TestLexicons.Normalizer.Normalize(text)).Should().BeEmpty();
    }
}
