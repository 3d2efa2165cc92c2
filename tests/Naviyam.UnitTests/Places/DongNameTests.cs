using Naviyam.Places;

namespace Naviyam.UnitTests.Places;

public class DongNameTests
{
    private static DongName? Read(string written) => PlacesTestData.Areas.ParseDongName(written);

    [Theory]
    [InlineData("삼도2동", "삼도2동")]
    [InlineData("삼도 2동", "삼도2동")]
    [InlineData("삼도이동", "삼도2동")]
    [InlineData("삼도제2동", "삼도2동")]
    [InlineData("이도일동", "이도1동")]
    [InlineData("일도이동", "일도2동")]
    [InlineData("아라일동", "아라1동")]
    [InlineData("도련일동", "도련1동")]
    [InlineData("신당제5동", "신당5동")]
    [InlineData("종로1가", "종로1가")]
    [InlineData("종로 1가", "종로1가")]
    [InlineData("성수동1가", "성수1가")]
    [InlineData("성수1가제1동", "성수1가1동")]
    [InlineData("용산2가동", "용산2가")]
    [InlineData("용산동2가", "용산2가")]
    [InlineData("명동1가", "명1가")]
    [InlineData("면목본동", "면목본동")]
    [InlineData("애월읍", "애월읍")]
    [InlineData("한경면", "한경면")]
    [InlineData("고성리", "고성리")]
    public void Spellings_of_one_area_read_the_same(string written, string canonical) =>
        Read(written).ToString().Should().Be(canonical);

    [Theory]
    [InlineData("방이동", "방이")]
    [InlineData("역삼동", "역삼")]
    [InlineData("상중이동", "상중이")]
    [InlineData("신사동", "신사")]
    [InlineData("본동", "본")]
    public void A_real_name_ending_in_a_numeral_syllable_stays_whole(string written, string stem)
    {
        var name = Read(written)!.Value;

        name.Stem.Should().Be(stem);
        name.IsNumbered.Should().BeFalse();
    }

    [Theory]
    [InlineData("1층")]
    [InlineData("E동")]
    [InlineData("101동")]
    [InlineData("이곡공원로")]
    [InlineData("대림로22길")]
    [InlineData("상가")]
    [InlineData("동")]
    [InlineData("삼원빌딩")]
    [InlineData("B123,124호")]
    public void Things_that_are_not_area_names_are_not_read_as_one(string written) =>
        Read(written).Should().BeNull();

    [Fact]
    public void Without_known_stems_no_Hangul_numeral_is_read()
    {
        DongName.Parse("이도이동")!.Value.Stem.Should().Be("이도이");
    }

    [Theory]
    [InlineData("종로1.2.3.4가동", new[] { "종로1가", "종로2가", "종로3가", "종로4가" })]
    [InlineData("중계2.3동", new[] { "중계2동", "중계3동" })]
    [InlineData("면목제3.8동", new[] { "면목제3동", "면목8동" })]
    [InlineData("화수1.화평동", new[] { "화수1동", "화평동" })]
    [InlineData("용담.명암.산성동", new[] { "용담동", "명암동", "산성동" })]
    [InlineData("금호2.3가동", new[] { "금호2가", "금호3가" })]
    [InlineData("신월1동", new[] { "신월1동" })]
    public void A_dotted_administrative_name_stands_for_each_of_its_parts(string name, string[] members) =>
        DongName.Members(name).Should().Equal(members);
}
