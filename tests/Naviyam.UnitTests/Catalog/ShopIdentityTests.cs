using Naviyam.Catalog;
using Naviyam.Shops;

namespace Naviyam.UnitTests.Catalog;

public class ShopIdentityTests
{
    private static ShopRecord Shop(string name, string? address) => new()
    {
        Id = "jeju:1", Source = "jeju", SourceId = "1", Name = name, Category = FoodCategory.Korean, Address = address,
    };

    [Theory]
    [InlineData("제주특별자치도 제주시 노형동 2578-7", "제주특별자치도 제주시 노형동 2578-7 2층")]
    [InlineData("제주특별자치도 제주시 도남동 730-1", "제주특별자치도 제주시 도남동 730-1 1층 (도남동)")]
    [InlineData("서울 구로구 경인로 215 1층 세븐김밥", "서울 구로구 경인로 215, 1층 （오류동）")]
    [InlineData("서울 관악구 난우길 16 1층", "서울 관악구  난우길 16, 1층 （신림동）")]
    [InlineData("제주특별자치도 서귀포시 성산읍 고성리", "제주특별자치도 서귀포시 성산읍 고성리")]
    [InlineData("대구 달서구 이곡동 1248번지", "대구 달서구 이곡동 1248")]
    public void Floors_rooms_buildings_and_references_after_the_number_do_not_count(string left, string right)
    {
        ShopIdentity.AddressKey(left).Should().Be(ShopIdentity.AddressKey(right));
        ShopIdentity.SameAddress(left, right).Should().BeTrue();
    }

    [Theory]
    [InlineData("제주특별자치도 제주시 노형동 2578-7", "제주특별자치도 제주시 노형동 2578-8")]
    [InlineData("서울 영등포구 대림로22길 33", "서울 영등포구 대림로22길 35")]
    [InlineData("서울 영등포구 대림로22길 33", "서울 영등포구 대림로24길 33")]
    [InlineData("제주특별자치도 서귀포시 성산읍 고성리 1063-3", "제주특별자치도 서귀포시 성산읍 오조리 1063-3")]
    public void Another_number_road_or_area_is_another_address(string left, string right)
    {
        ShopIdentity.SameAddress(left, right).Should().BeFalse();
    }

    [Fact]
    public void A_road_with_a_number_in_its_name_is_not_the_building_number()
    {
        ShopIdentity.AddressKey("서울 영등포구 대림로22길 33, 101호").Should().Be("서울영등포구대림로22길33");
        ShopIdentity.AddressKey("제주특별자치도 서귀포시 법환동 산12-3 농장").Should().Be("제주특별자치도서귀포시법환동산12-3");
    }

    [Fact]
    public void The_name_ignores_spaces_punctuation_case_and_width()
    {
        ShopIdentity.NameKey("성산일출봉농협 ATM").Should().Be(ShopIdentity.NameKey("성산일출봉농협ATM"));
        ShopIdentity.NameKey("Cafe·메이비 (본점)").Should().Be(ShopIdentity.NameKey("CAFE메이비본점"));
        ShopIdentity.NameKey("ＧＳ25 제주점").Should().Be(ShopIdentity.NameKey("GS25제주점"));
    }

    [Fact]
    public void The_sido_is_compared_as_the_caller_spells_it()
    {
        static string? Canonical(string word) => word is "서울" or "서울특별시" ? "서울특별시" : null;

        ShopIdentity.Key(Shop("황금성", "서울 동대문구 전농로 76 （답십리동）"), Canonical)
            .Should().Be(ShopIdentity.Key(Shop("황금성", "서울특별시 동대문구 전농로 76"), Canonical));
        ShopIdentity.Key(Shop("황금성", "서울 동대문구 전농로 76"))
            .Should().NotBe(ShopIdentity.Key(Shop("황금성", "서울특별시 동대문구 전농로 76")), "without a canonical spelling the words differ");
    }

    [Fact]
    public void A_shop_without_an_address_has_no_identity_beyond_its_id()
    {
        ShopIdentity.Key(Shop("김밥천국", null)).Should().BeNull();
        ShopIdentity.Key(Shop("김밥천국", "  ")).Should().BeNull();
        ShopIdentity.SameAddress(null, null).Should().BeFalse();
    }
}
