using Naviyam.Shops;
using Naviyam.Places;

namespace Naviyam.UnitTests.Places;

public class AdminAreasTests
{
    private static readonly AdminAreas Areas = PlacesTestData.Areas;

    private static int Sigungu(string sido, string sigungu) => Areas.FindSigungus(sigungu, Areas.FindSido(sido)).Single();

    private static string[] Match(string sido, string sigungu, string written, out DongMatchKind kind)
    {
        var match = Areas.MatchDong(Areas.ParseDongName(written)!.Value, Sigungu(sido, sigungu));
        kind = match.Kind;
        return match.DongIds.Select(id => Areas[id].Eupmyeondong!).Order(StringComparer.Ordinal).ToArray();
    }

    [Theory]
    [InlineData("서울", "서울특별시")]
    [InlineData("서울시", "서울특별시")]
    [InlineData("서울특별시", "서울특별시")]
    [InlineData("제주", "제주특별자치도")]
    [InlineData("제주도", "제주특별자치도")]
    [InlineData("제주특별자치도", "제주특별자치도")]
    [InlineData("대구", "대구광역시")]
    [InlineData("경기", "경기도")]
    [InlineData("강원특별자치도", "강원도")]
    [InlineData("전북특별자치도", "전라북도")]
    [InlineData("충북", "충청북도")]
    [InlineData("세종시", "세종특별자치시")]
    public void A_sido_is_found_under_every_name_it_goes_by(string written, string sido) =>
        Areas[Areas.FindSido(written)].Sido.Should().Be(sido);

    [Theory]
    [InlineData("", "은평구", "서울특별시 은평구")]
    [InlineData("경기", "수원시 팔달구", "경기도 수원시 팔달구")]
    [InlineData("경기", "수원시팔달구", "경기도 수원시 팔달구")]
    [InlineData("경기", "팔달구", "경기도 수원시 팔달구")]
    [InlineData("경북", "포항시 남구", "경상북도 포항시 남구")]
    [InlineData("인천", "남구", "인천광역시 미추홀구")]
    [InlineData("대구", "군위군", "경상북도 군위군")]
    [InlineData("대구", "중구", "대구광역시 중구")]
    public void A_sigungu_is_found_by_its_name_its_district_or_its_former_name(string sido, string written, string fullName)
    {
        var sidoId = sido.Length == 0 ? -1 : Areas.FindSido(sido);

        Areas.FindSigungus(written, sidoId).Select(id => Areas[id].FullName).Should().Equal(fullName);
    }

    [Fact]
    public void A_name_many_cities_share_is_every_one_of_them_without_a_sido() =>
        Areas.FindSigungus("중구").Select(id => Areas[id].Sido).Should()
            .BeEquivalentTo(["서울특별시", "부산광역시", "대구광역시", "인천광역시", "대전광역시", "울산광역시"]);

    [Theory]
    [InlineData("은평", "서울특별시 은평구")]
    [InlineData("달서", "대구광역시 달서구")]
    [InlineData("서귀포", "제주특별자치도 서귀포시")]
    [InlineData("팔달", "경기도 수원시 팔달구")]
    public void A_sigungu_stem_names_it_when_unique(string stem, string fullName) =>
        Areas.FindSigungusByStem(stem).Select(id => Areas[id].FullName).Should().Equal(fullName);

    [Fact]
    public void One_letter_stems_name_nothing() => Areas.FindSigungusByStem("중").Should().BeEmpty();

    [Theory]
    [InlineData("제주", "제주시", "일도이동", DongMatchKind.Exact, new[] { "일도2동" })]
    [InlineData("제주", "제주시", "일도2동", DongMatchKind.Exact, new[] { "일도2동" })]
    [InlineData("제주", "제주시", "삼도 2동", DongMatchKind.Exact, new[] { "삼도2동" })]
    [InlineData("제주", "제주시", "아라일동", DongMatchKind.Within, new[] { "아라동" })]
    [InlineData("제주", "제주시", "도두이동", DongMatchKind.Within, new[] { "도두동" })]
    [InlineData("제주", "제주시", "애월읍", DongMatchKind.Exact, new[] { "애월읍" })]
    [InlineData("서울", "양천구", "신월동", DongMatchKind.Spans, new[] { "신월1동", "신월2동", "신월3동", "신월4동", "신월5동", "신월6동", "신월7동" })]
    [InlineData("서울", "양천구", "신월3동", DongMatchKind.Exact, new[] { "신월3동" })]
    [InlineData("서울", "종로구", "종로1가", DongMatchKind.Exact, new[] { "종로1.2.3.4가동" })]
    [InlineData("서울", "종로구", "종로6가", DongMatchKind.Exact, new[] { "종로5.6가동" })]
    [InlineData("서울", "용산구", "한강로2가", DongMatchKind.Within, new[] { "한강로동" })]
    [InlineData("서울", "중구", "명동1가", DongMatchKind.Within, new[] { "명동" })]
    [InlineData("서울", "중구", "신당5동", DongMatchKind.Exact, new[] { "신당제5동" })]
    [InlineData("서울", "성동구", "성수동1가", DongMatchKind.Spans, new[] { "성수1가제1동", "성수1가제2동" })]
    [InlineData("서울", "관악구", "신림동", DongMatchKind.Spans, new[] { "난곡동", "난향동", "대학동", "미성동", "삼성동", "서림동", "서원동", "신림동", "신사동", "신원동", "조원동" })]
    [InlineData("서울", "관악구", "봉천동", DongMatchKind.Spans, new[] { "낙성대동", "보라매동", "성현동", "은천동", "인헌동", "중앙동", "청룡동", "청림동", "행운동" })]
    [InlineData("서울", "중랑구", "묵동", DongMatchKind.Spans, new[] { "묵제1동", "묵제2동" })]
    [InlineData("서울", "성북구", "하월곡동", DongMatchKind.Spans, new[] { "월곡제1동", "월곡제2동" })]
    [InlineData("서울", "강서구", "내발산동", DongMatchKind.Within, new[] { "발산제1동" })]
    [InlineData("부산", "연제구", "거제동", DongMatchKind.Spans, new[] { "거제제1동", "거제제2동", "거제제3동", "거제제4동" })]
    public void A_written_dong_stands_for_the_administrative_dongs_it_names_is_part_of_or_spans(
        string sido, string sigungu, string written, DongMatchKind kind, string[] dongs)
    {
        Match(sido, sigungu, written, out var actualKind).Should().Equal(dongs);
        actualKind.Should().Be(kind);
    }

    [Fact]
    public void A_legal_dong_named_otherwise_than_its_administrative_one_matches_none() =>
        Match("제주", "서귀포시", "법환동", out _).Should().BeEmpty();

    [Fact]
    public void The_nearest_dong_is_found_through_the_grid_as_by_a_full_scan()
    {
        var random = new Random(7);
        var points = Enumerable.Range(0, 300).Select(_ => new GeoPoint(33 + random.NextDouble() * 5.5, 125 + random.NextDouble() * 6.5))
            .Append(new GeoPoint(1, 1)) // far outside Korea (a shop geocoded to 0,0 or abroad) still gets the nearest one
            .Append(new GeoPoint(37.6189289, 126.9097924));
        foreach (var point in points)
        {
            var scanned = Areas.Dongs.MinBy(d => point.DistanceMetersTo(d.Point))!.Id;

            Areas.NearestDong(point).Should().Be(scanned);
        }
    }

    [Fact]
    public void The_nearest_dong_among_some_is_the_nearest_by_distance()
    {
        var point = new GeoPoint(37.5252, 126.8405); // between 신월 dongs
        var sinwol = Areas.Dongs.Where(d => d.Eupmyeondong!.StartsWith("신월", StringComparison.Ordinal) && d.Sigungu == "양천구").Select(d => d.Id).ToArray();

        Areas.NearestDong(point, sinwol).Should().Be(sinwol.MinBy(id => point.DistanceMetersTo(Areas[id].Point)));
        Areas.NearestDong(point, []).Should().Be(-1);
    }
}
