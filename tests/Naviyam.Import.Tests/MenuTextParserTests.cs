using Naviyam.Shops;
using Naviyam.Catalog.Import;

namespace Naviyam.Import.Tests;

public class MenuTextParserTests
{
    [Fact]
    public void Parses_names_and_prices_with_thousands_separators()
    {
        var items = MenuTextParser.ParseItems("포르투갈식 정통 에그타르트 3,300 | 브리오슈 빵3종 6,000 |  통밀 그래놀라 17,000 ");
        items.Should().Equal(("포르투갈식 정통 에그타르트", 3300), ("브리오슈 빵3종", 6000), ("통밀 그래놀라", 17000));
    }

    [Theory]
    [InlineData("후르츠산도 변동가격(업주문의)", "후르츠산도")]
    [InlineData("광어회 시가", "광어회")]
    [InlineData("모둠회 가격변동", "모둠회")]
    [InlineData("아메리카노", "아메리카노")]
    public void Unfixed_or_missing_prices_are_null(string text, string name)
    {
        MenuTextParser.ParseItems(text).Single().Should().Be((name, (int?)null));
    }

    [Theory]
    [InlineData("김밥 1만원", 10_000)]
    [InlineData("정식 1만5천원", 15_000)]
    [InlineData("라면 5천원", 5_000)]
    [InlineData("떡볶이 4500원", 4_500)]
    [InlineData("샷큐브 500", 500)]
    [InlineData("김밥3,000", 3_000)]
    public void Reads_korean_units_and_plain_numbers(string text, int price)
    {
        MenuTextParser.ParseItems(text).Single().Price.Should().Be(price);
    }

    [Fact]
    public void A_range_takes_the_upper_bound()
    {
        MenuTextParser.ParseItems("소섬SET(짬뽕 택1.음료 택1) 28,000~30,000").Single()
            .Should().Be(("소섬SET(짬뽕 택1.음료 택1)", 30_000));
    }

    [Fact]
    public void Implausible_and_zero_prices_are_unknown_and_nameless_items_dropped()
    {
        var items = MenuTextParser.ParseItems("추어탕 800,010,000 | 0 0 | 서비스 0");
        items.Should().Equal(("추어탕", null), ("서비스", null));
    }

    [Fact]
    public void Small_trailing_numbers_stay_in_the_name()
    {
        MenuTextParser.ParseItems("세트 2").Single().Should().Be(("세트 2", (int?)null));
    }

    [Fact]
    public void Repeated_names_keep_the_first_and_kinds_are_classified()
    {
        var menus = MenuTextParser.Parse("김치찌개 8,000 | 김치찌개 9,000 | 콜라 2,000 | 공기밥 1,000", FoodCategory.Korean, TestData.MenuKinds);
        menus.Should().Equal(
            new MenuItem("김치찌개", 8000, MenuKind.Meal),
            new MenuItem("콜라", 2000, MenuKind.Drink),
            new MenuItem("공기밥", 1000, MenuKind.Side));
    }

    [Fact]
    public void Empty_text_gives_no_menus()
    {
        MenuTextParser.Parse(null, FoodCategory.Korean, TestData.MenuKinds).Should().BeEmpty();
        MenuTextParser.Parse("  ", FoodCategory.Korean, TestData.MenuKinds).Should().BeEmpty();
    }

    [Fact]
    public void Positions_count_every_non_blank_part_including_the_dropped_ones()
    {
        MenuTextParser.ParseItemsWithPositions("김밥 3,000 | 0 0 |  | 김밥 3,500 | 라면 4,000")
            .Should().Equal(("김밥", 3000, 0), ("라면", 4000, 3));
    }
}
