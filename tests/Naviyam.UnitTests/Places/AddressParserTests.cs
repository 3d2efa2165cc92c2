using Naviyam.Places;

namespace Naviyam.UnitTests.Places;

public class AddressParserTests
{
    private static readonly AdminAreas Areas = PlacesTestData.Areas;
    private static readonly AddressParser Parser = new(Areas);

    private static string? Sido(ParsedAddress a) => a.SidoId >= 0 ? Areas[a.SidoId].Sido : null;
    private static string? Sigungu(ParsedAddress a) => a.SigunguId >= 0 ? Areas[a.SigunguId].Sigungu : null;
    private static string[] Dongs(ParsedAddress a) => a.DongMatch.DongIds.Select(id => Areas[id].Eupmyeondong!).Order(StringComparer.Ordinal).ToArray();

    [Theory]
    [InlineData("대구 달서구 이곡공원로 24", "대구광역시", "달서구", null, "이곡공원로")]
    [InlineData("서울 영등포구 대림로22길 33, 101호 （대림동）", "서울특별시", "영등포구", "대림동", "대림로22길")]
    [InlineData("서울 마포구 마포대로 180, 1층 1호 마포법조빌딩 （공덕동）", "서울특별시", "마포구", "공덕동", "마포대로")]
    [InlineData("서울 양천구 신목로 34, 1층 104 （신정동, 협승빌딩）", "서울특별시", "양천구", "신정동", "신목로")]
    [InlineData("서울 은평구 갈현로 247 （갈현동, 1층 우측1호）", "서울특별시", "은평구", "갈현동", "갈현로")]
    [InlineData("서울 양천구 지양로7길 4 1층（신월동）", "서울특별시", "양천구", "신월동", "지양로7길")]
    [InlineData("대구 달서구 이곡공원로 24 (이곡동)", "대구광역시", "달서구", "이곡동", "이곡공원로")]
    public void A_road_address_gives_its_sido_sigungu_road_and_the_dong_of_its_reference(
        string address, string sido, string sigungu, string? dong, string road)
    {
        var parsed = Parser.Parse(address);

        (Sido(parsed), Sigungu(parsed), parsed.DongWritten, parsed.Road).Should().Be((sido, sigungu, dong, road));
    }

    [Theory]
    [InlineData("제주특별자치도 서귀포시 법환동 1217-1 1층", "제주특별자치도", "서귀포시", "법환동", null)]
    [InlineData("제주특별자치도 제주시 애월읍 고내리 84 다인오세아노 호텔 6층", "제주특별자치도", "제주시", "애월읍", "고내리")]
    [InlineData("제주시 애월읍 고성리 123", "제주특별자치도", "제주시", "애월읍", "고성리")]
    [InlineData("제주특별자치도 서귀포시 서호동 1605 E동 1층 101호", "제주특별자치도", "서귀포시", "서호동", null)]
    [InlineData("서울특별시 종로구 명륜4가 107 지층", "서울특별시", "종로구", "명륜4가", null)]
    [InlineData("서울 강북구 미아2동 791-963", "서울특별시", "강북구", "미아2동", null)]
    [InlineData("서울 영등포구 당산동5가 42번지 삼성래미안4차아파트 108-1", "서울특별시", "영등포구", "당산동5가", null)]
    public void A_lot_address_gives_its_dong_and_the_ri_of_a_eup_or_myeon(string address, string sido, string sigungu, string dong, string? ri)
    {
        var parsed = Parser.Parse(address);

        (Sido(parsed), Sigungu(parsed), parsed.DongWritten, parsed.Ri).Should().Be((sido, sigungu, dong, ri));
        parsed.Level.Should().Be(AreaLevel.Eupmyeondong);
    }

    [Theory]
    [InlineData("서울 강남구 역삼동 1", "서울특별시")]
    [InlineData("서울시 강남구 역삼동 1", "서울특별시")]
    [InlineData("서울특별시 강남구 역삼동 1", "서울특별시")]
    [InlineData("제주 제주시 연동 1", "제주특별자치도")]
    [InlineData("제주도 제주시 연동 1", "제주특별자치도")]
    [InlineData("대구광역시 중구 동인동 1", "대구광역시")]
    [InlineData("경기 수원시 팔달구 인계동 1", "경기도")]
    [InlineData("경기도 수원시 팔달구 인계동 1", "경기도")]
    [InlineData("강원특별자치도 춘천시 효자동 1", "강원도")]
    [InlineData("전북특별자치도 전주시 완산구 중앙동 1", "전라북도")]
    public void Short_full_and_renamed_sido_names_all_count(string address, string sido) =>
        Sido(Parser.Parse(address)).Should().Be(sido);

    [Theory]
    [InlineData("경기도 수원시 팔달구 인계동 1", "수원시 팔달구")]
    [InlineData("경기 수원시 인계동 1", "수원시 팔달구")]
    [InlineData("경상북도 포항시 남구 대잇동 1", "포항시 남구")]
    [InlineData("경기도 부천시 원미구 심곡동 382-6", "부천시")]
    [InlineData("인천광역시 남구 주안동 1", "미추홀구")]
    [InlineData("대구광역시 군위군 군위읍 1", "군위군")]
    [InlineData("세종특별자치시 조치원읍 1", "세종특별자치시")]
    [InlineData("세종특별자치시 한누리대로 2130", "세종특별자치시")]
    public void A_city_with_districts_an_abolished_district_and_moved_or_renamed_sigungu_are_read(string address, string sigungu) =>
        Sigungu(Parser.Parse(address)).Should().Be(sigungu);

    [Theory]
    [InlineData("이곡동 1248", "대구광역시", "달서구")]
    [InlineData("중구 명동 1", "서울특별시", "중구")]
    [InlineData("달서구 이곡동 1248", "대구광역시", "달서구")]
    public void Without_a_sido_the_sigungu_or_the_dong_decides_where_it_is(string address, string sido, string sigungu)
    {
        var parsed = Parser.Parse(address);

        (Sido(parsed), Sigungu(parsed)).Should().Be((sido, sigungu));
    }

    [Fact]
    public void A_sigungu_many_cities_have_stays_unknown_without_anything_to_decide()
    {
        var parsed = Parser.Parse("중구 중앙로 1");

        parsed.SigunguId.Should().Be(-1);
        parsed.Level.Should().BeNull();
    }

    [Fact]
    public void A_city_without_its_district_or_dong_is_known_as_the_city()
    {
        var parsed = Parser.Parse("경기도 수원시 효원로 1");

        parsed.City!.Name.Should().Be("수원시");
        parsed.SigunguId.Should().Be(-1);
        parsed.Level.Should().Be(AreaLevel.Sigungu);
    }

    [Theory]
    [InlineData("제주특별자치도 제주시 아라일동 123", DongMatchKind.Within, new[] { "아라동" })]
    [InlineData("제주특별자치도 제주시 이도이동 1148-5 1층", DongMatchKind.Exact, new[] { "이도2동" })]
    [InlineData("제주특별자치도 제주시 삼도 2동 1", DongMatchKind.Exact, new[] { "삼도2동" })]
    [InlineData("서울 종로구 종로 3가 1", DongMatchKind.Exact, new[] { "종로1.2.3.4가동" })]
    [InlineData("서울 영등포구 대림로 2동 1", DongMatchKind.None, new string[0])]
    [InlineData("서울 양천구 가로공원로 152-1 （신월동）", DongMatchKind.Spans, new[] { "신월1동", "신월2동", "신월3동", "신월4동", "신월5동", "신월6동", "신월7동" })]
    [InlineData("서울특별시 종로구 명륜4가 107", DongMatchKind.None, new string[0])]
    [InlineData("서울특별시 용산구 한강로2가 124-1 정성돈가스 건물", DongMatchKind.Within, new[] { "한강로동" })]
    public void The_written_dong_is_matched_to_the_administrative_dongs_of_its_sigungu(string address, DongMatchKind kind, string[] dongs)
    {
        var parsed = Parser.Parse(address);

        parsed.DongMatch.Kind.Should().Be(kind);
        Dongs(parsed).Should().Equal(dongs);
    }

    [Theory]
    [InlineData("  서울   관악구\t신림동   1423번지 2층 ")]
    [InlineData("서울특별시 관악구 신림동 산 12-3")]
    [InlineData("[08754] 서울특별시 관악구 신림동 1423")]
    [InlineData("서울특별시　관악구　신림동 1423")]
    [InlineData("서울특별시,관악구,신림동,1423")]
    public void Noise_around_the_parts_does_not_change_them(string address)
    {
        var parsed = Parser.Parse(address);

        (Sido(parsed), Sigungu(parsed), parsed.DongWritten).Should().Be(("서울특별시", "관악구", "신림동"));
    }

    [Fact]
    public void Decomposed_Hangul_is_read_like_composed_Hangul()
    {
        var decomposed = "서울 관악구 신림동 1".Normalize(System.Text.NormalizationForm.FormD);

        Sigungu(Parser.Parse(decomposed)).Should().Be("관악구");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("1층")]
    [InlineData("Seoul Gangnam-gu")]
    [InlineData("（）,,(((")]
    [InlineData("101동 1203호")]
    public void Noise_gives_an_empty_address_without_throwing(string? address) =>
        Parser.Parse(address).Level.Should().BeNull();

    [Fact]
    public void Names_of_one_dong_are_one_string_instance()
    {
        var first = Parser.Parse("제주특별자치도 서귀포시 법환동 1 1층");
        var second = Parser.Parse("제주특별자치도 서귀포시 법환동 2");

        ReferenceEquals(first.DongWritten, second.DongWritten).Should().BeTrue();
        ReferenceEquals(first.Dong!.Value.Stem, second.Dong!.Value.Stem).Should().BeTrue();
    }
}
