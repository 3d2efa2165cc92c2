using Naviyam.Lexicons;

namespace Naviyam.Retrieval;

/// <summary>
/// What a dietary restriction (the NLU's codes: <c>no_pork</c>, <c>vegetarian</c>, <c>allergy:땅콩</c> …) rules out, judged
/// from menu and shop names. A child who said "돼지고기 못 먹어요" must not be sent to 돈까스 because the menu never says
/// 돼지. Names are all the data holds, so this is a floor, not a guarantee: the reply still asks allergic children to
/// tell the shop. The words come from <c>data/lexicons/diet.json</c> (<see cref="DietLexicon"/>).
/// </summary>
public sealed class DietaryRules(DietLexicon diet)
{
    private const string AllergyPrefix = "allergy:";

    /// <summary>The words whose presence in a menu (or a shop's name) rules it out under these restrictions.</summary>
    public IReadOnlyList<string> ForbiddenWords(IEnumerable<string> restrictions)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var restriction in restrictions)
        {
            words.UnionWith(restriction.StartsWith(AllergyPrefix, StringComparison.Ordinal)
                ? Allergen(restriction[AllergyPrefix.Length..])
                : diet.RuledOutBy(restriction));
        }
        return [.. words.OrderByDescending(word => word.Length)];
    }

    public static bool HasAllergy(IEnumerable<string> restrictions) =>
        restrictions.Any(restriction => restriction.StartsWith(AllergyPrefix, StringComparison.Ordinal));

    // An allergen the file does not list (a food or an ingredient the child named) rules out its own name.
    private IReadOnlyList<string> Allergen(string allergen) =>
        diet.TryGetAllergen(allergen, out var words) ? words : allergen.Length > 0 ? [allergen] : [];
}
