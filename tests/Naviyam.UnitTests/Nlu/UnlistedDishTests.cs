using Naviyam.Lexicons;
using Naviyam.Nlu;

namespace Naviyam.UnitTests.Nlu;

/// <summary>
/// food_type for dishes the lexicon does not list (<c>UnlistedDishExtractor</c>): the word before a wish to eat it is
/// taken when it can be a dish, and with a catalog only when a served menu names it or it is shaped like a dish.
/// </summary>
public class UnlistedDishTests
{
    private readonly RuleBasedNluEngine nlu = TestLexicons.Nlu();

    private string? FoodType(string text, RuleBasedNluEngine? engine = null) =>
        (engine ?? nlu).Analyze(TestLexicons.Normalizer.Normalize(text)).Entities.FoodType;

    [Theory]
    [InlineData("흑돼지 먹고 싶어", "흑돼지")]
    [InlineData("흑돼지가 먹고 싶어", "흑돼지")]
    [InlineData("오겹살이 땡긴다", "오겹살")]
    [InlineData("한치물회 먹을래", "한치물회")]
    [InlineData("만원으로 흑돼지 먹을 수 있어?", "흑돼지")]
    [InlineData("근처에 오겹살 파는 곳", "오겹살")]
    [InlineData("고등어 먹고 싶다", "고등어")]
    [InlineData("흑돼지 맛집 알려줘", "흑돼지")]
    public void A_dish_the_lexicon_lacks_is_the_food_type_as_said(string text, string dish)
    {
        TestLexicons.Foods.TryGet(dish, out _).Should().BeFalse("the test is about dishes the lexicon does not list");
        FoodType(text).Should().Be(dish);
    }

    [Theory]
    [InlineData("혼자 먹고 싶어")]
    [InlineData("빨리 먹고 싶어")]
    [InlineData("맛있는 거 먹고 싶어")]
    [InlineData("든든하게 먹고 싶어")]
    [InlineData("매콤한게 땡겨")]
    [InlineData("집에서 먹고 싶어")]
    [InlineData("지금 돈 없어 나중에 엄마 오면 먹을래")]
    [InlineData("15000원으로 뭐 시켜 먹을까")]
    [InlineData("용돈 얼마 안 남았는데 아껴 먹고 싶어")]
    [InlineData("강남역 맛집")]
    [InlineData("가성비 맛집")]
    [InlineData("친구랑뭐먹을까")]
    [InlineData("만원으로 곱빼기 먹을 수 있어?")]
    [InlineData("돈 한 푼 없어ㅜㅜ 뭐라도 먹고 싶어")]
    public void Words_that_are_no_dish_are_not_taken(string text)
    {
        FoodType(text).Should().BeNull();
    }

    [Fact]
    public void A_listed_dish_is_still_read_by_the_lexicon()
    {
        FoodType("떡볶이 먹고 싶어").Should().Be("떡볶이");
    }

    [Fact]
    public void With_a_catalog_a_word_no_menu_names_counts_only_when_it_is_shaped_like_a_dish()
    {
        var served = new ServedWords("흑돼지 김치찌개", "돈까스");
        var engine = TestLexicons.Nlu(served);

        FoodType("흑돼지 먹고 싶어", engine).Should().Be("흑돼지");
        FoodType("롯데월드 맛집", engine).Should().BeNull("no menu names it and it is no dish's shape");
        FoodType("각재기국 먹고 싶어", engine).Should().Be("각재기국", "…국 is a dish, and the reply should say no shop sells it");
    }

    [Theory]
    [InlineData("흑돼지", "흑돼지 김치찌개", true)]
    [InlineData("차돌짬뽕", "차돌박이 짬뽕", true)]
    [InlineData("한치물회", "전복한치물회", true)]
    [InlineData("오겹살", "오징어볶음 겹벚꽃 살", false)]
    [InlineData("흑돼지", "돼지국밥", false)]
    public void A_menu_names_an_unlisted_dish_when_its_letters_come_in_order_and_close(string dish, string menu, bool named)
    {
        UnlistedDishName.IsNamedBy(dish, menu).Should().Be(named);
    }

    [Fact]
    public void The_catalog_serves_a_word_its_menus_or_its_shop_names_say_and_forgets_on_change()
    {
        var catalog = Naviyam.UnitTests.Retrieval.TestShops.CatalogOf(
            Naviyam.UnitTests.Retrieval.TestShops.Shop("돈사돈", Naviyam.Shops.FoodCategory.Korean, 100, ("흑돼지 오겹살", 15_000)),
            Naviyam.UnitTests.Retrieval.TestShops.Shop("제주고기국수마을", Naviyam.Shops.FoodCategory.Korean, 200));
        var words = new CatalogMenuWords(catalog);

        words.Serves("흑돼지").Should().BeTrue();
        words.Serves("고기국수마을").Should().BeTrue("a shop's own name counts");
        words.Serves("한치물회").Should().BeFalse();

        catalog.Apply([Naviyam.UnitTests.Retrieval.TestShops.Shop("해녀의집", Naviyam.Shops.FoodCategory.Korean, 300, ("한치물회", 13_000))]);
        words.Serves("한치물회").Should().BeTrue("a changed catalog is read again");
    }

    private sealed class ServedWords(params string[] menus) : IServedMenuWords
    {
        public bool Serves(string word) => menus.Any(menu => UnlistedDishName.IsNamedBy(word, menu));
    }
}
