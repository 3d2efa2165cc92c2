using Naviyam.Catalog.Import;
using Naviyam.Places;
using Naviyam.Shops;

namespace Naviyam.Import.Tests;

/// <summary>The rules of <see cref="ShopLocator"/>, one small list each, against the shipped gazetteer.</summary>
public class ShopLocatorTests
{
    // The point several Jeju rows share although their addresses are all over the country (은평구, Seoul).
    private static readonly GeoPoint SeoulPoint = new(37.6189289, 126.9097924);

    private static readonly ShopLocator Locator = new(TestData.Areas);

    private static ShopRecord Shop(string id, string? address, GeoPoint? location) => new()
    {
        Id = $"test:{id}", Source = "test", SourceId = id, Name = $"가게 {id}", Category = FoodCategory.Korean, Address = address, Location = location,
    };

    private static GeoPoint DongPoint(string sigungu, string dong) =>
        TestData.Areas.Dongs.Single(d => d.Sigungu == sigungu && d.Eupmyeondong == dong).Point;

    private static GeoPoint SigunguPoint(string sido, string sigungu) =>
        TestData.Areas.Sigungus.Single(s => s.Sido == sido && s.Sigungu == sigungu).Point;

    [Fact]
    public void Coordinates_inside_the_addresss_sigungu_are_kept_as_they_are()
    {
        var point = new GeoPoint(33.2380459, 126.5119547);
        var (shops, counts) = Locator.Locate([Shop("1", "제주특별자치도 서귀포시 법환동 1217-1 1층", point)]);

        shops[0].Location.Should().Be(point);
        shops[0].LocationApproximate.Should().BeFalse();
        shops[0].ApproximateArea.Should().BeNull();
        counts.Should().Be(new LocationCounts(Consistent: 1, Relocated: 0, FromAddress: 0, Unverified: 0, Unplaced: 0));
    }

    [Fact]
    public void A_shop_at_a_point_outside_its_addresss_sigungu_is_flagged_and_moved_to_its_dong()
    {
        var (shops, counts) = Locator.Locate([Shop("1", "제주특별자치도 제주시 노형동 3787-5 시나르", SeoulPoint)]);

        shops[0].Location.Should().Be(DongPoint("제주시", "노형동"));
        shops[0].LocationApproximate.Should().BeTrue();
        shops[0].ApproximateArea.Should().Be("제주특별자치도 제주시 노형동");
        counts.Relocated.Should().Be(1);
        counts.Approximate.Should().Be(1);
    }

    [Fact]
    public void A_shop_whose_dong_cannot_be_placed_is_moved_to_its_sigungu()
    {
        // 명륜4가 is a legal 가 no administrative 동 of 종로구 is named after, and no other shop of the list places it.
        var (shops, _) = Locator.Locate([Shop("1", "서울특별시 종로구 명륜4가 107 지층", SeoulPoint)]);

        shops[0].Location.Should().Be(SigunguPoint("서울특별시", "종로구"));
        shops[0].LocationApproximate.Should().BeTrue();
        shops[0].ApproximateArea.Should().Be("서울특별시 종로구");
    }

    [Fact]
    public void A_list_without_coordinates_is_placed_by_its_addresses()
    {
        var (shops, counts) = Locator.Locate(
        [
            Shop("dong", "서울 영등포구 대림로22길 33, 101호 （대림동）", null),
            Shop("road", "서울 영등포구 양평로 51 1층", null),
            Shop("exact", "서울 은평구 불광동 281-2", null),
        ]);

        shops.Should().OnlyContain(s => s.LocationApproximate && s.Location != null);
        shops[0].ApproximateArea.Should().Be("서울특별시 영등포구 대림동", "대림동 spans 대림1동 … 대림3동");
        shops[1].Location.Should().Be(SigunguPoint("서울특별시", "영등포구"), "a road alone says only the 구");
        shops[1].ApproximateArea.Should().Be("서울특별시 영등포구");
        shops[2].ApproximateArea.Should().Be("서울특별시 은평구 불광동");
        counts.FromAddress.Should().Be(3);
        counts.Approximate.Should().Be(3);
    }

    [Fact]
    public void Coordinates_with_an_address_that_names_no_sigungu_are_kept_unverified()
    {
        var point = new GeoPoint(35.87724196, 128.7321533);
        var (shops, counts) = Locator.Locate([Shop("1", "이노밸리로 322 비젼스퀘어2", point)]);

        shops[0].Location.Should().Be(point);
        shops[0].LocationApproximate.Should().BeFalse();
        counts.Unverified.Should().Be(1);
    }

    [Fact]
    public void A_shop_with_neither_coordinates_nor_a_placeable_address_stays_unplaced()
    {
        var (shops, counts) = Locator.Locate([Shop("1", null, null), Shop("2", "어딘가 1층", null)]);

        shops.Should().OnlyContain(s => s.Location == null && !s.LocationApproximate);
        counts.Unplaced.Should().Be(2);
    }

    [Fact]
    public void A_position_an_earlier_import_made_approximate_stays_approximate()
    {
        var dong = DongPoint("제주시", "노형동");
        var already = Shop("1", "제주특별자치도 제주시 노형동 3787-5", dong) with { LocationApproximate = true, ApproximateArea = "제주특별자치도 제주시 노형동" };

        var (shops, counts) = Locator.Locate([already]);

        shops[0].Should().Be(already);
        counts.AlreadyApproximate.Should().Be(1);
        counts.Approximate.Should().Be(1);
    }
}
