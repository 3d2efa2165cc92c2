using Naviyam.Retrieval;

namespace Naviyam.UnitTests.Retrieval;

public class DietaryRulesTests
{
    private static readonly DietaryRules DietaryRules = new(TestLexicons.Diet);

    [Theory]
    [InlineData("no_pork", "돈까스", true)]
    [InlineData("no_pork", "순대국밥", true)]
    [InlineData("no_pork", "치킨마요덮밥", false)]
    [InlineData("halal", "제육볶음", true)]
    [InlineData("no_beef", "불고기버거", true)]
    [InlineData("no_seafood", "짬뽕", true)]
    [InlineData("vegetarian", "후라이드치킨", true)]
    [InlineData("vegetarian", "야채김밥", false)]
    [InlineData("vegan", "치즈김밥", true)]
    [InlineData("lactose_free", "바닐라라떼", true)]
    [InlineData("allergy:땅콩", "피넛버터 토스트", true)]
    [InlineData("allergy:밀가루", "잔치국수", true)]
    [InlineData("allergy:밀가루", "비빔밥", false)]
    [InlineData("allergy:키위", "키위 주스", true)]
    public void A_restriction_rules_out_menus_by_what_their_names_say(string restriction, string menu, bool ruledOut)
    {
        var forbidden = DietaryRules.ForbiddenWords([restriction]);

        forbidden.Any(word => menu.Replace(" ", "", StringComparison.Ordinal).Contains(word, StringComparison.Ordinal)).Should().Be(ruledOut);
    }

    [Fact]
    public void Only_allergies_ask_the_child_to_tell_the_shop()
    {
        DietaryRules.HasAllergy(["no_pork"]).Should().BeFalse();
        DietaryRules.HasAllergy(["no_pork", "allergy:새우"]).Should().BeTrue();
    }
}
