using Naviyam.Eval.Places;

namespace Naviyam.Eval.Tests;

public class DongNameTests
{
    [Theory]
    [InlineData("삼도이동", "삼도2동", true)]
    [InlineData("삼도2동", "삼도이동", true)]
    [InlineData("삼도일동", "삼도2동", false)]
    [InlineData("아라이동", "아라동", true)]
    [InlineData("아라1동", "아라일동", true)]
    [InlineData("아라2동", "아라1동", false)]
    [InlineData("신월3동", "신월동", true)]
    [InlineData("불광제1동", "불광동", true)]
    [InlineData("두류3동", "두류1.2동", false)]
    [InlineData("두류2동", "두류1.2동", true)]
    [InlineData("수성동1가", "수성1가동", true)]
    [InlineData("수성동4가", "수성1가동", false)]
    [InlineData("잠실본동", "잠실동", true)]
    [InlineData("연동", "노형동", false)]
    [InlineData("애월읍", "애월읍", true)]
    public void Spellings_of_one_area_are_within_it_and_others_are_not(string address, string named, bool within)
    {
        DongName.Parse(address)!.IsWithin(DongName.Parse(named)!).Should().Be(within);
    }

    [Fact]
    public void A_named_number_the_address_does_not_carry_cannot_be_told()
    {
        DongName.Parse("아라동")!.IsWithin(DongName.Parse("아라1동")!).Should().BeNull();
    }

    [Theory]
    [InlineData("신사동", "신사")]
    [InlineData("방이동", "방이")]
    [InlineData("이도이동", "이도")]
    [InlineData("연동", "연")]
    public void A_Hangul_numeral_is_a_number_only_after_a_base_of_two_syllables(string word, string expectedBase)
    {
        DongName.Parse(word)!.Bases.Should().Equal(expectedBase);
    }

    [Theory]
    [InlineData("대림로22길")]
    [InlineData("1217-1")]
    [InlineData("E동")]
    [InlineData("연삼로")]
    public void Roads_lot_numbers_and_buildings_are_not_areas(string word)
    {
        DongName.Parse(word).Should().BeNull();
    }
}
