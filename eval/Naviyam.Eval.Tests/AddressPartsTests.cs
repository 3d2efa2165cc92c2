using Naviyam.Eval.Places;

namespace Naviyam.Eval.Tests;

public class AddressPartsTests
{
    [Fact]
    public void A_lot_address_names_its_dong_after_the_district()
    {
        var parts = AddressParts.Parse("제주특별자치도 제주시 연동 1964-3 1층", Fixture.Places.Gazetteer);

        parts.Sido.Should().Be("제주");
        parts.Sigungu.Should().Be("제주시");
        parts.Emd!.Display.Should().Be("연");
    }

    [Fact]
    public void An_eup_address_also_names_its_ri()
    {
        var parts = AddressParts.Parse("제주특별자치도 서귀포시 성산읍 고성리 1745-2", Fixture.Places.Gazetteer);

        parts.Sigungu.Should().Be("서귀포시");
        parts.Emd!.Level.Should().Be(AreaLevel.EupMyeon);
        parts.Ri!.Bases.Should().Equal("고성");
    }

    [Fact]
    public void A_road_address_names_its_legal_dong_in_brackets()
    {
        var parts = AddressParts.Parse("서울 양천구 지양로7길 14, 1층 （신월동）", Fixture.Places.Gazetteer);

        parts.Sido.Should().Be("서울");
        parts.Sigungu.Should().Be("양천구");
        parts.Emd!.Bases.Should().Equal("신월");
    }

    [Fact]
    public void A_road_address_without_brackets_has_no_dong()
    {
        var parts = AddressParts.Parse("서울특별시 마포구 양화로 45", Fixture.Places.Gazetteer);

        parts.Sigungu.Should().Be("마포구");
        parts.Emd.Should().BeNull();
    }
}
