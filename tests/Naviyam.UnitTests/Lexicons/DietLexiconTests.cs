namespace Naviyam.UnitTests.Lexicons;

public class DietLexiconTests
{
    [Fact]
    public void The_shipped_file_names_the_allergens_and_what_each_restriction_rules_out()
    {
        var diet = TestLexicons.Diet;

        diet.Allergens.Should().Contain(["땅콩", "새우", "우유", "복숭아"]);
        diet.RuledOutBy("no_pork").Should().Contain("돈까스");
        diet.RuledOutBy("vegan").Should().Contain(["치즈", "계란", "짬뽕"]);
        diet.TryGetAllergen("갑각류", out var shellfish).Should().BeTrue();
        shellfish.Should().Contain("게살");
        diet.SaidWith("no_seafood").Should().Contain("게").And.NotContain("초밥", "a dish stays a food mention of its own");
        diet.RuledOutBy("no_seafood").Should().Contain("초밥").And.NotContain("게", "게 alone would match 가게 and 바게트");
    }
}
