using Naviyam.Chat;

namespace Naviyam.UnitTests.Nlu;

/// <summary>
/// The labelling rules (docs/nlu-labelling.md, sections 2 and 3) for the entity families the rule-based extractor
/// fills, with sentences written for these tests.
/// </summary>
public class EntityExtractionTests
{
    private readonly Naviyam.Nlu.RuleBasedNluEngine nlu = TestLexicons.Nlu();

    private Entities Extract(string text) => nlu.Analyze(TestLexicons.Normalizer.Normalize(text)).Entities;

    // --- exclusions (2.10) ---

    [Theory]
    [InlineData("비빔밥에 당근 빼 주실 수 있나요", "당근")]
    [InlineData("김밥 시금치 빼고 싸 주세요", "시금치")]
    [InlineData("쌀국수에 고수 넣지 마세요", "고수")]
    [InlineData("볶음밥 새우 없이 되나요", "새우")]
    [InlineData("불고기버거 주문할 건데 피클 싫어", "피클")]
    [InlineData("샐러드 올리브 꼭 빼주세요", "올리브")]
    [InlineData("김치 빼주세요", "김치")]
    public void Ingredients_turned_down_are_exclusions_as_said(string text, string ingredient)
    {
        Extract(text).Exclusions.Should().Equal(ingredient);
    }

    [Fact]
    public void A_word_the_lexicons_lack_is_excluded_as_said_when_asked_to_take_it_out()
    {
        var entities = Extract("짜장면 완두콩 빼 주세요");

        entities.Exclusions.Should().Equal("완두콩");
        entities.FoodType.Should().Be("짜장면");
    }

    [Fact]
    public void Two_ingredients_joined_by_rang_are_both_turned_down()
    {
        Extract("양파랑 마늘 빼 주세요").Exclusions.Should().BeEquivalentTo("양파", "마늘");
    }

    [Fact]
    public void A_food_one_is_tired_of_is_an_exclusion_and_not_the_food_type()
    {
        var entities = Extract("떡볶이는 이제 질렸어 다른 거 추천해줘");

        entities.Exclusions.Should().Equal("떡볶이");
        entities.FoodType.Should().BeNull();
    }

    [Fact]
    public void The_rejection_word_itself_is_never_an_exclusion()
    {
        Extract("당근 극혐 빼줘").Exclusions.Should().Equal("당근");
    }

    // --- taste_preference (2.5) ---

    [Theory]
    [InlineData("매운 건 싫어 다른 거", "안 매운", "매운")]
    [InlineData("짠 거 말고 추천", "안 짠", "짠")]
    [InlineData("느끼한 건 별로야", "느끼하지 않은", "느끼한")]
    public void A_rejected_taste_is_its_negated_word_and_an_exclusion(string text, string taste, string excluded)
    {
        var entities = Extract(text);

        entities.TastePreference.Should().Be(taste);
        entities.Exclusions.Should().Equal(excluded);
    }

    [Theory]
    [InlineData("안 매운 걸로 부탁해", "안 매운")]
    [InlineData("파스타 덜 느끼하게 해 주세요", "느끼하지 않은")]
    [InlineData("국물 덜 짜게 해줘", "안 짠")]
    public void A_negated_taste_is_not_an_exclusion(string text, string taste)
    {
        var entities = Extract(text);

        entities.TastePreference.Should().Be(taste);
        entities.Exclusions.Should().BeNull();
    }

    [Fact]
    public void A_rejected_taste_without_a_negated_word_is_only_an_exclusion()
    {
        var entities = Extract("단 거 별로야");

        entities.TastePreference.Should().BeNull();
        entities.Exclusions.Should().Equal("달달한");
    }

    [Theory]
    [InlineData("라떼 덜 달게")]
    [InlineData("짬뽕 많이 얼큰해?")]
    [InlineData("매운맛이랑 순한맛 중에 뭐가 인기야?")]
    [InlineData("한 명은 매운 거 한 명은 안 매운 거")]
    public void Tastes_asked_about_listed_or_contradicting_set_no_taste(string text)
    {
        Extract(text).TastePreference.Should().BeNull();
    }

    // --- companions (2.6) ---

    [Theory]
    [InlineData("이모랑 같이 먹을 저녁", "이모")]
    [InlineData("할아버지랑 국밥 먹으러 갈래", "할아버지")]
    [InlineData("사촌동생 데리고 먹을 거", "사촌동생")]
    [InlineData("선배들이랑 회식", "선배")]
    [InlineData("엄마랑 아빠랑 외식", "엄마 아빠")]
    [InlineData("동생이 배고프다는데 뭐 해줄까", "동생")]
    [InlineData("짝꿍이랑 하교하고 같이 먹을 간식", "친구")]
    [InlineData("형아랑 뭐 묵지", "형")]
    [InlineData("할머니 모시고 점심 먹을 데", "할머니")]
    public void Companions_are_the_word_as_said(string text, string word)
    {
        Extract(text).Companions.Should().Be(Companions.OfWord(word));
    }

    [Theory]
    [InlineData("우리 여섯이서 먹을 데", 6)]
    [InlineData("형이랑 둘이 먹을 건데", 2)]
    [InlineData("친구 셋이랑 나까지 넷", 4)]
    [InlineData("다섯이서 한 사람당 육천원", 5)]
    public void A_count_wins_and_the_largest_count_is_the_group(string text, int count)
    {
        Extract(text).Companions.Should().Be(Companions.OfCount(count));
    }

    [Theory]
    [InlineData("어제 누나랑 마라탕 먹었어")]
    [InlineData("아빠가 용돈 줬어 뭐 먹지")]
    [InlineData("혼자 있어서 심심해")]
    [InlineData("짜장면이랑 짬뽕 둘 중에 골라줘")]
    [InlineData("김밥이랑 라면 둘 다 먹을 수 있어?")]
    public void People_only_mentioned_or_met_in_the_past_are_not_companions(string text)
    {
        Extract(text).Companions.Should().BeNull();
    }

    // --- urgency (2.7, 3) ---

    [Theory]
    [InlineData("배가 진짜 너무 고파요")]
    [InlineData("머리가 어지럽고 손이 떨려요")]
    [InlineData("아침 안 먹고 학교 왔어")]
    [InlineData("밥 먹은 지 하루 넘었어")]
    [InlineData("주말엔 집에 아무도 없어서 밥을 못 먹어요")]
    public void Hunger_its_physical_signs_and_skipped_meals_are_high(string text)
    {
        Extract(text).Urgency.Should().Be(Urgency.High);
    }

    [Theory]
    [InlineData("급한 건 아니고 다음 주에 먹을 거")]
    [InlineData("이따 먹을 간식 골라줘")]
    [InlineData("안 급해 천천히 알려줘")]
    public void No_hurry_is_low(string text)
    {
        Extract(text).Urgency.Should().Be(Urgency.Low);
    }

    [Theory]
    [InlineData("20분 안에 먹을 수 있는 거")]
    [InlineData("꿔바로우 맛집 알려줘")]
    [InlineData("나중에 다시 물어볼게")]
    [InlineData("겨울방학 빨리 왔으면 좋겠다")]
    [InlineData("이 가게 주문하면 바로 나와?")]
    [InlineData("저녁에 못 먹을 것 같아")]
    [InlineData("너도 배고파?")]
    [InlineData("로봇은 밥 안 먹어도 돼?")]
    public void Time_limits_wishes_shop_questions_and_food_names_are_no_urgency(string text)
    {
        Extract(text).Urgency.Should().BeNull();
    }

    // --- dietary_restrictions (2.8) ---

    [Theory]
    [InlineData("동생이 땅콩 알레르기가 있어", "allergy:땅콩")]
    [InlineData("이 쿠키 호두 들어있어요? 알레르기 있어서", "allergy:호두")]
    [InlineData("저 비건이에요", "vegan")]
    [InlineData("유제품 안 먹어요", "lactose_free")]
    [InlineData("밀가루 없는 거 있어?", "allergy:밀가루")]
    [InlineData("해물 못 먹는데 추천해줘", "no_seafood")]
    public void Restrictions_are_recognised(string text, string restriction)
    {
        Extract(text).DietaryRestrictions.Should().Equal(restriction);
    }

    [Fact]
    public void Dietary_items_are_not_repeated_in_exclusions_or_as_food()
    {
        var entities = Extract("돼지고기 빼고 만들어 주세요");

        entities.DietaryRestrictions.Should().Equal("no_pork");
        entities.Exclusions.Should().BeNull();
        entities.FoodType.Should().BeNull();
    }

    [Fact]
    public void A_dish_turned_down_beside_a_restriction_stays_an_exclusion()
    {
        var entities = Extract("해물 못 먹는데 짬뽕 말고");

        entities.DietaryRestrictions.Should().Equal("no_seafood");
        entities.Exclusions.Should().Equal("짬뽕");
    }

    // --- portion_size (2.9) ---

    [Theory]
    [InlineData("반 공기만 담아 주세요", PortionSizes.Small)]
    [InlineData("양 많이 주는 국밥집", PortionSizes.Large)]
    [InlineData("중간 사이즈로 주세요", PortionSizes.Normal)]
    [InlineData("음료 사이즈 업 돼요?", PortionSizes.Large)]
    public void Sizes_are_recognised(string text, string size)
    {
        Extract(text).PortionSize.Should().Be(size);
    }

    [Theory]
    [InlineData("소스 많이 뿌려 주세요")]
    [InlineData("많이 매운가요?")]
    [InlineData("레귤러랑 라지 중에 뭐가 나아")]
    [InlineData("출출한데 뭐 먹지")]
    [InlineData("시럽 적게 넣어줘")]
    public void Amounts_of_a_topping_degrees_and_comparisons_are_no_size(string text)
    {
        Extract(text).PortionSize.Should().BeNull();
    }

    // --- food_type (2.1, 3) ---

    [Fact]
    public void A_food_eaten_before_is_not_the_food_type()
    {
        Extract("아까 치킨 먹었는데 디저트 먹고 싶어").FoodType.Should().Be("카페·디저트");
    }

    [Theory]
    [InlineData("공짜로 먹을 수 있는 데")]
    [InlineData("조용한 식당 추천해줘")]
    [InlineData("배가 등가죽에 붙었어")]
    public void Words_that_only_look_like_a_food_are_not_food(string text)
    {
        Extract(text).FoodType.Should().BeNull();
    }

    [Fact]
    public void A_one_syllable_food_written_as_a_word_is_found()
    {
        Extract("빵 사 먹을래").FoodType.Should().Be("베이커리");
    }
}
