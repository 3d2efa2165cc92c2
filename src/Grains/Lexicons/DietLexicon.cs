namespace Naviyam.Lexicons;

/// <summary>
/// What a dietary restriction or an allergy rules out, from <c>data/lexicons/diet.json</c>: food families (pork,
/// seafood, dairy …) as the words that give them away in menu and shop names, the NLU's restriction codes as families,
/// and the allergens children name as families or words. The NLU reads the allergens and the words a no-seafood
/// statement lists; retrieval's <c>DietaryRules</c> reads what each rules out.
/// </summary>
public sealed class DietLexicon
{
    public const int FileVersion = 1;

    private readonly Dictionary<string, string[]> ruledOutByRestriction;
    private readonly Dictionary<string, string[]> ruledOutByAllergen;
    private readonly Dictionary<string, string[]> saidWithRestriction;

    private DietLexicon(
        Dictionary<string, string[]> ruledOutByRestriction,
        Dictionary<string, string[]> ruledOutByAllergen,
        Dictionary<string, string[]> saidWithRestriction,
        string[] allergens)
    {
        this.ruledOutByRestriction = ruledOutByRestriction;
        this.ruledOutByAllergen = ruledOutByAllergen;
        this.saidWithRestriction = saidWithRestriction;
        Allergens = allergens;
    }

    /// <summary>The allergens the NLU recognises before 알레르기 (땅콩, 새우, 우유 …), in the file's order.</summary>
    public IReadOnlyList<string> Allergens { get; }

    /// <summary>The words whose presence in a menu or shop name rules it out under a restriction code; empty when unknown.</summary>
    public IReadOnlyList<string> RuledOutBy(string restriction) =>
        ruledOutByRestriction.TryGetValue(restriction, out var words) ? words : [];

    /// <summary>The words an allergen rules out in names, when the file knows the allergen.</summary>
    public bool TryGetAllergen(string allergen, out IReadOnlyList<string> words)
    {
        var known = ruledOutByAllergen.TryGetValue(allergen, out var found);
        words = found ?? [];
        return known;
    }

    /// <summary>
    /// The words a message stating a restriction may list as part of it ("해산물 못 먹어요, 새우도요"), which are then
    /// neither food mentions nor exclusions of their own.
    /// </summary>
    public IReadOnlyList<string> SaidWith(string restriction) =>
        saidWithRestriction.TryGetValue(restriction, out var words) ? words : [];

    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is malformed; the message names the file and the entry.</exception>
    public static DietLexicon Load(string path)
    {
        var file = DataFile.Read<DietFile>(path, FileVersion);
        var families = new Dictionary<string, FamilyEntry>(StringComparer.Ordinal);
        foreach (var (name, family) in DataFile.Required(path, "families", file.Families))
        {
            var entry = $"families.{name}";
            var words = DataFile.Words(path, entry + ".words", family.Words ?? [], allowEmpty: true);
            var namesOnly = DataFile.Words(path, entry + ".namesOnly", family.NamesOnly ?? [], allowEmpty: true);
            var saidOnly = DataFile.Words(path, entry + ".saidOnly", family.SaidOnly ?? [], allowEmpty: true);
            if (words.Length + namesOnly.Length == 0)
            {
                throw DataFile.Invalid(path, entry, "needs words to look for in names");
            }
            if (words.Concat(namesOnly).Concat(saidOnly).GroupBy(word => word, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            {
                throw DataFile.Invalid(path, entry, $"lists '{twice.Key}' in more than one part");
            }
            families[name] = new FamilyEntry { Words = words, NamesOnly = namesOnly, SaidOnly = saidOnly };
        }

        string[] RuledOut(string entry, RuleEntry rule)
        {
            var named = DataFile.Phrases(path, entry + ".families", rule.Families ?? [], allowEmpty: true);
            var words = DataFile.Words(path, entry + ".words", rule.Words ?? [], allowEmpty: true);
            if (named.Length + words.Length == 0)
            {
                throw DataFile.Invalid(path, entry, "rules out nothing: give families or words");
            }
            var ruledOut = new List<string>();
            foreach (var name in named)
            {
                if (!families.TryGetValue(name, out var family))
                {
                    throw DataFile.Invalid(path, entry, $"names the family '{name}', which families does not define");
                }
                ruledOut.AddRange(family.Words!);
                ruledOut.AddRange(family.NamesOnly!);
            }
            ruledOut.AddRange(words);
            return [.. ruledOut];
        }

        var restrictions = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var said = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (code, rule) in DataFile.Required(path, "restrictions", file.Restrictions))
        {
            restrictions[code] = RuledOut($"restrictions.{code}", rule);
            said[code] = [.. (rule.Families ?? []).SelectMany(name => families[name].Words!.Concat(families[name].SaidOnly!))];
        }
        var allergens = new Dictionary<string, string[]>(StringComparer.Ordinal);
        // The NLU finds an allergen at the end of the space-free text before 알레르기.
        DataFile.Words(path, "allergens", [.. DataFile.Required(path, "allergens", file.Allergens).Keys], allowEmpty: true);
        foreach (var (allergen, rule) in file.Allergens!)
        {
            allergens[allergen] = RuledOut($"allergens.{allergen}", rule);
        }
        return new DietLexicon(restrictions, allergens, said, [.. allergens.Keys]);
    }

    private sealed record DietFile : CommentedFile
    {
        public Dictionary<string, FamilyEntry>? Families { get; init; }
        public Dictionary<string, RuleEntry>? Restrictions { get; init; }
        public Dictionary<string, RuleEntry>? Allergens { get; init; }
    }

    private sealed record FamilyEntry
    {
        /// <summary>Looked for in names, and taken from a message that rules the family out.</summary>
        public string[]? Words { get; init; }

        /// <summary>Looked for in names only: dishes such as 초밥 stay food mentions of their own.</summary>
        public string[]? NamesOnly { get; init; }

        /// <summary>Taken from messages only: too short to look for in names (게 is in 가게 and 바게트).</summary>
        public string[]? SaidOnly { get; init; }
    }

    private sealed record RuleEntry
    {
        public string[]? Families { get; init; }
        public string[]? Words { get; init; }
    }
}
