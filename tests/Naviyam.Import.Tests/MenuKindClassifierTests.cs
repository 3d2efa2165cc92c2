using Naviyam.Shops;
using Naviyam.Catalog.Import;

namespace Naviyam.Import.Tests;

/// <summary>The rules of <see cref="MenuKindClassifier"/> with the table as shipped (data/catalog/menu-kinds.json).</summary>
public class MenuKindClassifierTests
{
    private static MenuKindClassifier Classifier => TestData.MenuKinds;

    private static MenuKind[] Kinds(FoodCategory category, params (string Name, int? Price)[] menu) =>
        Classifier.Classify(menu, category).Select(item => item.Kind).ToArray();

    // ---- Names ---------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("콜라")]
    [InlineData("사이다")]
    [InlineData("아이스 아메리카노")]
    [InlineData("핸드드립 아메리카노")]
    [InlineData("Ice카페라떼")]
    [InlineData("딸기라떼")]
    [InlineData("레몬에이드")]
    [InlineData("오렌지주스")]
    [InlineData("딸기 스무디")]
    [InlineData("음료")]
    [InlineData("커피")]
    [InlineData("차")]
    [InlineData("따뜻한 차")]
    [InlineData("유자차")]
    [InlineData("한라봉차")]
    [InlineData("밀크티")]
    [InlineData("무화과우유")]
    [InlineData("콜라 1.25L")]
    [InlineData("아메리카노(ICE)")]
    [InlineData("복분자 에이드")]
    [InlineData("인삼주스")]
    public void Drinks(string name) => Classifier.ClassifyName(name, FoodCategory.Korean).Should().Be(MenuKind.Drink);

    [Theory]
    [InlineData("공기밥")]
    [InlineData("라면사리")]
    [InlineData("라면 사리")]
    [InlineData("단무지")]
    [InlineData("양념소스")]
    [InlineData("계란후라이")]
    [InlineData("튀김")]
    [InlineData("감자튀김")]
    [InlineData("치즈볼")]
    [InlineData("메밀전병")]
    [InlineData("비빔냉면(후식)")]
    public void Sides(string name) => Classifier.ClassifyName(name, FoodCategory.Bunsik).Should().Be(MenuKind.Side);

    [Theory]
    [InlineData("치즈 추가")]
    [InlineData("+치즈")]
    [InlineData("추가 공기밥")]
    [InlineData("공기밥(추가)")]
    [InlineData("사리추가")]
    [InlineData("곱빼기")]
    [InlineData("세트 추가")]
    [InlineData("생선추가 소")]
    [InlineData("(추가) 흑돼지 통목살(300g)")]
    [InlineData("콜키지")]
    public void AddOns(string name) => Classifier.ClassifyName(name, FoodCategory.Chinese).Should().Be(MenuKind.AddOn);

    [Theory]
    [InlineData("치즈케이크")]
    [InlineData("에그타르트")]
    [InlineData("포르투갈식 정통 에그타르트")]
    [InlineData("마카롱")]
    [InlineData("초코쿠키")]
    [InlineData("녹차빙수")]
    [InlineData("바닐라 아이스크림")]
    [InlineData("크로플")]
    [InlineData("팥오메기떡 40개 1박스")]
    [InlineData("제주 귤잼 350g")]
    public void Desserts(string name) => Classifier.ClassifyName(name, FoodCategory.CafeDessert).Should().Be(MenuKind.Dessert);

    [Theory]
    [InlineData("김치찌개")]
    [InlineData("차돌된장찌개")]
    [InlineData("김치볶음밥")]
    [InlineData("떡볶이")]
    [InlineData("스파게티")]
    [InlineData("돈까스")]
    [InlineData("치즈 돈까스")]
    [InlineData("새우튀김우동")]
    [InlineData("짜장면 곱빼기")]
    [InlineData("스시 6P")]
    [InlineData("고기국수")]
    [InlineData("불고기정식")]
    [InlineData("소금빵")]
    [InlineData("안심돈가츠+새우튀김")]
    [InlineData("셰프의 치킨 & 감자튀김")]
    [InlineData("B세트 : 안심,등심 + 새우튀김2개")]
    [InlineData("++1등급 한우육회")]
    [InlineData("소떡소떡")]
    [InlineData("해물파전")]
    [InlineData("닭강정 컵")]
    [InlineData("순대 한접시")]
    [InlineData("어린이전복미역국과 미니감귤쥬스")]
    [InlineData("흑염소수육 大")]
    public void Meals(string name) => Classifier.ClassifyName(name, FoodCategory.Korean).Should().Be(MenuKind.Meal);

    [Fact]
    public void A_cafe_makes_unknown_names_drinks_and_sandwiches_stay_meals()
    {
        Classifier.ClassifyName("햄치즈 샌드위치", FoodCategory.CafeDessert).Should().Be(MenuKind.Meal);
        Classifier.ClassifyName("제주 한라봉", FoodCategory.CafeDessert).Should().Be(MenuKind.Drink);
        Classifier.ClassifyName("더블쵸콜릿", FoodCategory.CafeDessert).Should().Be(MenuKind.Drink);
        Classifier.ClassifyName("더블쵸콜릿", FoodCategory.Bakery).Should().Be(MenuKind.Dessert);
        Classifier.ClassifyName("제주 한라봉", FoodCategory.Korean).Should().Be(MenuKind.Meal);
    }

    // ---- Alcohol -------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("주류")]
    [InlineData("음주류 메뉴")]
    [InlineData("소주")]
    [InlineData("맥주")]
    [InlineData("생맥주 500cc")]
    [InlineData("생맥주(테라) 1,700cc")]
    [InlineData("테라생맥주")]
    [InlineData("카스 330ml")]
    [InlineData("맥주_카스")]
    [InlineData("소주/맥주")]
    [InlineData("소주. 맥주")]
    [InlineData("주류/소주.맥주")]
    [InlineData("막걸리 (잔)")]
    [InlineData("우도땅콩막걸리")]
    [InlineData("오미자막걸리 슬러쉬")]
    [InlineData("제주감귤 막걸리 스무디")]
    [InlineData("하우스와인")]
    [InlineData("글라스 와인 200ml")]
    [InlineData("얼그레이 하이볼")]
    [InlineData("모히또하이볼 논알콜")]
    [InlineData("무알콜맥주(355ml, Can)")]
    [InlineData("청하 오리지널")]
    [InlineData("별빛청하")]
    [InlineData("복분자")]
    [InlineData("복분자주")]
    [InlineData("백세주")]
    [InlineData("한라산")]
    [InlineData("한라산: 순한")]
    [InlineData("소주 - 한라산21도")]
    [InlineData("참이슬 후레시")]
    [InlineData("화요25")]
    [InlineData("서울의밤 25도")]
    [InlineData("잔술 [한라산오리지널]")]
    [InlineData("몽고왕(고량주)")]
    [InlineData("야관문 / 삼지구엽주")]
    [InlineData("까베네 소비뇽")]
    [InlineData("Beer 테라")]
    [InlineData("하이네켄(생)")]
    [InlineData("뱅쇼")]
    [InlineData("음료(콜라류,소주류,세계맥주류)")]
    [InlineData("해일리 치킨 피자 생맥주")]
    [InlineData("돌잔치 생선미역국+돔배고기+술")]
    [InlineData("와인에빠진 사과")]
    public void Alcohol(string name) => Classifier.ClassifyName(name, FoodCategory.Korean).Should().Be(MenuKind.Alcohol);

    [Theory]
    [InlineData("사케동", MenuKind.Meal)]
    [InlineData("사케동(연어덮밥)", MenuKind.Meal)]
    [InlineData("와인삼겹살", MenuKind.Meal)]
    [InlineData("레드와인 소스 스테이크", MenuKind.Meal)]
    [InlineData("보드카 파스타", MenuKind.Meal)]
    [InlineData("맥주 안주", MenuKind.Side)]
    [InlineData("막걸리빵", MenuKind.Meal)]
    [InlineData("한라산계란찜", MenuKind.Side)]
    [InlineData("한라산 칡냉면 (물/비빔)", MenuKind.Meal)]
    [InlineData("한라산 모듬한우 세트 (400g)", MenuKind.Meal)]
    [InlineData("한라산세트", MenuKind.Meal)]
    [InlineData("카스테라 소금빵(ft 바닐라크림)", MenuKind.Meal)]
    [InlineData("커피(테라로사)", MenuKind.Drink)]
    [InlineData("타이거새우", MenuKind.Meal)]
    [InlineData("얼큰순대술국", MenuKind.Meal)]
    [InlineData("한우 술국", MenuKind.Meal)]
    [InlineData("오메기떡", MenuKind.Dessert)]
    [InlineData("복분자블루베리빵", MenuKind.Meal)]
    [InlineData("복숭아 요거트 케이크(예약주문,1호)", MenuKind.Dessert)]
    [InlineData("화요일 특선 정식", MenuKind.Meal)]
    [InlineData("김치찌개(안주류) 대", MenuKind.Meal)]
    public void Words_that_only_look_like_alcohol(string name, MenuKind kind) =>
        Classifier.ClassifyName(name, FoodCategory.Korean).Should().Be(kind);

    [Fact]
    public void Unknown_names_that_continue_a_drink_list_after_alcohol_are_alcohol()
    {
        // Wines named only by their château, after a beer; the food before the drinks is left alone.
        Kinds(FoodCategory.Western, ("알리오올리오", 16_800), ("아사히 330ml", 5_000), ("펠라시오 데 아리에타", 23_700),
                ("라 크라사드, 블랙 까베르네 시라", 33_000), ("바글리오 네로다볼라", 63_000), ("콜키지(1병기준)", 30_000))
            .Should().Equal(MenuKind.Meal, MenuKind.Alcohol, MenuKind.Alcohol, MenuKind.Alcohol, MenuKind.Alcohol, MenuKind.AddOn);

        // An unknown dish before the drinks, or followed by food, stays food.
        Kinds(FoodCategory.Korean, ("오리한마리", 65_000), ("소주", 5_000), ("맥주", 5_000))[0].Should().NotBe(MenuKind.Alcohol);
        Kinds(FoodCategory.Korean, ("소주", 5_000), ("모둠전", 15_000), ("김치찌개", 8_000))[1].Should().Be(MenuKind.Meal);
    }

    [Fact]
    public void A_mojito_is_a_soft_drink_in_a_cafe_and_a_cocktail_where_alcohol_is_sold()
    {
        Kinds(FoodCategory.CafeDessert, ("모히또", 6_000), ("아메리카노", 4_000)).Should().Equal(MenuKind.Drink, MenuKind.Drink);
        Kinds(FoodCategory.CafeDessert, ("모히또", 15_000), ("호가든", 10_000)).Should().Equal(MenuKind.Alcohol, MenuKind.Alcohol);
        Kinds(FoodCategory.CafeDessert, ("모히또(무알콜)", 4_000), ("호가든", 10_000)).Should().Equal(MenuKind.Drink, MenuKind.Alcohol);
    }

    // ---- Sets for several people ---------------------------------------------------------------------------------

    [Theory]
    [InlineData("2인 세트")]
    [InlineData("패밀리 A세트")]
    [InlineData("베트남샤브샤브 2-3인")]
    [InlineData("뼈없는은갈치조림 3인~4인")]
    [InlineData("제주 돔베상차림(2人)")]
    [InlineData("2인/2 person SET")]
    [InlineData("E세트 (온가족)")]
    [InlineData("해물볶음칼국수/2인분")]
    public void A_head_count_of_two_or_more_is_a_set_for_several(string name) =>
        Classifier.ClassifyName(name, FoodCategory.Korean).Should().Be(MenuKind.SharedSet);

    [Theory]
    [InlineData("고사리수제 만두전골(2인이상)")]
    [InlineData("쌈밥정식(2인부터 가능)")]
    [InlineData("제주 급냉동삼겹살(2인분이상)150g")]
    [InlineData("쭈꾸미볶음 (1인분)2인이상")]
    [InlineData("떡볶이 1인분")]
    [InlineData("빅콤비네이션18인치")]
    [InlineData("머노까머나세트 A(2인이상 주문)")]
    public void A_minimum_order_or_one_person_is_a_meal(string name) =>
        Classifier.ClassifyName(name, FoodCategory.Korean).Should().Be(MenuKind.Meal);

    [Fact]
    public void A_dessert_or_a_drink_for_several_stays_what_it_is()
    {
        Classifier.ClassifyName("제주 애플 망고 빙수(2~3인)", FoodCategory.CafeDessert).Should().Be(MenuKind.Dessert);
        Classifier.ClassifyName("생맥주 2000cc", FoodCategory.Chicken).Should().Be(MenuKind.Alcohol);
    }

    [Fact]
    public void A_size_or_platter_at_about_twice_the_shops_meal_is_for_several()
    {
        var kinds = Kinds(FoodCategory.Korean,
            ("갈치국", 15_000), ("전복뚝배기", 15_000), ("고등어구이", 15_000), ("갈치조림 대", 45_000), ("갈치조림 소", 35_000),
            ("옥돔구이 중", 30_000), ("해산물 모듬", 40_000), ("고등어회+광어회", 60_000), ("흑돼지 간장계란밥(대)", 16_000));

        kinds.Should().Equal(MenuKind.Meal, MenuKind.Meal, MenuKind.Meal, MenuKind.SharedSet, MenuKind.SharedSet,
            MenuKind.SharedSet, MenuKind.SharedSet, MenuKind.SharedSet, MenuKind.Meal);
    }

    [Fact]
    public void A_minimum_order_is_priced_per_person_whatever_it_costs()
    {
        Kinds(FoodCategory.Asian, ("버터치킨커리", 12_000), ("빨락 빠니르", 11_000), ("난", 3_000), ("머노까머나세트 A(2인이상 주문)", 30_000))[3]
            .Should().Be(MenuKind.Meal);
    }

    [Fact]
    public void A_large_pizza_is_a_pizza_and_fries_by_the_size_range_are_a_side()
    {
        Kinds(FoodCategory.Pizza, ("콤비네이션L", 14_000), ("불고기피자L", 15_000), ("빅콤비네이션18인치", 20_000), ("샘스테이크 L", 32_500))
            .Should().OnlyContain(kind => kind == MenuKind.Meal);
        Classifier.ClassifyName("프렌치프라이(R)~(L)", FoodCategory.Burger).Should().Be(MenuKind.Side);
    }

    [Fact]
    public void A_set_is_for_one_unless_its_price_says_otherwise()
    {
        Kinds(FoodCategory.Burger, ("불고기버거", 5_000), ("치즈버거", 5_500), ("새우버거", 6_000), ("불고기버거 세트", 7_500))[3]
            .Should().Be(MenuKind.Meal);
        Kinds(FoodCategory.Korean, ("물회", 13_000), ("회덮밥", 12_000), ("전복죽", 13_000), ("회세트", 70_000))[3]
            .Should().Be(MenuKind.SharedSet);
        Kinds(FoodCategory.Korean, ("물회", 13_000), ("회덮밥", 12_000), ("전복죽", 13_000), ("1인 세트", 50_000))[3]
            .Should().Be(MenuKind.Meal, "it says it is for one");
    }

    [Fact]
    public void Without_enough_meals_of_its_own_a_shop_is_measured_against_its_category()
    {
        // Every dish of this shop is for the table; what one person's Korean meal costs decides.
        Kinds(FoodCategory.Korean, ("쭈꾸미찜 대", 45_000), ("아구탕 대", 45_000)).Should().OnlyContain(kind => kind == MenuKind.SharedSet);
        Kinds(FoodCategory.Korean, ("흑돼지 간장계란밥(대)", 7_000)).Should().Equal(MenuKind.Meal);
    }

    // ---- Relative prices -----------------------------------------------------------------------------------------

    [Fact]
    public void An_unknown_name_at_a_fraction_of_the_shops_meals_is_a_side()
    {
        var kinds = Kinds(FoodCategory.Chicken,
            ("후라이드치킨", 18_000), ("양념치킨", 19_000), ("간장치킨", 19_000), ("김말이", 3_000), ("네네스위틱", 4_000), ("마농치킨", 20_000));
        kinds.Should().Equal(MenuKind.Meal, MenuKind.Meal, MenuKind.Meal, MenuKind.Side, MenuKind.Side, MenuKind.Meal);
    }

    [Fact]
    public void A_meal_by_name_is_a_side_only_at_a_small_fraction_and_never_a_childrens_meal()
    {
        // A barbecue place: the 2,000-won fried rice is made in the pan after the meat, and the 5,000-won 된장찌개 is
        // ordered with it (a stew usually eaten beside the main dish goes at a quarter of the meat's price).
        var kinds = Kinds(FoodCategory.Korean,
            ("흑돼지 오겹살", 20_000), ("흑돼지 목살", 20_000), ("항정살", 22_000), ("가브리살", 22_000), ("생갈비", 25_000), ("물냉면", 8_000),
            ("볶음밥", 2_000), ("어린이 볶음밥", 2_500), ("된장찌개", 5_000));
        kinds.Should().Equal(MenuKind.Meal, MenuKind.Meal, MenuKind.Meal, MenuKind.Meal, MenuKind.Meal, MenuKind.Meal,
            MenuKind.Side, MenuKind.Meal, MenuKind.Side);
    }

    [Fact]
    public void A_side_by_name_at_several_times_the_shops_meal_is_a_dish()
    {
        Kinds(FoodCategory.Korean, ("복지리", 15_000), ("메밀복국", 15_000), ("복불고기", 18_000), ("복튀김", 52_000))[3]
            .Should().Be(MenuKind.Meal);
    }

    [Fact]
    public void Cheap_meals_in_a_cheap_shop_stay_meals()
    {
        Kinds(FoodCategory.Bunsik, ("김밥", 3_000), ("라면", 4_000), ("떡볶이", 4_000), ("돈까스", 8_000))
            .Should().OnlyContain(kind => kind == MenuKind.Meal);
    }

    [Theory]
    [InlineData("얼음황도")]
    [InlineData("할매황도")]
    [InlineData("수박화채")]
    [InlineData("제철과일")]
    [InlineData("판나코타")]
    [InlineData("아기상어 솜사탕")]
    [InlineData("코코넛 젤리")]
    public void Fruit_and_sweet_desserts_are_desserts(string name) =>
        Classifier.ClassifyName(name, FoodCategory.Chicken).Should().Be(MenuKind.Dessert);

    [Theory]
    [InlineData("[토핑]새우완탕", MenuKind.AddOn)]
    [InlineData("PLUS MENU - Baguette 바게트 (2pcs)", MenuKind.AddOn)]
    [InlineData("상차림비", MenuKind.AddOn)]
    [InlineData("30알 택배", MenuKind.AddOn)]
    [InlineData("김치찌개(고기주문시 사이드메뉴)", MenuKind.Side)]
    [InlineData("*사이드메뉴* 고기김치밥", MenuKind.Side)]
    [InlineData("사이드 콤보", MenuKind.Side)]
    [InlineData("김가루밥", MenuKind.Side)]
    [InlineData("중화면", MenuKind.Side)]
    [InlineData("칼국수면", MenuKind.Side)]
    [InlineData("넙적당면", MenuKind.Side)]
    public void What_the_menu_labels_a_topping_a_fee_or_a_side_is_not_a_meal(string name, MenuKind kind) =>
        Classifier.ClassifyName(name, FoodCategory.Korean).Should().Be(kind);

    [Fact]
    public void A_set_that_names_its_side_stays_a_meal() =>
        Classifier.ClassifyName("불고기버거 세트(사이드+음료)", FoodCategory.Burger).Should().Be(MenuKind.Meal);

    [Fact]
    public void A_rice_or_noodle_usually_eaten_beside_the_main_dish_is_a_side_at_a_third_of_its_price()
    {
        // A 닭발 place: the fried rice, rice balls and ramen are what one eats with the shared dish.
        var kinds = Kinds(FoodCategory.Korean, ("국물닭발", 18_000), ("무뼈닭발", 18_000), ("오돌뼈", 16_000), ("닭똥집볶음", 16_000),
            ("닭발구이", 17_000), ("볶음밥", 3_000), ("참치마요주먹밥", 4_000), ("라면", 4_000), ("김치볶음밥", 4_000));
        kinds[5..8].Should().OnlyContain(kind => kind == MenuKind.Side);
        // A dish of its own keeps the stricter ratio of a meal by name.
        kinds[8].Should().Be(MenuKind.Meal);
    }

    [Fact]
    public void A_side_salad_beside_sandwiches_is_a_side_and_a_salad_bowl_a_meal()
    {
        Kinds(FoodCategory.Western, ("에그마요", 6_800), ("이탈리안 비엠티", 7_500), ("로스트 치킨", 7_500), ("샐러드", 1_800))[3]
            .Should().Be(MenuKind.Side);
        Kinds(FoodCategory.Western, ("연어 포케", 11_000), ("닭가슴살 샐러드", 9_500), ("리코타 샐러드", 10_000))
            .Should().OnlyContain(kind => kind == MenuKind.Meal);
    }

    [Fact]
    public void The_same_rice_ball_in_a_snack_bar_stays_a_meal()
    {
        Kinds(FoodCategory.Bunsik, ("김밥", 3_500), ("라면", 4_000), ("떡볶이", 4_500), ("참치마요주먹밥", 2_500))
            .Should().OnlyContain(kind => kind == MenuKind.Meal);
    }

    [Fact]
    public void An_unknown_name_far_below_what_a_meal_of_its_kind_costs_is_a_side_even_in_a_short_menu()
    {
        // Too few meals to compare with: the category's typical meal price (a Western restaurant's, 13,000 won) decides.
        var kinds = Kinds(FoodCategory.Western, ("분자요리 망고알", 1_000), ("A SET", 6_000));
        kinds.Should().Equal(MenuKind.Side, MenuKind.Meal);
        // A meal by name is never made a side without the shop's own meals to compare with.
        Kinds(FoodCategory.Western, ("크림파스타", 1_500), ("A SET", 6_000)).Should().Equal(MenuKind.Meal, MenuKind.Meal);
    }

    // ---- Shops ---------------------------------------------------------------------------------------------------

    [Fact]
    public void A_menu_of_drinks_with_a_few_snacks_is_mostly_alcohol_and_a_restaurant_with_drinks_is_not()
    {
        var bar = Classifier.Classify([("생맥주", 5_000), ("하이볼", 8_000), ("소주", 5_000), ("와인", 9_000), ("나쵸", 12_000)], FoodCategory.Other);
        var haejangguk = Classifier.Classify([("해장국", 9_000), ("뚝배기 불고기", 11_000), ("소주", 4_000), ("맥주", 4_000), ("막걸리", 3_000)], FoodCategory.Korean);
        var chicken = Classifier.Classify([("생맥주 2000cc", 14_000), ("생맥주 1000cc", 8_000), ("마농치킨", 20_000)], FoodCategory.Chicken);
        var unpricedBar = Classifier.Classify([("하이볼", null), ("수입맥주", null), ("와인", null)], FoodCategory.Other);

        Classifier.IsMostlyAlcohol(bar).Should().BeTrue();
        Classifier.IsMostlyAlcohol(unpricedBar).Should().BeTrue();
        Classifier.IsMostlyAlcohol(haejangguk).Should().BeFalse();
        Classifier.IsMostlyAlcohol(chicken).Should().BeFalse();
        Classifier.IsMostlyAlcohol([]).Should().BeFalse();
    }

    [Fact]
    public void Every_kind_comes_back_in_menu_order_with_names_and_prices_kept()
    {
        var menus = Classifier.Classify([("김치찌개", 8_000), ("콜라", 2_000), ("소주", 5_000), ("공기밥", 1_000)], FoodCategory.Korean);

        menus.Should().Equal(
            new MenuItem("김치찌개", 8_000, MenuKind.Meal), new MenuItem("콜라", 2_000, MenuKind.Drink),
            new MenuItem("소주", 5_000, MenuKind.Alcohol), new MenuItem("공기밥", 1_000, MenuKind.Side));
        Classifier.Classify([], FoodCategory.Korean).Should().BeEmpty();
    }
}
