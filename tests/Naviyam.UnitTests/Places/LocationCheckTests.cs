using Naviyam.Places;
using Naviyam.Shops;

namespace Naviyam.UnitTests.Places;

public class LocationCheckTests
{
    private static readonly AdminAreas Areas = PlacesTestData.Areas;
    private static readonly AddressParser Parser = new(Areas);
    private static readonly LocationCheck Check = new(Areas);

    private static readonly GeoPoint SeoulPoint = new(37.6189289, 126.9097924);

    private static AdminArea Dong(string sigungu, string dong) => Areas.Dongs.Single(d => d.Sigungu == sigungu && d.Eupmyeondong == dong);

    private static int SigunguId(string sigungu) => Areas.Sigungus.Single(s => s.Sigungu == sigungu).Id;

    [Fact]
    public void Coordinates_inside_the_addresss_sigungu_are_kept()
    {
        var point = new GeoPoint(33.2380459, 126.5119547);

        var verdict = Check.Check(Parser.Parse("제주특별자치도 서귀포시 법환동 1217-1 1층"), point);

        verdict.Should().Be(new LocationVerdict(LocationStatus.Consistent, point, PositionPrecision.Coordinates, verdict.MetersFromArea, verdict.ToleranceMeters));
        verdict.IsApproximate.Should().BeFalse();
    }

    [Fact]
    public void A_Jeju_shop_at_a_Seoul_point_is_placed_at_its_addresss_dong_instead()
    {
        var verdict = Check.Check(Parser.Parse("제주특별자치도 제주시 노형동 3787-5 시나르"), SeoulPoint);

        verdict.Status.Should().Be(LocationStatus.Outside);
        verdict.Position.Should().Be(Dong("제주시", "노형동").Point);
        verdict.Precision.Should().Be(PositionPrecision.Eupmyeondong);
        verdict.IsApproximate.Should().BeTrue();
        verdict.MetersFromArea.Should().BeGreaterThan(400_000);
    }

    [Fact]
    public void Without_a_dong_the_gazetteer_knows_it_is_the_sigungus_point_or_the_learned_point_of_its_legal_dong()
    {
        var address = Parser.Parse("제주특별자치도 서귀포시 법환동 282-1 1층");
        var learned = new GeoPoint(33.24, 126.51);

        Check.Check(address, SeoulPoint).Should().Match<LocationVerdict>(v =>
            v.Status == LocationStatus.Outside && v.Precision == PositionPrecision.Sigungu && v.Position == Areas[SigunguId("서귀포시")].Point);
        Check.Check(address, SeoulPoint, learned).Should().Match<LocationVerdict>(v =>
            v.Status == LocationStatus.Outside && v.Precision == PositionPrecision.Eupmyeondong && v.Position == learned);
    }

    [Fact]
    public void A_real_shop_near_its_sigungus_border_is_not_flagged()
    {
        // Daegu's 연경동 (북구) lies 3.6 km from the nearest 북구 point, nearer to 동구's.
        var verdict = Check.Check(Parser.Parse("대구 북구 동화천로59길 22 (연경동)"), new GeoPoint(35.94377023, 128.6246416));

        verdict.Status.Should().Be(LocationStatus.Consistent);
        verdict.MetersFromArea.Should().BeGreaterThan(3_000).And.BeLessThan(verdict.ToleranceMeters!.Value);
    }

    [Fact]
    public void A_point_in_the_next_city_is_flagged_even_close_by()
    {
        // 은평구's own point, for a shop whose address is in 마포구 next door (about 5 km from 마포구's nearest point).
        var verdict = Check.Check(Parser.Parse("서울특별시 마포구 서교동 395-154 1층"), SeoulPoint);

        verdict.Status.Should().Be(LocationStatus.Outside);
        verdict.MetersFromArea.Should().BeGreaterThan(verdict.ToleranceMeters!.Value);
    }

    [Fact]
    public void The_tolerance_is_twice_the_widest_gap_between_a_dong_point_and_its_nearest_sibling()
    {
        var jongno = SigunguId("종로구");
        var points = Areas.DongsOf(jongno).Select(id => Areas[id].Point).ToList();
        var widest = points.Max(p => points.Where(q => q != p).Min(q => p.DistanceMetersTo(q)));

        Check.ToleranceMeters(jongno).Should().BeApproximately(2 * widest, 1e-6);
        Check.ToleranceMeters(jongno).Should().BeLessThan(Check.ToleranceMeters(SigunguId("서귀포시")), "a rural city's 읍 and 면 lie further apart");
    }

    [Fact]
    public void Without_coordinates_the_address_gives_an_approximate_position()
    {
        var sinwol = Check.Check(Parser.Parse("서울 양천구 지양로7길 4 1층（신월동）"), null);
        var road = Check.Check(Parser.Parse("서울 영등포구 양평로 51 1층"), null);
        var family = Areas.Dongs.Where(d => d.Sigungu == "양천구" && d.Eupmyeondong!.StartsWith("신월", StringComparison.Ordinal)).ToList();

        sinwol.Should().Match<LocationVerdict>(v => v.Status == LocationStatus.NoCoordinates && v.Precision == PositionPrecision.Eupmyeondong && v.IsApproximate);
        sinwol.Position!.Value.Latitude.Should().BeApproximately(family.Average(d => d.Point.Latitude), 1e-9);
        road.Should().Be(new LocationVerdict(LocationStatus.NoCoordinates, Areas[SigunguId("영등포구")].Point, PositionPrecision.Sigungu));
    }

    [Theory]
    [InlineData("중구 중앙로 1")]
    [InlineData("서울 어딘가")]
    [InlineData(null)]
    public void An_address_that_names_no_sigungu_gives_no_position(string? address) =>
        Check.Check(Parser.Parse(address), null).Should().Be(new LocationVerdict(LocationStatus.Unplaced, null, PositionPrecision.None));

    [Fact]
    public void Coordinates_without_a_sigungu_to_check_them_against_are_kept_unverified()
    {
        var point = new GeoPoint(35.86, 128.60);

        Check.Check(Parser.Parse(null), point).Should().Be(new LocationVerdict(LocationStatus.Unverified, point, PositionPrecision.Coordinates));
    }

    [Fact]
    public void Zero_coordinates_count_as_none() =>
        Check.Check(Parser.Parse("서울 은평구 갈현로 1"), new GeoPoint(0, 0)).Status.Should().Be(LocationStatus.NoCoordinates);

    [Fact]
    public void A_city_address_is_checked_against_all_its_districts() =>
        Check.Check(Parser.Parse("경기도 수원시 효원로 1"), Dong("수원시 팔달구", "인계동").Point).Status.Should().Be(LocationStatus.Consistent);
}
