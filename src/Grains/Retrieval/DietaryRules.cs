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

    private const int MaxCachedLists = 1_000;

    // A user's restrictions come with every turn, and the same few lists recur across users: each list's words are
    // worked out once instead of on every turn.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<string>> wordsByList = new(StringComparer.Ordinal);

    /// <summary>The words whose presence in a menu (or a shop's name) rules it out under these restrictions.</summary>
    public IReadOnlyList<string> ForbiddenWords(IEnumerable<string> restrictions)
    {
        var list = restrictions as IReadOnlyList<string> ?? [.. restrictions];
        if (list.Count == 0)
        {
            return [];
        }
        var key = list.Count == 1 ? list[0] : string.Join('\n', list);
        if (wordsByList.TryGetValue(key, out var known))
        {
            return known;
        }
        if (wordsByList.Count >= MaxCachedLists)
        {
            wordsByList.Clear();
        }
        return wordsByList[key] = WordsOf(list);
    }

    private IReadOnlyList<string> WordsOf(IReadOnlyList<string> restrictions)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var restriction in restrictions)
        {
            words.UnionWith(restriction.StartsWith(AllergyPrefix, StringComparison.Ordinal)
                ? Allergen(restriction[AllergyPrefix.Length..])
                : diet.RuledOutBy(restriction));
        }
        // Read-only: the same list is handed to every turn that asks.
        return Array.AsReadOnly(words.OrderByDescending(word => word.Length).ToArray());
    }

    public static bool HasAllergy(IEnumerable<string> restrictions) =>
        restrictions.Any(restriction => restriction.StartsWith(AllergyPrefix, StringComparison.Ordinal));

    // An allergen the file does not list (a food or an ingredient the child named) rules out its own name.
    private IReadOnlyList<string> Allergen(string allergen) =>
        diet.TryGetAllergen(allergen, out var words) ? words : allergen.Length > 0 ? [allergen] : [];
}
