using Naviyam.Places;
using Xunit.Abstractions;

namespace Naviyam.UnitTests.Places;

/// <summary>
/// How well the real merchant lists (read in place from ../shared/data) are located. The floors sit just below what
/// was measured (reported in the test output), so a change that makes any list worse fails here.
/// </summary>
public class RealListMeasurementTests(ITestOutputHelper output)
{
    private static readonly AdminAreas Areas = PlacesTestData.Areas;

    private static readonly Lazy<AreaIndex> Jeju = new(() => Build(RealLists.Jeju));
    private static readonly Lazy<AreaIndex> Daegu = new(() => Build(RealLists.Daegu));
    private static readonly Lazy<AreaIndex> Seoul = new(() => Build(RealLists.Seoul));

    private static AreaIndex Build(IReadOnlyList<RealRow> rows) =>
        AreaIndex.Build(Areas, rows.Select(r => new PlaceInput(r.Id, r.Address, r.Location)));

    private double Share(string list, string what, IReadOnlyList<ShopPlace> places, Func<ShopPlace, bool> counted)
    {
        var count = places.Count(counted);
        var share = 100.0 * count / places.Count;
        output.WriteLine($"{list}: {what}: {count} of {places.Count} ({share:F1} %)");
        return share;
    }

    [Theory]
    [InlineData("jeju", 99.5, 99.5)]
    [InlineData("daegu", 99.5, 99.5)]
    [InlineData("seoul", 99.5, 78.0)]
    public void Addresses_are_parsed_to_sigungu_and_eupmyeondong(string list, double sigunguFloor, double dongFloor)
    {
        var places = (list switch { "jeju" => Jeju, "daegu" => Daegu, _ => Seoul }).Value.Places;

        var sigungu = Share(list, "시군구 parsed", places, p => p.Address.SigunguId >= 0);
        var dong = Share(list, "읍면동 parsed (inside its 시군구)", places, p => p.Address.Level == AreaLevel.Eupmyeondong);
        Share(list, "읍면동 related by name to administrative ones", places, p => !p.Address.DongMatch.IsEmpty);
        Share(list, "in one administrative 읍면동 (by address, else coordinates)", places, p => p.AdminDongId >= 0);

        sigungu.Should().BeGreaterThanOrEqualTo(sigunguFloor);
        dong.Should().BeGreaterThanOrEqualTo(dongFloor);
    }

    [Fact]
    public void Daegus_lot_addresses_alone_are_mostly_located_by_their_dong()
    {
        var parser = new AddressParser(Areas);
        var parsed = RealLists.DaeguLotAddresses.Select(r => parser.Parse(r.Address)).ToList();
        var located = parsed.Where(p => p.SigunguId >= 0).ToList();
        var inDaegu = located.Count(p => Areas[p.SidoId].Sido == "대구광역시");
        output.WriteLine($"daegu lot addresses alone (\"이곡동 1248\"): 시군구 found for {located.Count} of {parsed.Count} " +
                         $"({100.0 * located.Count / parsed.Count:F1} %), {inDaegu} of them in 대구 (a 동 name alone can be another city's: 대곡동 → 김천시)");

        (100.0 * located.Count / parsed.Count).Should().BeGreaterThanOrEqualTo(60.0);
        (100.0 * inDaegu / located.Count).Should().BeGreaterThanOrEqualTo(95.0);
    }

    [Fact]
    public void About_forty_Jeju_rows_have_coordinates_outside_their_addresss_sigungu_several_at_one_Seoul_point()
    {
        var outside = Jeju.Value.Places.Where(p => p.Location.Status == LocationStatus.Outside).ToList();
        var sharedPoints = RealLists.Jeju.Where(r => outside.Any(p => p.ShopId == r.Id))
            .GroupBy(r => r.Location).OrderByDescending(g => g.Count()).ToList();
        output.WriteLine($"jeju: {outside.Count} rows outside their address's 시군구; shared points: " +
                         string.Join(", ", sharedPoints.Take(3).Select(g => $"{g.Key} × {g.Count()}")));
        output.WriteLine($"jeju: relocated to their 읍면동 {outside.Count(p => p.Location.Precision == PositionPrecision.Eupmyeondong)}, to their 시군구 {outside.Count(p => p.Location.Precision == PositionPrecision.Sigungu)}");

        outside.Should().HaveCountGreaterThanOrEqualTo(36).And.HaveCountLessThanOrEqualTo(40);
        outside.Should().OnlyContain(p => p.Location.IsApproximate && p.Location.Position != null);
        sharedPoints[0].Count().Should().BeGreaterThanOrEqualTo(15, "about 20 rows share one point in Seoul");
        Jeju.Value.Places.Count(p => p.Location.Status == LocationStatus.Consistent).Should().BeGreaterThanOrEqualTo(2_300);
    }

    [Fact]
    public void Daegu_coordinates_agree_with_their_addresses()
    {
        var outside = Daegu.Value.Places.Count(p => p.Location.Status == LocationStatus.Outside);
        output.WriteLine($"daegu: {outside} rows outside their address's 시군구");

        outside.Should().BeLessThanOrEqualTo(2);
    }

    [Fact]
    public void Seoul_addresses_get_approximate_positions()
    {
        var places = Seoul.Value.Places;

        var approximate = Share("seoul", "approximate position", places, p => p.Location.IsApproximate && p.Location.Position is not null);
        var atDong = Share("seoul", "approximate position at the 읍면동", places, p => p.Location.Precision == PositionPrecision.Eupmyeondong);
        Share("seoul", "approximate position at the 시군구", places, p => p.Location.Precision == PositionPrecision.Sigungu);

        approximate.Should().BeGreaterThanOrEqualTo(99.5);
        atDong.Should().BeGreaterThanOrEqualTo(73.5);
        places.Where(p => p.Location.Position is { } point).Should().OnlyContain(p => Areas.Sigungus[0].Point.DistanceMetersTo(p.Location.Position!.Value) < 40_000, "every Seoul position is in Seoul");
    }

    [Theory]
    [InlineData("seoul", "은평구에서", 169)]
    [InlineData("seoul", "신월동", 37)]
    [InlineData("jeju", "아라동 쪽", 18)]
    [InlineData("jeju", "삼도일동", 3)]
    [InlineData("jeju", "애월", 3)]
    [InlineData("jeju", "법환동", 59)]
    [InlineData("daegu", "달서", 340)]
    [InlineData("daegu", "이곡동", 30)]
    public void Named_places_find_the_shops_whose_addresses_are_there(string list, string phrase, int floor)
    {
        var index = (list switch { "jeju" => Jeju, "daegu" => Daegu, _ => Seoul }).Value;
        var area = index.Resolve(phrase).Area!;
        var count = index.ShopsIn(area).Count();
        output.WriteLine($"{list}: \"{phrase}\" → {area.FullName} ({area.Kind}): {count} shops");

        count.Should().BeGreaterThanOrEqualTo(floor);
    }
}
