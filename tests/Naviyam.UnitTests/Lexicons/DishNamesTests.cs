using Naviyam.Lexicons;

namespace Naviyam.UnitTests.Lexicons;

/// <summary>Menus, shop names and category texts are read for the dishes they name by concept, never by substring.</summary>
public sealed class DishNamesTests
{
    private static readonly DishNames Dishes = new(TestLexicons.Foods);

    private static FoodTerm Dish(string name) => Dishes.Find(name) ?? throw new InvalidOperationException($"{name} is not in foods.json");

    [Theory]
    [InlineData("참치김밥", "김밥")]
    [InlineData("불고기김밥", "김밥")]
    [InlineData("제주 고기국수", "고기국수")]
    [InlineData("고기국수 곱빼기", "고기국수")]
    [InlineData("고기국수", "국수")]
    [InlineData("잔치국수", "국수")]
    [InlineData("칼국수", "국수")]
    [InlineData("떡볶이(중) 1인분", "떡볶이")]
    [InlineData("로제떡볶이", "떡볶이")]
    [InlineData("라볶이", "떡볶이")]
    [InlineData("돈까스정식", "돈까스")]
    [InlineData("등심카츠", "돈까스")]
    [InlineData("치즈돈까스", "돈까스")]
    [InlineData("돈까스+우동", "우동")]
    [InlineData("김밥 2줄", "김밥")]
    [InlineData("사리원 짜장", "짜장면")]
    [InlineData("간짜장", "짜장면")]
    [InlineData("짬뽕밥", "짬뽕")]
    [InlineData("제육덮밥", "제육볶음")]
    [InlineData("제육덮밥", "덮밥")]
    [InlineData("순댓국", "국밥")]
    [InlineData("풀드포크 버거", "버거")]
    [InlineData("뿌링클", "치킨")]
    [InlineData("마라 불고기 피자", "피자")]
    [InlineData("전복죽", "죽")]
    [InlineData("떡볶이-보통", "떡볶이")]
    [InlineData("★김밥★", "김밥")]
    [InlineData("콩국수(여름한정)", "국수")]
    public void A_menu_is_the_dish_its_name_ends_with_and_every_dish_that_one_is_a_kind_of(string menu, string dish) =>
        Dishes.MenuIs(menu, Dish(dish)).Should().BeTrue($"{menu} is a {dish}");

    [Theory]
    [InlineData("마라 불고기 피자", "마라탕")]
    [InlineData("칠곡꿀마라치킨(NEW)", "마라탕")]
    [InlineData("[인기메뉴] 마라도리탕 1인", "마라탕")]
    [InlineData("마라로제떡볶이", "마라탕")]
    [InlineData("고기만두", "고기국수")]
    [InlineData("불고기김밥", "고기국수")]
    [InlineData("근고기(600g)", "고기국수")]
    [InlineData("잔치국수", "고기국수")]
    [InlineData("삼각김밥", "김밥")]
    [InlineData("참치 삼각김밥", "김밥")]
    [InlineData("감자튀김", "튀김")]
    [InlineData("라면사리", "라면")]
    [InlineData("치킨버거", "치킨")]
    [InlineData("치킨까스", "돈까스")]
    [InlineData("오리생구이(죽포함)", "죽")]
    [InlineData("타코야끼 6pcs(문어빵)", "타코")]
    [InlineData("타코와사비", "타코")]
    [InlineData("웨지 포테이토", "포테이토피자")]
    [InlineData("피자빵", "피자")]
    [InlineData("짜장밥", "짜장면")]
    [InlineData("순대", "순대국밥")]
    public void A_false_friend_is_not_the_dish(string menu, string dish) =>
        Dishes.MenuIs(menu, Dish(dish)).Should().BeFalse($"{menu} is no {dish}");

    [Fact]
    public void A_dish_knows_its_family_and_a_family_its_members()
    {
        Dishes.FamilyOf(Dish("고기국수"))!.Name.Should().Be("국수");
        Dishes.FamilyOf(Dish("라볶이"))!.Name.Should().Be("떡볶이");
        Dishes.FamilyOf(Dish("마라탕")).Should().BeNull();
        Dishes.IsKindOf(Dish("고기국수"), Dish("국수")).Should().BeTrue();
        Dishes.IsKindOf(Dish("국수"), Dish("고기국수")).Should().BeFalse("a family is not each of its members");
    }

    [Theory]
    [InlineData("선비꼬마김밥 대현점", "꼬마김밥")]
    [InlineData("신전떡볶이 범어점", "떡볶이")]
    [InlineData("진진국수전문점", "국수")]
    [InlineData("한식, 국수", "국수")]
    [InlineData("분식, 김밥", "김밥")]
    [InlineData("맘스터치 제주연동점", "버거")]
    public void A_shop_name_or_a_category_text_names_the_dishes_written_in_it(string text, string dish) =>
        Dishes.NamedIn(text).Select(term => term.Name).Should().Contain(dish);

    [Theory]
    [InlineData("마라도횟집")]
    [InlineData("나비식당")]
    public void A_word_users_only_type_does_not_make_a_name_a_dish(string name) =>
        Dishes.NamedIn(name).Select(term => term.Name).Should().NotContain("마라탕");
}
