using Naviyam.Retrieval;

namespace Naviyam.UnitTests.Retrieval;

public class DishPreferenceTests
{
    [Theory]
    [InlineData("국물있는거땡긴다", null, "국물 요리", "순대국밥", "김밥")]
    [InlineData("비오니까뜨끈한거먹고싶어", null, "국물 요리", "된장국", "돈까스")]
    [InlineData("면종류먹고싶다", null, "면 요리", "짜장면", "제육덮밥")]
    [InlineData("오늘은고기먹고싶어", null, "고기 요리", "제육볶음", "비빔국수")]
    [InlineData("간단하게먹을래", null, "가벼운 메뉴", "참치김밥", "갈비탕")]
    [InlineData("매운거먹고싶어", "매운", "매운 음식", "김치찌개", "된장찌개")]
    public void A_wished_kind_of_dish_prefers_menus_of_that_kind(string compactText, string? taste, string label, string matching, string other)
    {
        var preference = TestLexicons.DishPreferences.From(compactText, taste);

        preference.Should().NotBeNull();
        preference!.Label.Should().Be(label);
        preference.Matches(matching).Should().BeTrue();
        preference.Matches(other).Should().BeFalse();
    }

    [Theory]
    [InlineData("국물없는거로")]
    [InlineData("국물말고볶음밥")]
    [InlineData("국물적게해줘")]
    [InlineData("배고파")]
    public void Refusals_and_plain_messages_state_no_wish(string compactText) =>
        TestLexicons.DishPreferences.From(compactText, null).Should().BeNull();
}
