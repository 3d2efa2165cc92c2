using Naviyam.Eval.Raw;

namespace Naviyam.Eval.Tests;

public class RawFileTests
{
    [Fact]
    public void Menu_text_gives_names_prices_and_ranges()
    {
        var menus = MenuPrices.Parse("김밥 3,000 | 정식 8,000~10,000 | 갈치조림 시가 | 소금빵2,800 | 1만5천원짜리 세트 1만5천원 | 0 0");

        menus.Should().BeEquivalentTo(new[]
        {
            new RawMenu("김밥", 3000, 3000),
            new RawMenu("정식", 8000, 10000),
            new RawMenu("갈치조림", null, null),
            new RawMenu("소금빵", 2800, 2800),
            new RawMenu("1만5천원짜리 세트", 15000, 15000),
        }, options => options.WithStrictOrdering());
    }

    [Fact]
    public void Quoted_fields_keep_their_commas_and_line_breaks()
    {
        var rows = CsvRows.Parse("a,b\n\"x, y\",\"line1\nline2\"\n1,\"say \"\"hi\"\"\"\n").ToList();

        rows.Should().HaveCount(2);
        rows[0]["a"].Should().Be("x, y");
        rows[0]["b"].Should().Be("line1\nline2");
        rows[1]["b"].Should().Be("say \"hi\"");
    }

    [Fact]
    public void The_jeju_reader_skips_repeated_headers_and_merges_a_repeated_id()
    {
        var catalog = Fixture.Jeju;

        catalog.Shops.Should().HaveCount(13);
        catalog.Find("jeju:13", null, null)!.Name.Should().Be("연동중식");
        catalog.Find("jeju:12", null, null)!.SellsFood.Should().BeFalse();
        catalog.Find("jeju:3", null, null)!.FlaggedNotForChildren.Should().BeTrue();
    }

    [Fact]
    public void Coordinates_that_contradict_the_address_are_replaced_by_the_address_point()
    {
        var shop = Fixture.Jeju.Find("jeju:6", null, null)!;

        shop.PositionFromAddress.Should().BeTrue();
        shop.Position!.Value.MetersTo(new Naviyam.Eval.Places.GeoPoint(33.4849, 126.4989)).Should().BeLessThan(1_000);
    }

    [Fact]
    public void A_pick_is_found_by_id_else_by_name_and_address_else_by_a_unique_name()
    {
        var catalog = Fixture.Jeju;

        catalog.Find("jeju:2", "whatever", null)!.Name.Should().Be("연동반점");
        catalog.Find("seoul:unknown", "연동김밥", "제주특별자치도 제주시 연동 100-1 2층")!.Id.Should().Be("jeju:1");
        catalog.Find(null, "연동 반점", null)!.Id.Should().Be("jeju:2");
        catalog.Find(null, "없는가게", null).Should().BeNull();
    }

    [Fact]
    public void The_seoul_id_ignores_spacing_and_letter_case()
    {
        var id = MerchantFiles.SeoulId("김밥 천국", "서울 양천구  신월로 1");

        id.Should().MatchRegex("^[0-9a-f]{16}$");
        MerchantFiles.SeoulId(" 김밥  천국 ", "서울 양천구 신월로 1").Should().Be(id);
        MerchantFiles.SeoulId("김밥천국", "서울 양천구 신월로 1").Should().NotBe(id);
    }
}
