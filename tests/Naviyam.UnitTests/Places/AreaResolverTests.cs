using Naviyam.Places;
using Naviyam.Shops;

namespace Naviyam.UnitTests.Places;

public class AreaResolverTests
{
    private static readonly AdminAreas Areas = PlacesTestData.Areas;
    private static readonly AreaResolver Resolver = new(Areas);

    private static GeoPoint PointOf(string sigungu, string dong) =>
        Areas.Dongs.Single(d => d.Sigungu == sigungu && d.Eupmyeondong == dong).Point;

    [Theory]
    [InlineData("은평구에서", "서울특별시 은평구", AreaLevel.Sigungu)]
    [InlineData("은평구 쪽", "서울특별시 은평구", AreaLevel.Sigungu)]
    [InlineData("은평", "서울특별시 은평구", AreaLevel.Sigungu)]
    [InlineData("달서", "대구광역시 달서구", AreaLevel.Sigungu)]
    [InlineData("강동 쪽", "서울특별시 강동구", AreaLevel.Sigungu)]
    [InlineData("성동", "서울특별시 성동구", AreaLevel.Sigungu)]
    [InlineData("명동", "서울특별시 중구 명동", AreaLevel.Eupmyeondong)]
    [InlineData("신당제5동", "서울특별시 중구 신당제5동", AreaLevel.Eupmyeondong)]
    [InlineData("달서구", "대구광역시 달서구", AreaLevel.Sigungu)]
    [InlineData("대구 중구", "대구광역시 중구", AreaLevel.Sigungu)]
    [InlineData("수원 팔달구", "경기도 수원시 팔달구", AreaLevel.Sigungu)]
    [InlineData("수원시 팔달구", "경기도 수원시 팔달구", AreaLevel.Sigungu)]
    [InlineData("삼도이동 근처", "제주특별자치도 제주시 삼도2동", AreaLevel.Eupmyeondong)]
    [InlineData("삼도2동", "제주특별자치도 제주시 삼도2동", AreaLevel.Eupmyeondong)]
    [InlineData("삼도 2동에서", "제주특별자치도 제주시 삼도2동", AreaLevel.Eupmyeondong)]
    [InlineData("이도일동", "제주특별자치도 제주시 이도1동", AreaLevel.Eupmyeondong)]
    [InlineData("애월", "제주특별자치도 제주시 애월읍", AreaLevel.Eupmyeondong)]
    [InlineData("애월읍 쪽", "제주특별자치도 제주시 애월읍", AreaLevel.Eupmyeondong)]
    [InlineData("애월근처", "제주특별자치도 제주시 애월읍", AreaLevel.Eupmyeondong)]
    [InlineData("제주시 애월읍", "제주특별자치도 제주시 애월읍", AreaLevel.Eupmyeondong)]
    [InlineData("종로 3가", "서울특별시 종로구 종로1.2.3.4가동", AreaLevel.Eupmyeondong)]
    [InlineData("서울 신림동", "서울특별시 관악구 신림동", AreaLevel.Eupmyeondong)]
    [InlineData("서울", "서울특별시", AreaLevel.Sido)]
    [InlineData("제주도", "제주특별자치도", AreaLevel.Sido)]
    [InlineData("제주", "제주특별자치도", AreaLevel.Sido)]
    [InlineData("서귀포", "제주특별자치도 서귀포시", AreaLevel.Sigungu)]
    [InlineData("강원특별자치도", "강원도", AreaLevel.Sido)]
    public void A_place_as_people_write_it_resolves_to_one_area(string phrase, string fullName, AreaLevel level)
    {
        var area = Resolver.Resolve(phrase).Area;

        area.Should().NotBeNull();
        (area!.FullName, area.Level).Should().Be((fullName, level));
    }

    [Fact]
    public void A_bare_legal_dong_is_every_administrative_dong_it_was_split_into()
    {
        var area = Resolver.Resolve("신월동")!.Area!;

        area.Kind.Should().Be(AreaKind.DongFamily);
        area.FullName.Should().Be("서울특별시 양천구 신월동");
        area.Children.Select(id => Areas[id].Eupmyeondong).Should().BeEquivalentTo(["신월1동", "신월2동", "신월3동", "신월4동", "신월5동", "신월6동", "신월7동"]);
        area.Point.Latitude.Should().BeApproximately(area.Children.Average(id => Areas[id].Point.Latitude), 1e-9);
    }

    [Theory]
    [InlineData("신림동에서", 11)]
    [InlineData("봉천동", 9)]
    public void A_legal_dong_split_into_dongs_named_otherwise_is_all_of_them(string phrase, int dongs)
    {
        // 관악구 renamed its numbered 동 in 2008 (data/places/aliases.json): the legal names still mean the whole area.
        var area = Resolver.Resolve(phrase)!.Area!;

        area.Kind.Should().Be(AreaKind.DongFamily);
        area.Children.Should().HaveCount(dongs).And.OnlyContain(id => Areas[id].Sigungu == "관악구");
    }

    [Fact]
    public void The_region_a_list_clearly_serves_decides_a_shared_name_before_one_misfiled_shop_does()
    {
        // The Jeju list holds a shop with a Seoul address: it makes 관악구's 중앙동 the only 중앙동 with a served shop,
        // while the list's shops are in 서귀포시 (whose 중앙동 shops name their legal 동 instead).
        var resolver = new AreaResolver(Areas,
            served: area => area.FullName == "서울특별시 관악구 중앙동",
            servedInRegion: area => area.FullName.StartsWith("제주특별자치도 서귀포시", StringComparison.Ordinal) ? 600
                : area.FullName.StartsWith("서울특별시 관악구", StringComparison.Ordinal) ? 1 : 0);

        resolver.Resolve("중앙동").Area!.FullName.Should().Be("제주특별자치도 서귀포시 중앙동");
    }

    [Fact]
    public void An_administrative_area_has_its_point_and_its_administrative_children()
    {
        var seoul = Resolver.Resolve("서울시").Area!;
        var eunpyeong = Resolver.Resolve("은평구").Area!;
        var suwon = Resolver.Resolve("수원").Area!;

        seoul.Children.Should().HaveCount(25).And.OnlyContain(id => Areas[id].Level == AreaLevel.Sigungu);
        eunpyeong.Children.Should().HaveCount(16).And.OnlyContain(id => Areas[id].Sigungu == "은평구");
        eunpyeong.Point.Should().Be(Areas.Sigungus.Single(s => s.Sigungu == "은평구").Point);
        suwon.Kind.Should().Be(AreaKind.City);
        suwon.Children.Select(id => Areas[id].Sigungu).Should().BeEquivalentTo(["수원시 장안구", "수원시 권선구", "수원시 팔달구", "수원시 영통구"]);
    }

    [Theory]
    [InlineData("중구", 6)]
    [InlineData("신촌동", 3)]
    [InlineData("아라동", 2)]
    [InlineData("한림", 2)]
    [InlineData("강서구", 2)]
    public void A_name_several_cities_share_is_ambiguous_without_anything_to_decide(string phrase, int candidates)
    {
        var resolution = Resolver.Resolve(phrase);

        resolution.IsAmbiguous.Should().BeTrue();
        resolution.Area.Should().BeNull();
        resolution.Candidates.Should().HaveCount(candidates);
    }

    [Theory]
    [InlineData("중구", "대구광역시", "수성구", "범어1동", "대구광역시 중구")]
    [InlineData("중구", "서울특별시", "종로구", "사직동", "서울특별시 중구")]
    [InlineData("신촌동", "서울특별시", "마포구", "서교동", "서울특별시 서대문구 신촌동")]
    [InlineData("아라동 쪽", "제주특별자치도", "제주시", "이도2동", "제주특별자치도 제주시 아라동")]
    [InlineData("한림", "제주특별자치도", "제주시", "애월읍", "제주특별자치도 제주시 한림읍")]
    public void The_users_location_decides_between_areas_of_one_name(string phrase, string sido, string sigungu, string dong, string fullName)
    {
        var user = Areas.Dongs.Single(d => d.Sido == sido && d.Sigungu == sigungu && d.Eupmyeondong == dong).Point;

        Resolver.Resolve(phrase, user).Area!.FullName.Should().Be(fullName);
    }

    [Theory]
    [InlineData("강남역")]
    [InlineData("근처")]
    [InlineData("집")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("   ")]
    [InlineData("여기")]
    public void What_is_no_area_resolves_to_nothing(string? phrase)
    {
        var resolution = Resolver.Resolve(phrase);

        resolution.IsFound.Should().BeFalse();
        resolution.IsAmbiguous.Should().BeFalse();
    }

    [Fact]
    public void A_legal_part_no_shop_names_is_searched_as_the_administrative_dong_it_lies_in() =>
        Resolver.Resolve("제주시 아라일동")!.Area!.FullName.Should().Be("제주특별자치도 제주시 아라동");

    [Theory]
    [InlineData("동성로")]
    [InlineData("중앙로")]
    public void A_road_is_not_read_as_a_dong_with_a_particle(string road) =>
        Resolver.Resolve(road).IsFound.Should().BeFalse();

    [Fact]
    public void A_legal_dong_the_gazetteer_lacks_is_unknown_without_shops_that_name_it() =>
        Resolver.Resolve("법환동").IsFound.Should().BeFalse();

    [Fact]
    public void The_served_shops_decide_between_areas_of_one_name()
    {
        var index = AreaIndex.Build(Areas, [new PlaceInput("daegu:1", "대구 중구 동성로 1 (동인동1가)", PointOf("중구", "동인동"))]);

        index.Resolve("중구").Area!.FullName.Should().Be("대구광역시 중구");
        index.Resolve("한림").IsAmbiguous.Should().BeTrue("no served shop is in either 한림");
    }

    [Fact]
    public void When_no_area_of_the_name_holds_a_shop_the_served_city_decides()
    {
        // One Daegu shop, in 동인동: no served shop is in any 대신동, but only 대구 중구's lies where shops are served.
        var index = AreaIndex.Build(Areas, [new PlaceInput("daegu:1", "대구 중구 동성로 1 (동인동1가)", PointOf("중구", "동인동"))]);

        index.Resolve("대신동").Area!.FullName.Should().Be("대구광역시 중구 대신동", "김천시 has a 대신동 too, but no shop is served there");
        index.Resolve("중앙동").IsAmbiguous.Should().BeTrue("대구 중구 has no 중앙동, and many other cities do");
    }

    [Fact]
    public void A_shop_misfiled_in_another_city_does_not_make_a_name_ambiguous()
    {
        // Ten shops in 대구 중구 and one, by a faulty row, in 김천시: 대신동 is still 대구's.
        var shops = Enumerable.Range(0, 10).Select(i => new PlaceInput($"daegu:{i}", "대구 중구 동성로 1 (동인동1가)", PointOf("중구", "동인동")))
            .Append(new PlaceInput("daegu:misfiled", "경상북도 김천시 평화동 1", null));
        var index = AreaIndex.Build(Areas, shops);

        index.Resolve("대신동").Area!.FullName.Should().Be("대구광역시 중구 대신동");
    }

    [Fact]
    public void Legal_dongs_and_ris_named_by_the_served_shops_are_known_too()
    {
        var daeryun = Areas.Dongs.Single(d => d.Sigungu == "서귀포시" && d.Eupmyeondong == "대륜동").Point;
        var index = AreaIndex.Build(Areas,
        [
            new PlaceInput("a", "제주특별자치도 서귀포시 법환동 1217-1 1층", new GeoPoint(daeryun.Latitude + 0.001, daeryun.Longitude)),
            new PlaceInput("b", "제주특별자치도 서귀포시 법환동 331", new GeoPoint(daeryun.Latitude + 0.003, daeryun.Longitude)),
            new PlaceInput("c", "제주특별자치도 서귀포시 법환동 282-1", new GeoPoint(37.6097016, 126.2313928)),
            new PlaceInput("d", "제주특별자치도 제주시 아라일동 123", null),
            new PlaceInput("e", "제주특별자치도 제주시 애월읍 고성리 123", null),
            new PlaceInput("f", "제주특별자치도 서귀포시 성산읍 고성리 1745-2", null),
        ]);

        var beophwan = index.Resolve("법환동 근처").Area!;
        beophwan.Kind.Should().Be(AreaKind.Legal);
        beophwan.FullName.Should().Be("제주특별자치도 서귀포시 법환동");
        beophwan.Point.Latitude.Should().BeApproximately(daeryun.Latitude + 0.003, 1e-9, "the median of the agreeing shops; the one geocoded to 강화 does not count");
        beophwan.Children.Select(id => Areas[id].Eupmyeondong).Should().Equal("대륜동");
        index.Resolve("아라1동").Area!.Should().Match<Area>(a => a.Kind == AreaKind.Legal && a.Name == "아라일동");
        index.Resolve("아라동").Area!.Name.Should().Be("아라동", "the administrative 아라동 holds the legal 아라일동");
        index.Resolve("고성리").IsAmbiguous.Should().BeTrue();
        index.Resolve("애월읍 고성리").Area!.FullName.Should().Be("제주특별자치도 제주시 애월읍 고성리");
        index.Resolve("성산읍 고성리").Area!.FullName.Should().Be("제주특별자치도 서귀포시 성산읍 고성리");
        index.Resolve("한경면 고성리").Area!.FullName.Should().Be("제주특별자치도 제주시 한경면", "no shop names a 고성리 there: the 면 the user named");
    }
}
