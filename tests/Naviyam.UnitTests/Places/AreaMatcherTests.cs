using Naviyam.Places;
using Naviyam.Shops;

namespace Naviyam.UnitTests.Places;

/// <summary>"Is this shop inside this area?" on a small list of shops written for each rule.</summary>
public class AreaMatcherTests
{
    private static readonly AdminAreas Areas = PlacesTestData.Areas;

    private static GeoPoint PointOf(string sigungu, string dong) =>
        Areas.Dongs.Single(d => d.Sigungu == sigungu && d.Eupmyeondong == dong).Point;

    private static readonly GeoPoint SeoulPoint = new(37.6189289, 126.9097924); // where the Jeju list puts 20 shops

    private static readonly AreaIndex Index = AreaIndex.Build(Areas,
    [
        new PlaceInput("sinwol-legal-at-1", "서울 양천구 가로공원로 1 （신월동）", PointOf("양천구", "신월1동")),
        new PlaceInput("sinwol-legal-no-point", "서울 양천구 가로공원로 2 （신월동）", null),
        new PlaceInput("sinwol3-at-1", "서울 양천구 신월3동 1", PointOf("양천구", "신월1동")),
        new PlaceInput("ara-il", "제주특별자치도 제주시 아라일동 123", null),
        new PlaceInput("ara-i", "제주특별자치도 제주시 아라이동 5", PointOf("제주시", "아라동")),
        new PlaceInput("beophwan-near-daeryun", "제주특별자치도 서귀포시 법환동 1", PointOf("서귀포시", "대륜동")),
        new PlaceInput("beophwan-no-point", "제주특별자치도 서귀포시 법환동 2", null),
        new PlaceInput("road-at-galhyeon1", "서울 은평구 갈현로 1", PointOf("은평구", "갈현제1동")),
        new PlaceInput("road-no-point", "서울 은평구 갈현로 2", null),
        new PlaceInput("jeju-at-seoul", "제주특별자치도 제주시 노형동 3787-5", SeoulPoint),
        new PlaceInput("no-address", null, PointOf("양천구", "신월1동")),
        new PlaceInput("suwon-no-gu", "경기 수원시 인계동 1", null),
        new PlaceInput("gosung-aewol", "제주시 애월읍 고성리 123", null),
        new PlaceInput("gosung-seongsan", "제주특별자치도 서귀포시 성산읍 고성리 1", null),
    ]);

    private static Area Area(string phrase) => Index.Resolve(phrase).Area ?? throw new InvalidOperationException($"'{phrase}' did not resolve");

    private static string[] In(string phrase) => [.. Index.ShopsIn(Area(phrase)).Select(p => p.ShopId).Order(StringComparer.Ordinal)];

    [Fact]
    public void A_shop_whose_address_names_the_legal_dong_is_in_that_dong_and_the_administrative_one_only_by_its_coordinates()
    {
        // "no-address" has only a point, at 신월1동's: it is placed by it.
        In("신월동").Should().Equal("no-address", "sinwol-legal-at-1", "sinwol-legal-no-point", "sinwol3-at-1");
        In("신월1동").Should().Equal("no-address", "sinwol-legal-at-1");
        In("신월3동").Should().Equal("sinwol3-at-1");
        In("신월2동").Should().BeEmpty();
    }

    [Fact]
    public void The_address_decides_before_the_coordinates() =>
        Index.Contains(Area("신월1동"), "sinwol3-at-1").Should().BeFalse("its address says 신월3동, whatever its point");

    [Fact]
    public void Numbered_hangul_and_legal_spellings_agree()
    {
        In("아라동").Should().Equal("ara-i", "ara-il");
        In("아라1동").Should().Equal("ara-il");
        In("아라일동").Should().Equal("ara-il");
        In("아라2동").Should().Equal("ara-i");
    }

    [Fact]
    public void A_legal_dong_the_gazetteer_lacks_holds_the_shops_naming_it_and_no_administrative_dong_claims_them()
    {
        In("법환동").Should().Equal("beophwan-near-daeryun", "beophwan-no-point");
        // The address names 법환동, which no 대륜동 spelling relates to: saying the shop is in 대륜동 would rest on the
        // coordinates alone, and the address names another place.
        In("대륜동").Should().BeEmpty();
        Index.PlaceOf("beophwan-near-daeryun")!.Should().Match<ShopPlace>(p => p.DongEvidence == DongEvidence.Coordinates && Areas[p.AdminDongId].Eupmyeondong == "대륜동");
        Index.PlaceOf("beophwan-no-point")!.AdminDongId.Should().Be(-1);
    }

    [Fact]
    public void A_legal_dong_whose_served_shops_nearly_all_lie_in_one_administrative_dong_is_in_it()
    {
        // 색달동 is a legal 동 of 중문동 that no spelling relates to it; two of its shops agree they are there, so the
        // third, without coordinates, is there too. 서귀동 spans several 읍면동: its shops stay out of each.
        var jungmun = PointOf("서귀포시", "중문동");
        var index = AreaIndex.Build(Areas,
        [
            new PlaceInput("saekdal-1", "제주특별자치도 서귀포시 색달동 1534", new GeoPoint(jungmun.Latitude + 0.002, jungmun.Longitude)),
            new PlaceInput("saekdal-2", "제주특별자치도 서귀포시 색달동 2900", new GeoPoint(jungmun.Latitude - 0.002, jungmun.Longitude)),
            new PlaceInput("saekdal-3", "제주특별자치도 서귀포시 색달동 1000", null),
            new PlaceInput("seogwi-1", "제주특별자치도 서귀포시 서귀동 1", PointOf("서귀포시", "정방동")),
            new PlaceInput("seogwi-2", "제주특별자치도 서귀포시 서귀동 2", PointOf("서귀포시", "천지동")),
        ]);

        index.ShopsIn(index.Resolve("중문동").Area!).Select(p => p.ShopId).Should().Equal("saekdal-1", "saekdal-2", "saekdal-3");
        index.ShopsIn(index.Resolve("정방동").Area!).Should().BeEmpty();
        index.ShopsIn(index.Resolve("천지동").Area!).Should().BeEmpty();
    }

    [Fact]
    public void A_road_address_without_a_dong_is_placed_in_a_dong_only_by_its_coordinates()
    {
        In("은평구").Should().Equal("road-at-galhyeon1", "road-no-point");
        In("갈현1동").Should().Equal("road-at-galhyeon1");
        Index.PlaceOf("road-no-point")!.AdminDongId.Should().Be(-1);
    }

    [Fact]
    public void Coordinates_that_contradict_the_address_are_ignored()
    {
        var place = Index.PlaceOf("jeju-at-seoul")!;

        Index.Contains(Area("노형동"), "jeju-at-seoul").Should().BeTrue();
        Index.Contains(Area("은평구"), "jeju-at-seoul").Should().BeFalse();
        Index.Contains(Area("서울"), "jeju-at-seoul").Should().BeFalse();
        place.Location.Status.Should().Be(LocationStatus.Outside);
        place.Location.Position.Should().Be(PointOf("제주시", "노형동"));
    }

    [Fact]
    public void A_shop_without_an_address_is_placed_by_its_coordinates()
    {
        var place = Index.PlaceOf("no-address")!;

        (Areas[place.SidoId].Sido, Areas[place.SigunguId].Sigungu, Areas[place.AdminDongId].Eupmyeondong).Should().Be(("서울특별시", "양천구", "신월1동"));
        Index.Contains(Area("신월1동"), "no-address").Should().BeTrue();
        Index.Contains(Area("양천구"), "no-address").Should().BeTrue();
    }

    [Fact]
    public void A_city_of_several_districts_holds_its_districts_shops()
    {
        In("수원").Should().Equal("suwon-no-gu");
        In("팔달구").Should().Equal("suwon-no-gu");
    }

    [Fact]
    public void A_ri_is_the_one_of_its_eup_or_myeon()
    {
        In("애월읍 고성리").Should().Equal("gosung-aewol");
        In("성산읍 고성리").Should().Equal("gosung-seongsan");
        In("애월읍").Should().Equal("gosung-aewol");
        In("제주시").Should().Equal("ara-i", "ara-il", "gosung-aewol", "jeju-at-seoul");
    }

    [Fact]
    public void A_shop_not_indexed_is_in_no_area() => Index.Contains(Area("서울"), "unknown").Should().BeFalse();
}
