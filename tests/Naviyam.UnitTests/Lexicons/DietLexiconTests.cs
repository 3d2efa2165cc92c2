using Naviyam.Lexicons;

namespace Naviyam.UnitTests.Lexicons;

public sealed class DietLexiconTests : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"diet-{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(path);

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

    [Theory]
    [InlineData("""{"version":1,"families":{"pork":{"words":["돼지"]}},"restrictions":{"no_pork":{"families":["prok"]}},"allergens":{}}""", "restrictions.no_pork", "prok")]
    [InlineData("""{"version":1,"families":{"pork":{"words":["돼지",""]}},"restrictions":{},"allergens":{}}""", "families.pork.words", "blank")]
    [InlineData("""{"version":1,"families":{"pork":{"words":["돼지","돼지"]}},"restrictions":{},"allergens":{}}""", "families.pork.words", "twice")]
    [InlineData("""{"version":1,"families":{"seafood":{"words":["새우"],"saidOnly":["새우"]}},"restrictions":{},"allergens":{}}""", "families.seafood", "새우")]
    [InlineData("""{"version":1,"families":{"pork":{"words":["돼지"]}},"restrictions":{},"allergens":{"땅콩":{}}}""", "allergens.땅콩", "rules out nothing")]
    [InlineData("""{"version":1,"families":{},"restrictions":{}}""", "allergens", "missing")]
    [InlineData("""{"version":2,"families":{},"restrictions":{},"allergens":{}}""", "version", "version 1")]
    [InlineData("""{"version":1,"famlies":{},"restrictions":{},"allergens":{}}""", "famlies", "could not be mapped")]
    [InlineData("""{"version":1,"families":{},"restrictions":{},"allergens":{"땅콩":{"words":["땅콩"]},"땅콩":{"words":["피넛"]}}}""", "땅콩", "Duplicate")]
    public void A_malformed_file_is_refused_with_the_file_and_the_entry_named(string json, string entry, string problem)
    {
        File.WriteAllText(path, json);

        var load = () => DietLexicon.Load(path);

        load.Should().Throw<InvalidDataException>()
            .Which.Message.Should().Contain(path).And.Contain(entry).And.Contain(problem);
    }
}
