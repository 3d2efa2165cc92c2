using Naviyam.Shops;
using Naviyam.Catalog.Import;

namespace Naviyam.Import.Tests;

public class MenuKindClassifierTests
{
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
    [InlineData("밀크티")]
    [InlineData("무화과우유")]
    [InlineData("생맥주 500cc")]
    [InlineData("소주")]
    [InlineData("하우스와인")]
    [InlineData("콜라 1.25L")]
    [InlineData("아메리카노(ICE)")]
    public void Drinks(string name) => MenuKindClassifier.Classify(name, FoodCategory.Korean).Should().Be(MenuKind.Drink);

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
    public void Sides(string name) => MenuKindClassifier.Classify(name, FoodCategory.Bunsik).Should().Be(MenuKind.Side);

    [Theory]
    [InlineData("치즈 추가")]
    [InlineData("+치즈")]
    [InlineData("추가 공기밥")]
    [InlineData("사리추가")]
    [InlineData("곱빼기")]
    [InlineData("세트 추가")]
    [InlineData("생선추가 소")]
    public void AddOns(string name) => MenuKindClassifier.Classify(name, FoodCategory.Chinese).Should().Be(MenuKind.AddOn);

    [Theory]
    [InlineData("치즈케이크")]
    [InlineData("에그타르트")]
    [InlineData("포르투갈식 정통 에그타르트")]
    [InlineData("마카롱")]
    [InlineData("초코쿠키")]
    [InlineData("녹차빙수")]
    [InlineData("바닐라 아이스크림")]
    [InlineData("크로플")]
    public void Desserts(string name) => MenuKindClassifier.Classify(name, FoodCategory.CafeDessert).Should().Be(MenuKind.Dessert);

    [Theory]
    [InlineData("김치찌개")]
    [InlineData("차돌된장찌개")]
    [InlineData("김치볶음밥")]
    [InlineData("떡볶이")]
    [InlineData("스파게티")]
    [InlineData("사케동")]
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
    [InlineData("후르츠산도")]
    [InlineData("소떡소떡")]
    public void Meals(string name) => MenuKindClassifier.Classify(name, FoodCategory.Korean).Should().Be(MenuKind.Meal);

    [Fact]
    public void Cafes_treat_sandwiches_as_meals_and_unknown_names_as_drinks()
    {
        MenuKindClassifier.Classify("햄치즈 샌드위치", FoodCategory.CafeDessert).Should().Be(MenuKind.Meal);
        MenuKindClassifier.Classify("제주 한라봉", FoodCategory.CafeDessert).Should().Be(MenuKind.Drink);
        MenuKindClassifier.Classify("더블쵸콜릿", FoodCategory.CafeDessert).Should().Be(MenuKind.Drink);
        MenuKindClassifier.Classify("더블쵸콜릿", FoodCategory.Bakery).Should().Be(MenuKind.Dessert);
        MenuKindClassifier.Classify("제주 한라봉", FoodCategory.Korean).Should().Be(MenuKind.Meal);
    }
}
