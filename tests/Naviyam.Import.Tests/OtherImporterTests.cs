using Naviyam.Coupons;
using Naviyam.Shops;
using Naviyam.Catalog.Import;

namespace Naviyam.Import.Tests;

public class NationalStandardImporterTests
{
    private static readonly Lazy<ImportResult> Daegu = new(() => new NationalStandardImporter(TestData.Map).ImportFile(TestData.Daegu));

    [Fact]
    public void Imports_all_daegu_rows_with_hours()
    {
        var result = Daegu.Value;
        result.Rejected.Should().BeEmpty();
        result.Shops.Should().HaveCount(1_407);
        result.Shops.Should().OnlyContain(s => s.Source == "national" && s.SourceId.StartsWith("대구-", StringComparison.Ordinal));
        result.Shops.Should().OnlyContain(s => s.Location != null && s.Location.Value.Latitude > 35.6 && s.Location.Value.Latitude < 36);
        result.Shops.Should().OnlyContain(s => s.MealCard == MealCardAcceptance.Yes && s.Menus.Count == 0);
        // 43 restaurants say "0000"–"0000" and one "1000"–"1000" on weekdays: unknown; all others have weekday hours.
        result.Shops.Count(s => s.Hours?.For(DayOfWeek.Monday) != null).Should().Be(1_407 - 44);
        result.Shops.Count(s => s.Category == FoodCategory.ConvenienceStore).Should().Be(35);
        result.Shops.Count(s => s.DeliveryAvailable).Should().Be(1_357);
    }

    [Fact]
    public void First_row_is_read_by_header_name()
    {
        var shop = Daegu.Value.Shops[0];
        shop.Id.Should().Be("national:대구-22110039");
        shop.Name.Should().Be("불닭발땡초동대문엽기떡볶이성서계명대점");
        shop.Category.Should().Be(FoodCategory.Bunsik);
        shop.Address.Should().Be("대구 달서구 이곡공원로 24 (이곡동)", "the city, district and neighbourhood columns are put back into the address");
        shop.Phone.Should().Be("053-587-8591");
        shop.Location.Should().Be(new GeoPoint(35.85496566, 128.5099875));
        shop.Hours!.For(DayOfWeek.Wednesday)!.Intervals.Should().Equal(new OpenInterval(660, 1380));
        shop.DeliveryAvailable.Should().BeTrue();
    }

    [Fact]
    public void A_building_named_after_the_city_does_not_keep_the_city_out_of_the_address()
    {
        // 비비락, 이노밸리로 322 "대구혁신도시 비젼스퀘어2": the building's name starts with 대구, the address's own words do not.
        Daegu.Value.Shops.Single(s => s.SourceId == "대구-22102016").Address.Should().Be("대구 동구 이노밸리로 322 대구혁신도시 비젼스퀘어2 (신서동)");
        // Nor does a road named after the city (대구체육관로).
        Daegu.Value.Shops.Should().Contain(s => s.Address == "대구 북구 대구체육관로9길 2-1 (산격동)");
        Daegu.Value.Shops.Should().OnlyContain(s => s.Address!.StartsWith("대구 ", StringComparison.Ordinal));
    }

    [Fact]
    public void Convenience_stores_open_around_the_clock_on_zero_to_zero()
    {
        var store = Daegu.Value.Shops.Single(s => s.SourceId == "대구-22110034");
        store.Category.Should().Be(FoodCategory.ConvenienceStore);
        store.Hours!.For(DayOfWeek.Sunday).Should().Be(DayHours.AllDay);
        store.Hours.IsOpenAt(DayOfWeek.Tuesday, 3 * 60).Should().BeTrue();

        var late = Daegu.Value.Shops.Single(s => s.SourceId == "대구-22110036");
        late.Hours!.For(DayOfWeek.Monday)!.Intervals.Should().Equal(new OpenInterval(420, 1440));
    }

    [Fact]
    public void Overnight_restaurants_close_after_midnight()
    {
        var overnight = Daegu.Value.Shops.Where(s => s.Hours?.For(DayOfWeek.Monday) is { } d && d.Intervals[^1].CloseMinute > 1440).ToList();
        overnight.Should().HaveCountGreaterThan(50);
        foreach (var shop in overnight)
        {
            var close = shop.Hours!.For(DayOfWeek.Monday)!.Intervals[^1].CloseMinute - 1440;
            shop.Hours.IsOpenAt(DayOfWeek.Tuesday, close - 1).Should().BeTrue("{0} closes at {1} past midnight", shop.Name, close);
        }
    }

    [Fact]
    public void Tolerates_missing_optional_and_extra_removed_columns()
    {
        const string csv = """
            대표자명,가맹점명,가맹점유형코드,경도,위도,평일운영시작시각,평일운영종료시각,음식점분류
            홍길동,"우리 분식",10,128.5,35.8,1000,2000,12
            ,GS25 어딘가점,20,128.6,35.9,0000,0000,23
            ,,10,,,,,
            """;
        var result = new NationalStandardImporter(TestData.Map).Import(new StringReader(csv));
        result.Shops.Should().HaveCount(2);
        result.Rejected.Should().ContainSingle().Which.Reason.Should().Be("missing 가맹점명");
        var bunsik = result.Shops[0];
        bunsik.SourceId.Should().HaveLength(16, "without 가맹점ID or 시도명 the id is a stable hash");
        bunsik.Category.Should().Be(FoodCategory.Bunsik);
        bunsik.Location.Should().Be(new GeoPoint(35.8, 128.5));
        bunsik.Hours!.For(DayOfWeek.Saturday).Should().BeNull();
        result.Shops[1].Hours!.For(DayOfWeek.Monday).Should().Be(DayHours.AllDay);
    }

    [Fact]
    public void A_suspended_or_closed_business_is_kept_but_no_longer_takes_the_meal_card()
    {
        const string csv = """
            가맹점ID,가맹점명,사업자상태,위도,경도
            1,영업중 분식,01,35.8,128.5
            2,쉬는 분식,02,35.8,128.5
            3,닫은 분식,03,35.8,128.5
            4,글로 쓴 폐업,폐업,35.8,128.5
            """;

        var result = new NationalStandardImporter(TestData.Map).Import(new StringReader(csv));

        result.Shops.Select(s => s.MealCard).Should().Equal(
            MealCardAcceptance.Yes, MealCardAcceptance.No, MealCardAcceptance.No, MealCardAcceptance.No);
    }
}

public class PeerSampleImporterTests
{
    [Fact]
    public void Imports_the_ten_sample_shops()
    {
        var result = new PeerSampleImporter(TestData.Map, TestData.MenuKinds).ImportFile(TestData.PeerRestaurants);
        result.Rejected.Should().BeEmpty();
        result.Shops.Should().HaveCount(10);
        result.Shops.Should().OnlyContain(s => s.Location != null && s.Menus.Count > 0 && s.Hours != null);

        var katsu = result.Shops[0];
        katsu.Id.Should().Be("peer:20");
        katsu.Name.Should().Be("백년카츠 관악점");
        katsu.Category.Should().Be(FoodCategory.Japanese);
        katsu.MealCard.Should().Be(MealCardAcceptance.Yes);
        katsu.Location!.Value.Longitude.Should().BeApproximately(126.9432, 0.0001);
        katsu.Location!.Value.Latitude.Should().BeApproximately(37.4834, 0.0001);
        katsu.Hours!.IsOpenAt(DayOfWeek.Monday, 15 * 60 + 10).Should().BeFalse();
        katsu.Hours!.IsOpenAt(DayOfWeek.Monday, 12 * 60).Should().BeTrue();
        katsu.CheapestMeal()!.Name.Should().Be("우동");
        katsu.OwnerMessage.Should().Be("돈까스는 백년카츠가 젤 맛있어~");

        var cafe = result.Shops.Single(s => s.Name == "커피플래닛");
        cafe.MealCard.Should().Be(MealCardAcceptance.No);
        cafe.Category.Should().Be(FoodCategory.CafeDessert);
        cafe.Menus.Select(m => m.Kind).Should().Equal(MenuKind.Drink, MenuKind.Drink, MenuKind.Dessert);
        cafe.Hours!.IsOpenAt(DayOfWeek.Friday, 23 * 60 + 30).Should().BeTrue();

        result.Shops.Single(s => s.IsGoodInfluenceShop).Name.Should().Be("본도시락 영등포구청점");
    }

    [Fact]
    public void Reads_foodcard_users()
    {
        var users = PeerSampleImporter.ReadFoodCardUsers(TestData.PeerTables);
        users.Select(u => u.UserId).Should().Equal("peer-1", "peer-2", "peer-3");
        users[0].Balance.Should().Be(25_000);
        users[0].TargetAgeGroup.Should().Be("청소년");
        users[2].TargetAgeGroup.Should().Be("청년");
        users.Should().OnlyContain(u => u.Status == "ACTIVE" && u.Synthetic);
        users[0].ToString().Should().NotContain("1234-5678");
    }

    [Fact]
    public void Reads_the_coupons_it_can_express_and_names_the_ones_it_cannot()
    {
        var (coupons, rejected) = PeerSampleImporter.ReadCoupons(TestData.PeerTables, TestData.Map);

        var emergency = coupons.Single(c => c.Id == "MONTHLY20");
        emergency.Usage.Should().Be(CouponUsage.FoodCard, "the month-end emergency support applies wherever the meal card pays");
        emergency.DiscountAmount.Should().Be(2_000);
        emergency.MinOrderAmount.Should().Be(3_000);
        (emergency.ValidFrom, emergency.ValidUntil).Should().Be((new DateOnly(2025, 8, 25), new DateOnly(2025, 8, 31)));
        coupons.Single(c => c.Id == "KOREAN10").Should().Match<Coupon>(c => c.Usage == CouponUsage.Category && c.DiscountRate == 0.1m
            && c.TargetCategories.SequenceEqual(new[] { FoodCategory.Korean }));
        coupons.Single(c => c.Id == "FASTFOOD20").TargetCategories.Should().Equal(FoodCategory.Burger);
        coupons.Single(c => c.Id == "TEEN15").DiscountRate.Should().BeNull("an amount of 0 or a missing rate is no discount");
        rejected.Should().ContainSingle().Which.Reason.Should().Contain("GOOD5").And.Contain("GOOD_SHOP");
    }

    [Fact]
    public void The_sample_tables_in_a_peer_folder_bring_their_accounts_and_coupons()
    {
        var result = MerchantImport.ReadFile("peer", Path.GetDirectoryName(TestData.PeerTables)!, TestData.Map, TestData.MenuKinds);

        result.Shops.Should().HaveCount(10);
        result.Accounts.Select(a => a.UserId).Should().Equal("peer-1", "peer-2", "peer-3");
        result.Coupons.Select(c => c.Id).Should().Contain("MONTHLY20").And.NotContain("GOOD5");
    }

    [Fact]
    public void Not_approved_shops_are_rejected()
    {
        const string json = """{"restaurants":[{"shopName":"가게","metadata":{"originalId":1},"attributes":{"isApproved":false}},{"shopName":"가게2","shopId":"x"}]}""";
        var result = new PeerSampleImporter(TestData.Map, TestData.MenuKinds).Import(json);
        result.Shops.Should().ContainSingle().Which.Id.Should().Be("peer:x");
        result.Rejected.Should().ContainSingle().Which.Reason.Should().Contain("isApproved");
    }
}

public class SeoulKkumnamuImporterTests
{
    [Fact]
    public void Imports_the_seoul_export_with_stable_ids()
    {
        var result = new SeoulKkumnamuImporter(TestData.Map).ImportFile(TestData.Seoul);
        result.Rejected.Should().BeEmpty();
        // 1,968 rows; four name+address pairs appear twice.
        result.Shops.Should().HaveCount(1_964);
        result.Shops.Should().OnlyContain(s => s.Location == null && s.Hours == null && s.Menus.Count == 0);
        result.Shops.Should().OnlyContain(s => s.MealCard == MealCardAcceptance.Yes && s.SourceId.Length == 16);
        result.Shops.Count(s => s.Category == FoodCategory.Bakery).Should().BeGreaterThan(400);
        result.Shops.Count(s => s.Category == FoodCategory.Bunsik).Should().BeGreaterThan(100);

        var again = new SeoulKkumnamuImporter(TestData.Map).ImportFile(TestData.Seoul);
        again.Shops.Select(s => s.Id).Should().Equal(result.Shops.Select(s => s.Id));

        var first = result.Shops[0];
        first.Name.Should().Be("김밥마을");
        first.SourceCategory.Should().Be("한식");
        first.Category.Should().Be(FoodCategory.Bunsik);
        first.Id.Should().Be("seoul:" + ImportParsing.StableId("김밥마을", "서울 영등포구 대림로22길 33, 101호 （대림동）"));
    }

    [Fact]
    public void Stable_id_ignores_spacing_and_case()
    {
        ImportParsing.StableId("Cafe  A", " 서울 중구 1 ").Should().Be(ImportParsing.StableId("CAFE A", "서울 중구 1"));
        ImportParsing.StableId("A", "x").Should().NotBe(ImportParsing.StableId("A", "y"));
        // Pinned: changing the hash would give every Seoul shop a new id on the next import.
        ImportParsing.StableId("김밥마을", "주소").Should().Be("691cf4a049be6e14");
    }
}
