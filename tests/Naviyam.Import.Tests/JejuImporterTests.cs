using Naviyam.Catalog;
using Naviyam.Shops;
using Naviyam.Catalog.Import;

namespace Naviyam.Import.Tests;

public class JejuImporterTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly Lazy<ImportResult> Menus = new(() => new JejuImporter(TestData.Map, TestData.MenuKinds).ImportFile(TestData.JejuMenus));
    private static readonly Lazy<ImportResult> Restricted = new(() => new JejuImporter(TestData.Map, TestData.MenuKinds).ImportFile(TestData.JejuRestricted));

    [Fact]
    public void Menus_file_imports_every_food_seller_once()
    {
        // 2,299 rows: one repeated header, 215 non-food rows (banks, EV chargers …), 2,141 distinct ids of which
        // 1,968 sell food; the rest merge duplicates.
        var result = Menus.Value;
        result.Shops.Should().HaveCount(1_968);
        result.Shops.Select(s => s.Id).Should().OnlyHaveUniqueItems();
        result.Rejected.Should().ContainSingle(r => r.Reason == "repeated header row").Which.Line.Should().Be(12);
        result.Rejected.Count(r => r.Reason.StartsWith("not a food seller", StringComparison.Ordinal)).Should().Be(215);
        result.Shops.Count(s => s.Menus.Count > 0).Should().BeGreaterThanOrEqualTo(1_450);
        result.Shops.Should().OnlyContain(s => s.Source == "jeju" && s.Id == "jeju:" + s.SourceId);
        result.Shops.Should().OnlyContain(s => s.MealCard == MealCardAcceptance.Yes && s.Hours == null && !s.Synthetic);
    }

    [Fact]
    public void Keeping_non_food_sellers_gives_every_distinct_id()
    {
        var result = new JejuImporter(TestData.Map, TestData.MenuKinds) { KeepNonFoodSellers = true }.ImportFile(TestData.JejuMenus);
        result.Shops.Should().HaveCount(2_141);
        result.Rejected.Should().ContainSingle();
    }

    [Fact]
    public void Menus_and_coordinates_are_parsed()
    {
        var shop = Menus.Value.Shops.Single(s => s.SourceId == "1443466372");
        shop.Name.Should().Be("로아나");
        shop.Category.Should().Be(FoodCategory.CafeDessert);
        shop.SourceCategory.Should().Be("음식점, 카페,디저트");
        shop.Location!.Value.Latitude.Should().BeApproximately(33.2380459, 1e-7);
        shop.Location!.Value.Longitude.Should().BeApproximately(126.5119547, 1e-7);
        shop.Menus.Should().HaveCount(6);
        shop.Menus[0].Should().Be(new MenuItem("포르투갈식 정통 에그타르트", 3300, MenuKind.Dessert));
        shop.Menus.Should().Contain(new MenuItem("소금빵", 3200, MenuKind.Meal));
        shop.NotForChildren.Should().BeFalse();

        var noodles = Menus.Value.Shops.Single(s => s.SourceId == "37228573");
        noodles.Category.Should().Be(FoodCategory.Korean);
        noodles.CheapestMeal()!.Name.Should().Be("멸치국수");
    }

    [Fact]
    public void Bar_like_categories_are_flagged_even_when_the_column_says_false()
    {
        var maybe = Menus.Value.Shops.Single(s => s.SourceId == "31427936");
        maybe.Name.Should().Be("카페 메이비");
        maybe.NotForChildren.Should().BeTrue();
        var mostlyAlcohol = Menus.Value.MostlyAlcoholShopIds.ToHashSet();
        Menus.Value.Shops.Where(s => s.NotForChildren)
            .Should().OnlyContain(s => TestData.Map.IsBarLike(s.SourceCategory, s.Name) || mostlyAlcohol.Contains(s.Id));
        Menus.Value.Shops.Count(s => s.NotForChildren).Should().BeInRange(1, 20);
    }

    [Fact]
    public void A_menu_of_alcohol_makes_a_shop_not_for_children_and_is_counted_in_the_report()
    {
        // In the restricted file, 술의길 lists only drinks (한라산, 하이볼, 수입맥주 …) and 오조리심야식당이응 only beer,
        // soju and corkage beside a menu of the day: both are counted; the bars that list food are flagged by their category.
        var result = Restricted.Value;
        result.MostlyAlcoholShopIds.Should().BeEquivalentTo("jeju:1076024996", "jeju:1273967183");
        result.Shops.Single(s => s.SourceId == "1076024996").Menus.Should().OnlyContain(m => m.Kind == MenuKind.Alcohol);
    }

    [Fact]
    public void Restaurants_that_also_list_drinks_stay_restaurants()
    {
        var result = Menus.Value;
        output.WriteLine(string.Join(Environment.NewLine, result.Shops.Where(s => result.MostlyAlcoholShopIds.Contains(s.Id))
            .Select(s => $"{s.Id} {s.Name}: {string.Join(" | ", s.Menus.Select(m => $"{m.Name} {m.Price} {m.Kind}"))}")));

        result.Shops.Where(s => result.MostlyAlcoholShopIds.Contains(s.Id)).All(s => s.NotForChildren).Should().BeTrue();
        // 청년한식탁 lists 주류 among fifteen dishes: the item is alcohol, the shop is a restaurant.
        var restaurant = result.Shops.Single(s => s.SourceId == "1083585071");
        restaurant.NotForChildren.Should().BeFalse();
        restaurant.Menus.Single(m => m.Name == "주류").Kind.Should().Be(MenuKind.Alcohol);
        restaurant.CheapestMeal()!.Name.Should().Be("스팸 김치 볶음밥");
        // 해장국 with 소주, 맥주 and 막걸리 beside it, or a chicken shop with two draught beers, is not a bar either.
        foreach (var sourceId in new[] { "417578537", "1534082037", "12010717" })
        {
            var shop = result.Shops.Single(s => s.SourceId == sourceId);
            shop.NotForChildren.Should().BeFalse(shop.Name);
            shop.Menus.Should().Contain(m => m.Kind == MenuKind.Alcohol).And.Contain(m => m.IsPricedMeal);
        }
    }

    [Fact]
    public void Restricted_file_flags_every_shop()
    {
        // 49 rows, 43 distinct ids (7080라이브비상 appears four times).
        var result = Restricted.Value;
        result.Shops.Should().HaveCount(43);
        result.Shops.Should().OnlyContain(s => s.NotForChildren);
        result.Rejected.Should().BeEmpty();
    }

    [Fact]
    public void Importing_both_files_keeps_the_restricted_flags_in_either_order()
    {
        var restrictedIds = Restricted.Value.Shops.Select(s => s.Id).ToHashSet();

        foreach (var order in new[] { new[] { TestData.JejuRestricted, TestData.JejuMenus }, [TestData.JejuMenus, TestData.JejuRestricted] })
        {
            var all = new ShopAccumulator();
            foreach (var file in order)
            {
                all.AddRange(new JejuImporter(TestData.Map, TestData.MenuKinds).ImportFile(file));
            }
            var shops = all.ToResult().Shops;
            shops.Where(s => restrictedIds.Contains(s.Id)).Should().HaveCount(43).And.OnlyContain(s => s.NotForChildren);
        }
    }

    [Fact]
    public void A_later_import_through_ShopMerge_does_not_clear_the_flag()
    {
        // 카페 메이비 (31427936) is in both files; simulate the catalog: restricted first, then the menus file again.
        var stored = Restricted.Value.Shops.Single(s => s.SourceId == "31427936");
        var incoming = Menus.Value.Shops.Single(s => s.SourceId == "31427936") with { NotForChildren = false };
        var merged = ShopMerge.Merge(stored, incoming);
        merged.NotForChildren.Should().BeTrue();
        merged.Menus.Should().NotBeEmpty();

        var catalog = Restricted.Value.Shops.ToDictionary(s => s.Id);
        foreach (var shop in Menus.Value.Shops)
        {
            catalog[shop.Id] = ShopMerge.Merge(catalog.GetValueOrDefault(shop.Id), shop with { NotForChildren = false });
        }
        Restricted.Value.Shops.Should().OnlyContain(s => catalog[s.Id].NotForChildren);
    }

    [Fact]
    public void Duplicate_ids_merge_with_the_later_row_winning()
    {
        const string csv = """
            id,name,address,tel,category,latitude,longitude,menu_info,isNotGoodForChild,isFoodSelling
            1,가게,주소1,,"음식점, 한식",33.1,126.1,"김치찌개 8,000",False,True
            2,다른가게,주소2,,"음식점, 분식",,,,False,True
            1,가게,주소1,064-000-0000,"음식점, 한식",33.2,126.2,,False,True
            3,좌표오류,주소3,,"음식점, 한식",abc,126.2,,False,True
            ,이름만,주소4,,"음식점, 한식",33.2,126.2,,False,True
            4,따옴표없음,주소,,음식점, 한식,33.2,126.2,,False,True
            """;
        var result = new JejuImporter(TestData.Map, TestData.MenuKinds).Import(new StringReader(csv));

        result.Rejected.Select(r => r.Line).Should().Equal(6, 7);
        result.Rejected[0].Reason.Should().Be("missing id");
        result.Rejected[1].Reason.Should().Contain("expected 10 fields, found 11");

        var shops = result.Shops;
        shops.Select(s => s.SourceId).Should().Equal("1", "2", "3");
        shops[0].Phone.Should().Be("064-000-0000");
        shops[0].Location.Should().Be(new GeoPoint(33.2, 126.2));
        shops[0].Menus.Should().ContainSingle().Which.Should().Be(new MenuItem("김치찌개", 8000, MenuKind.Meal));
        shops[1].Location.Should().BeNull();
        shops[2].Location.Should().BeNull();
    }

    [Fact]
    public void Flag_from_an_earlier_duplicate_row_survives()
    {
        const string csv = """
            id,name,address,tel,category,latitude,longitude,menu_info,isNotGoodForChild,isFoodSelling
            7,가게,주소,,"음식점, 한식",33.1,126.1,"김치찌개 8,000",True,True
            7,가게,주소,,"음식점, 한식",33.1,126.1,,False,True
            """;
        var shop = new JejuImporter(TestData.Map, TestData.MenuKinds).Import(new StringReader(csv)).Shops.Single();
        shop.NotForChildren.Should().BeTrue();
        shop.Menus.Should().ContainSingle().Which.Name.Should().Be("김치찌개");
    }

    [Fact]
    public void A_file_without_the_columns_is_refused()
    {
        var import = () => new JejuImporter(TestData.Map, TestData.MenuKinds).Import(new StringReader("가맹점명,주소\n가게,주소\n"), "wrong.csv");
        import.Should().Throw<InvalidDataException>().WithMessage("*wrong.csv*id*name*");
    }
}
