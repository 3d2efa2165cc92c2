using System.Text;
using Naviyam.Shops;
using Naviyam.Catalog.Import;

namespace Naviyam.Import.Tests;

public class CategoryMapTests
{
    private static CategoryMap Map => TestData.Map;

    [Fact]
    public void Ships_beside_the_binaries_with_the_team_names()
    {
        File.Exists(CategoryMap.DefaultPath).Should().BeTrue();
        foreach (var category in FoodCategoryNames.All)
        {
            Map.KoreanName(category).Should().Be(category.ToKorean());
        }
        Map.Sources.Should().Contain(["jeju", "national", "peer", "seoul"]);
    }

    [Fact]
    public void The_repository_copy_is_the_shipped_copy()
    {
        File.ReadAllText(Path.Combine(TestData.RepositoryRoot, "data", "catalog", "categories.json"))
            .Should().Be(File.ReadAllText(CategoryMap.DefaultPath));
    }

    [Theory]
    [InlineData("음식점, 카페,디저트", "로아나", FoodCategory.CafeDessert)]
    [InlineData("음식점, 치킨,닭강정", "조아서치킨백화점", FoodCategory.Chicken)]
    [InlineData("카페,디저트, 베이커리", "빵집", FoodCategory.Bakery)]
    [InlineData("양식, 햄버거", "버거집", FoodCategory.Burger)]
    [InlineData("한식, 칼국수,만두", "손칼국수", FoodCategory.Korean)]
    [InlineData("분식, 만두", "만두가게", FoodCategory.Bunsik)]
    [InlineData("일식, 돈가스", "돈가스집", FoodCategory.Japanese)]
    [InlineData("한식, 죽", "본가", FoodCategory.LunchboxPorridge)]
    [InlineData("생활,편의, 편의점", "CU 제주세리월드점", FoodCategory.ConvenienceStore)]
    [InlineData("음식점, 베트남음식", "포", FoodCategory.Asian)]
    [InlineData("브런치카페", "카페", FoodCategory.CafeDessert)]
    [InlineData("음식점, 브런치", "어딘가", FoodCategory.Western)]
    [InlineData("술집, 바(BAR)", "부두로", FoodCategory.Other)]
    [InlineData("음식점", "엄마손김밥", FoodCategory.Bunsik)]
    [InlineData("음식점", "이름없음", FoodCategory.Other)]
    [InlineData("금융,보험, 신용조합", "농협", FoodCategory.Other)]
    public void Maps_jeju_categories(string category, string name, FoodCategory expected) =>
        Map.Map("jeju", category, name).Should().Be(expected);

    [Theory]
    [InlineData("11", FoodCategory.Chinese)]
    [InlineData("12", FoodCategory.Bunsik)]
    [InlineData("13", FoodCategory.Korean)]
    [InlineData("15", FoodCategory.Pizza)]
    [InlineData("20", FoodCategory.CafeDessert)]
    [InlineData("23", FoodCategory.ConvenienceStore)]
    [InlineData("12+13+18", FoodCategory.Bunsik)]
    [InlineData("11+13", FoodCategory.Chinese)]
    [InlineData("21+13", FoodCategory.Korean)]
    [InlineData("99", FoodCategory.Other)]
    public void Maps_national_codes(string codes, FoodCategory expected) =>
        Map.Map("national", codes, "이름없음").Should().Be(expected);

    [Fact]
    public void Vague_national_code_falls_back_to_the_name()
    {
        Map.Map("national", "21", "행복이있는그곳돈까스식당시지점").Should().Be(FoodCategory.Japanese);
        Map.Map("national", "21", "이크").Should().Be(FoodCategory.Other);
    }

    [Theory]
    [InlineData("peer", "일식", "백년카츠", FoodCategory.Japanese)]
    [InlineData("peer", "카페/디저트", "커피플래닛", FoodCategory.CafeDessert)]
    [InlineData("peer", "기타/디저트", "커피플래닛", FoodCategory.CafeDessert)]
    [InlineData("peer", "한식/치킨", "쏙,닭", FoodCategory.Chicken)]
    [InlineData("seoul", "한식", "김밥천국", FoodCategory.Bunsik)]
    [InlineData("seoul", "한식", "이모네식당", FoodCategory.Korean)]
    [InlineData("seoul", "제과점", "뚜레쥬르대림우성점", FoodCategory.Bakery)]
    [InlineData("seoul", "패스트푸드", "롯데리아 건대역", FoodCategory.Burger)]
    [InlineData("seoul", "패스트푸드", "피자스쿨 번동점", FoodCategory.Pizza)]
    [InlineData("seoul", "할인점/슈퍼마켓", "한남마트", FoodCategory.ConvenienceStore)]
    [InlineData("seoul", "식품잡화", "GS25신정행복점", FoodCategory.ConvenienceStore)]
    [InlineData("seoul", "일반대중음식", "고운미소", FoodCategory.Korean)]
    [InlineData("generated", "분식", "무엇이든", FoodCategory.Bunsik)]
    public void Maps_other_sources(string source, string category, string name, FoodCategory expected) =>
        Map.Map(source, category, name).Should().Be(expected);

    [Fact]
    public void Menu_names_decide_when_category_and_name_say_nothing()
    {
        Map.Map("jeju", "음식점", "로아", ["김밥", "참치김밥", "라면"]).Should().Be(FoodCategory.Bunsik);
    }

    [Fact]
    public void Ascii_keywords_match_whole_words_only()
    {
        Map.FromKeywords("CU 제주점").Should().Be(FoodCategory.ConvenienceStore);
        Map.FromKeywords("GS25신정행복점").Should().Be(FoodCategory.ConvenienceStore);
        Map.FromKeywords("CURRY HOUSE").Should().NotBe(FoodCategory.ConvenienceStore);
        Map.FromKeywords("스마트분식").Should().Be(FoodCategory.Bunsik);
    }

    [Theory]
    [InlineData("술집, 바(BAR)", "부두로")]
    [InlineData("술집, 맥주,호프", "위미테이블")]
    [InlineData("술집, 이자카야", "킨츠")]
    [InlineData("술집, 와인", "카페 메이비")]
    [InlineData("음식점, 술집", "어딘가")]
    [InlineData("술집, 포장마차", "어딘가")]
    [InlineData(null, "와인바 루나")]
    [InlineData(null, "칵테일바 세븐")]
    [InlineData(null, "동네호프")]
    [InlineData(null, "신촌포차")]
    [InlineData(null, "청춘주점 신림점")]
    [InlineData(null, "IRISH PUB")]
    [InlineData(null, "바 루나")]
    [InlineData(null, "수제맥주 창고")]
    [InlineData(null, "자양주점")]
    [InlineData(null, "망원주점")]
    [InlineData(null, "동네 주점")]
    [InlineData("한식", "청춘주점 신림점")]
    public void Bar_like(string? category, string name) => Map.IsBarLike(category, name).Should().BeTrue();

    [Theory]
    [InlineData("카페,디저트, 베이커리", "바게트하우스")]
    [InlineData(null, "마늘바게트")]
    [InlineData(null, "바베큐치킨")]
    [InlineData(null, "바비큐하우스")]
    [InlineData(null, "바지락칼국수")]
    [InlineData(null, "바다횟집")]
    [InlineData(null, "바른김밥")]
    [InlineData(null, "성산바다풍경 제주성산일출봉점")]
    [InlineData(null, "스타벅스 제주점")]
    [InlineData(null, "엽기떡볶이 광주점")]
    [InlineData("생활,편의, 편의점", "CU 제주삼주점")]
    [InlineData(null, "세븐일레븐 제주이도명주점")]
    [InlineData(null, "본죽앤비빔밥신제주점")]
    [InlineData(null, "CU 남제주점")]
    [InlineData(null, "REPUBLIC KITCHEN")]
    [InlineData("한식", "바나나김밥")]
    [InlineData("음식점, 한식", "라메르")]
    public void Not_bar_like(string? category, string name) => Map.IsBarLike(category, name).Should().BeFalse();

    [Fact]
    public void Rejects_a_table_whose_names_differ_from_the_code()
    {
        var json = File.ReadAllText(CategoryMap.DefaultPath).Replace("\"name\": \"분식\"", "\"name\": \"스낵\"");
        var load = () => CategoryMap.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        load.Should().Throw<InvalidDataException>().WithMessage("*Bunsik*스낵*분식*");
    }

    [Fact]
    public void Rejects_a_table_with_an_unknown_category()
    {
        var json = File.ReadAllText(CategoryMap.DefaultPath).Replace("\"11\": \"Chinese\"", "\"11\": \"Sushi\"");
        var load = () => CategoryMap.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        load.Should().Throw<InvalidDataException>().WithMessage("*Sushi*");
    }

    [Fact]
    public void Missing_file_is_a_clear_error()
    {
        var load = () => CategoryMap.Load("/nonexistent/categories.json");
        load.Should().Throw<FileNotFoundException>().WithMessage("*categories.json*");
    }
}
