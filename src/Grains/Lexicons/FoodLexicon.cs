using Naviyam.Shops;

namespace Naviyam.Lexicons;

/// <summary>
/// Food words the NLU recognises: menu names, category words and their common spellings, loaded from
/// <c>data/lexicons/foods.json</c> and extended with the menu names of the shops actually served.
/// </summary>
public sealed class FoodLexicon
{
    public const int FileVersion = 1;

    private readonly Dictionary<string, FoodTerm> bySurface = new(StringComparer.Ordinal);
    private string[] surfacesLongestFirst = [];
    // Typo index: every one-letter deletion of every surface's jamo spelling → the surfaces (SymSpell-style), so
    // a misspelt word is matched by a few hash lookups instead of a scan of the lexicon.
    private Dictionary<string, List<string>> typoIndex = new(StringComparer.Ordinal);
    private System.Buffers.SearchValues<string> surfaceSearch = System.Buffers.SearchValues.Create([], StringComparison.Ordinal);
    private Dictionary<char, string[]> surfacesByFirstChar = [];

    public FoodLexicon(IEnumerable<FoodTerm> terms, IEnumerable<(string Word, string[] Foods)> compounds)
    {
        Terms = [.. terms];
        foreach (var term in Terms)
        {
            Add(term.Name, term);
            foreach (var alias in term.Aliases)
            {
                Add(alias, term);
            }
        }
        foreach (var (word, foods) in compounds)
        {
            if (foods.Length > 0 && bySurface.TryGetValue(foods[0], out var first))
            {
                Add(word, first);
            }
        }
        Reindex();
    }

    public IReadOnlyCollection<string> Surfaces => surfacesLongestFirst;

    /// <summary>The foods of the file (not the menu names learned from served shops), in file order.</summary>
    public IReadOnlyList<FoodTerm> Terms { get; }

    /// <summary>Endings that make a menu name some dish though no food of the file ends it (계란탕, 공기밥).</summary>
    public IReadOnlyList<string> DishEndings { get; init; } = [];

    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is malformed; the message names the file and the entry.</exception>
    public static FoodLexicon Load(string path)
    {
        var file = DataFile.Read<FoodFile>(path, FileVersion);
        var entries = DataFile.Required(path, "foods", file.Foods);
        var terms = new List<FoodTerm>(entries.Length);
        for (var k = 0; k < entries.Length; k++)
        {
            var entry = entries[k] ?? throw DataFile.Invalid(path, $"foods[{k}]", "is empty");
            if (string.IsNullOrWhiteSpace(entry.Name))
            {
                throw DataFile.Invalid(path, $"foods[{k}].name", "is missing");
            }
            var where = $"foods[{k}] ({entry.Name})";
            if (entry.Category is null || !FoodCategoryNames.TryParseKorean(entry.Category, out var category))
            {
                throw DataFile.Invalid(path, where + ".category",
                    $"is '{entry.Category}', not one of {string.Join(", ", FoodCategoryNames.All.Select(c => c.ToKorean()))}");
            }
            var aliases = DataFile.Phrases(path, where + ".aliases", entry.Aliases ?? [], allowEmpty: true);
            var typedOnly = DataFile.Phrases(path, where + ".typedOnly", entry.TypedOnly ?? [], allowEmpty: true);
            if (typedOnly.FirstOrDefault(word => !aliases.Contains(word)) is { } notAlias)
            {
                throw DataFile.Invalid(path, where + ".typedOnly", $"names '{notAlias}', which is not one of its aliases");
            }
            var certainAt = new List<FoodCategory>();
            foreach (var name in DataFile.Phrases(path, where + ".certainAt", entry.CertainAt ?? [], allowEmpty: true))
            {
                certainAt.Add(FoodCategoryNames.TryParseKorean(name, out var at)
                    ? at
                    : throw DataFile.Invalid(path, where + ".certainAt", $"names '{name}', not one of {string.Join(", ", FoodCategoryNames.All.Select(c => c.ToKorean()))}"));
            }
            terms.Add(new FoodTerm(entry.Name, category, aliases)
            {
                Family = entry.Family,
                OwnDish = entry.OwnDish ?? false,
                KindMeals = entry.KindMeals ?? false,
                HoldsDish = entry.HoldsDish ?? false,
                TypedOnly = typedOnly,
                CertainAt = certainAt,
            });
        }
        CheckFamilies(path, terms);
        var spellings = terms.SelectMany(term => term.Aliases.Append(term.Name)).ToHashSet(StringComparer.Ordinal);
        var compounds = new List<(string Word, string[] Foods)>();
        var compoundEntries = file.Compounds ?? [];
        for (var k = 0; k < compoundEntries.Length; k++)
        {
            var entry = compoundEntries[k] ?? throw DataFile.Invalid(path, $"compounds[{k}]", "is empty");
            var where = $"compounds[{k}] ({entry.Word})";
            if (string.IsNullOrWhiteSpace(entry.Word))
            {
                throw DataFile.Invalid(path, $"compounds[{k}].word", "is missing");
            }
            var foods = DataFile.Phrases(path, where + ".foods", entry.Foods);
            if (foods.FirstOrDefault(food => !spellings.Contains(food)) is { } unknown)
            {
                throw DataFile.Invalid(path, where + ".foods", $"names '{unknown}', which no food in the file is called");
            }
            compounds.Add((entry.Word, foods));
        }
        return new FoodLexicon(terms, compounds) { DishEndings = DataFile.Words(path, "dishEndings", file.DishEndings ?? [], allowEmpty: true) };
    }

    /// <summary>A food's family must be another food of the file, and following families must never lead back to it.</summary>
    private static void CheckFamilies(string path, List<FoodTerm> terms)
    {
        var byName = terms.ToDictionary(term => term.Name, StringComparer.Ordinal);
        foreach (var term in terms.Where(term => term.Family is not null))
        {
            var where = $"foods ({term.Name}).family";
            if (!byName.ContainsKey(term.Family!) || term.Family == term.Name)
            {
                throw DataFile.Invalid(path, where, $"is '{term.Family}', which is not another food of the file");
            }
            var seen = new HashSet<string>(StringComparer.Ordinal) { term.Name };
            for (var family = term.Family; family is not null; family = byName[family].Family)
            {
                if (!seen.Add(family))
                {
                    throw DataFile.Invalid(path, where, $"leads back to '{family}' (a family cannot contain itself)");
                }
            }
        }
    }

    /// <summary>Adds menu names seen in the served shops, so any city's own dishes are understood.</summary>
    public void AddMenuNames(IEnumerable<(string Name, FoodCategory Category)> menus)
    {
        foreach (var (name, category) in menus)
        {
            var word = name.Replace(" ", "", StringComparison.Ordinal);
            if (word.Length >= 2 && !bySurface.ContainsKey(word))
            {
                Add(word, new FoodTerm(word, category, []));
            }
        }
        Reindex();
    }

    public bool TryGet(string surface, out FoodTerm term) => bySurface.TryGetValue(surface, out term!);

    /// <summary>Every food mention in a message, longest first and without overlaps, by position in its space-free form.</summary>
    public IReadOnlyList<FoodMention> FindAll(Preprocessing.PreprocessedText text) => FindAll(text.Compact, WordStarts(text.Normalized));

    /// <summary>Every food mention in a space-free text; <paramref name="wordStarts"/> marks where the user's words began.</summary>
    public IReadOnlyList<FoodMention> FindAll(string compactText, bool[]? wordStarts = null)
    {
        var mentions = new List<FoodMention>();
        if (compactText.Length == 0)
        {
            return mentions;
        }
        var taken = new bool[compactText.Length];
        // Leftmost-longest: find the next position where any spelling starts (one vectorised search), then take the
        // longest spelling that fits there.
        var position = 0;
        while (position < compactText.Length)
        {
            var offset = compactText.AsSpan(position).IndexOfAny(surfaceSearch);
            if (offset < 0)
            {
                break;
            }
            var start = position + offset;
            string? matched = null;
            foreach (var surface in surfacesByFirstChar[compactText[start]])
            {
                var end = start + surface.Length;
                if (compactText.AsSpan(start).StartsWith(surface, StringComparison.Ordinal)
                    && (surface.Length > 1 || EndsWord(compactText, end) || IsWholeWord(start, end, wordStarts))
                    && (surface.Length > 2 || bySurface[surface].Name == surface || StartsWord(compactText, start, wordStarts)))
                {
                    matched = surface;
                    break;
                }
            }
            if (matched is null)
            {
                position = start + 1;
                continue;
            }
            taken.AsSpan(start, matched.Length).Fill(true);
            mentions.Add(new FoodMention(bySurface[matched], matched, start, start + matched.Length));
            position = start + matched.Length;
        }
        FindTypos(compactText, taken, mentions);
        mentions.Sort((a, b) => a.Start.CompareTo(b.Start));
        return mentions;
    }

    /// <summary>
    /// Words one letter away from a food (떡볶기, 치낀, 햄버가) in the parts of the text no exact match covered.
    /// Two-syllable words must keep their first syllable and differ only by a look-alike letter, or common words
    /// would turn into food (하면 → 라면, 국사 → 국수).
    /// </summary>
    private void FindTypos(string compactText, bool[] taken, List<FoodMention> mentions)
    {
        for (var length = 4; length >= 2; length--)
        {
            for (var start = 0; start + length <= compactText.Length; start++)
            {
                var window = compactText.AsSpan(start, length);
                if (taken.AsSpan(start, length).Contains(true) || !AllSyllables(window))
                {
                    continue;
                }
                var surface = BestTypoMatch(window);
                if (surface is null)
                {
                    continue;
                }
                taken.AsSpan(start, length).Fill(true);
                mentions.Add(new FoodMention(bySurface[surface], window.ToString(), start, start + length));
            }
        }
    }

    private string? BestTypoMatch(ReadOnlySpan<char> window)
    {
        var jamo = Jamo.Decompose(window);
        string? best = null;
        foreach (var key in DeletionsAndSelf(jamo))
        {
            if (!typoIndex.TryGetValue(key, out var surfaces))
            {
                continue;
            }
            foreach (var surface in surfaces)
            {
                // Same number of syllables, one look-alike letter: 치낀, 짜장몀. A window that merely overlaps a food
                // (근처밥집 → 초밥) or a real word one letter away (브레이크 → 케이크) is not a typo.
                var surfaceJamo = Jamo.Decompose(surface);
                if (surface.Length != window.Length || !Jamo.IsLookAlike(jamo, surfaceJamo)
                    || surface.Length == 2 && (surface[0] != window[0] || jamo.Length != surfaceJamo.Length))
                {
                    continue;
                }
                if (best is null || surface.Length > best.Length)
                {
                    best = surface;
                }
            }
        }
        return best;
    }

    // After a one-syllable food (죽, 빵, 밥) only a particle or a verb of eating may follow: "죽겠다" is not porridge.
    private const string AfterOneSyllableFood = "이을를은는도만랑하먹좀으에나라류사집양";

    // A short alias ("마라" for 마라탕) must start a word, or it is found inside others ("엄마랑").
    private static bool StartsWord(string compactText, int start, bool[]? wordStarts) =>
        start == 0 || !Jamo.IsSyllable(compactText[start - 1]) || wordStarts is not null && wordStarts[start];

    /// <summary>For each position of the space-free text, whether a word of the spaced text starts there.</summary>
    public static bool[] WordStarts(string normalized)
    {
        var starts = new bool[normalized.Length + 1];
        var compactIndex = 0;
        var atStart = true;
        foreach (var c in normalized)
        {
            if (c == ' ')
            {
                atStart = true;
                continue;
            }
            starts[compactIndex++] = atStart;
            atStart = false;
        }
        return starts;
    }

    // A one-syllable food the user wrote as a word of its own ("빵 살 수 있을까").
    private static bool IsWholeWord(int start, int end, bool[]? wordStarts) =>
        wordStarts is not null && end < wordStarts.Length && wordStarts[start] && wordStarts[end];

    private static bool EndsWord(string compactText, int end) =>
        end >= compactText.Length || !Jamo.IsSyllable(compactText[end]) || AfterOneSyllableFood.Contains(compactText[end]);

    private static IEnumerable<string> DeletionsAndSelf(string jamo)
    {
        yield return jamo;
        for (var i = 0; i < jamo.Length; i++)
        {
            yield return jamo.Remove(i, 1);
        }
    }

    private static bool AllSyllables(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!Jamo.IsSyllable(c))
            {
                return false;
            }
        }
        return true;
    }

    private void Add(string surface, FoodTerm term)
    {
        var key = surface.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        if (key.Length > 0)
        {
            bySurface.TryAdd(key, term);
        }
    }

    private void Reindex()
    {
        surfacesLongestFirst = bySurface.Keys.OrderByDescending(k => k.Length).ThenBy(k => k, StringComparer.Ordinal).ToArray();
        surfaceSearch = System.Buffers.SearchValues.Create(surfacesLongestFirst, StringComparison.Ordinal);
        surfacesByFirstChar = surfacesLongestFirst.GroupBy(s => s[0]).ToDictionary(g => g.Key, g => g.ToArray());
        var index = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var surface in surfacesLongestFirst.Where(s => s.Length is >= 2 and <= 5 && AllSyllables(s)))
        {
            foreach (var key in DeletionsAndSelf(Jamo.Decompose(surface)))
            {
                if (!index.TryGetValue(key, out var list))
                {
                    index[key] = list = [];
                }
                if (!list.Contains(surface))
                {
                    list.Add(surface);
                }
            }
        }
        typoIndex = index;
    }

    private sealed record FoodFile : CommentedFile
    {
        public FoodEntry?[]? Foods { get; init; }
        public CompoundEntry?[]? Compounds { get; init; }
        public string[]? DishEndings { get; init; }
    }

    private sealed record FoodEntry
    {
        public string? Name { get; init; }
        public string? Category { get; init; }
        public string[]? Aliases { get; init; }
        public string? Family { get; init; }
        public bool? OwnDish { get; init; }
        public bool? KindMeals { get; init; }
        public bool? HoldsDish { get; init; }
        public string[]? TypedOnly { get; init; }
        public string[]? CertainAt { get; init; }
    }

    private sealed record CompoundEntry
    {
        public string? Word { get; init; }
        public string[]? Foods { get; init; }
    }
}

/// <summary>
/// A canonical food word and the category it belongs to, with what <see cref="DishNames"/> needs to read menus and shop
/// names by it: the dish it is a kind of when its name does not end with that dish, whether it is a dish of its own
/// although its name ends with another's, the spellings only typed by users, and the kinds of shop that certainly serve it.
/// </summary>
public sealed record FoodTerm(string Name, FoodCategory Category, IReadOnlyList<string> Aliases)
{
    /// <summary>The dish this one is a kind of when its name does not say so (뿌링클 is a 치킨, 라볶이 a 떡볶이).</summary>
    public string? Family { get; init; }

    /// <summary>
    /// Its name ends with another dish's but it is not one (삼각김밥 is no 김밥, 감자튀김 no 튀김): a menu named so is
    /// only this dish.
    /// </summary>
    public bool OwnDish { get; init; }

    /// <summary>
    /// A way of serving whose menus name the dish they hold before it: "돈까스 도시락" is a 도시락 and a 돈까스, "제육덮밥" a
    /// 덮밥 and a 제육볶음.
    /// </summary>
    public bool HoldsDish { get; init; }

    /// <summary>
    /// A shop of the dish's kind names its versions of it without the dish's name (a chicken shop's 황금올리브, a pizza
    /// shop's 슈퍼슈프림): its meals named for no other dish are the dish.
    /// </summary>
    public bool KindMeals { get; init; }

    /// <summary>Aliases users type that menus and shop names do not use for the dish ("포테이토" for 포테이토피자, "마라" for 마라탕).</summary>
    public IReadOnlyList<string> TypedOnly { get; init; } = [];

    /// <summary>Kinds of shop that certainly serve it, so a shop of that kind without a menu sells it (중식 for 짜장면).</summary>
    public IReadOnlyList<FoodCategory> CertainAt { get; init; } = [];

    /// <summary>The name and the aliases that menus and shop names use, without spaces.</summary>
    public IEnumerable<string> WrittenSpellings =>
        Aliases.Where(alias => !TypedOnly.Contains(alias)).Prepend(Name).Select(s => s.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant()).Distinct();

    private System.Buffers.SearchValues<string>? spellings;

    /// <summary>
    /// The name and every alias of two letters or more, as one vectorised multi-string search: retrieval asks
    /// "does this menu mention the food?" for every menu of every shop it looks at.
    /// </summary>
    public System.Buffers.SearchValues<string> Spellings => spellings ??= System.Buffers.SearchValues.Create(
        Aliases.Where(a => a.Length >= 2).Select(a => a.Replace(" ", "", StringComparison.Ordinal)).Append(Name).Distinct().ToArray(),
        StringComparison.Ordinal);

    /// <summary>
    /// "편의점 도시락" is a 도시락 at a 편의점: at a shop of that kind the menu only says the dish, so the dish is what
    /// to look for there. Null for names that do not start with their category.
    /// </summary>
    public string? DishAtKind { get; } = Name.IndexOf(' ', StringComparison.Ordinal) is > 0 and var space && Name[..space] == Category.ToKorean()
        ? Name[(space + 1)..].Replace(" ", "", StringComparison.Ordinal)
        : null;

    /// <summary>True when the word names the category itself (치킨, 피자, 분식) rather than one dish.</summary>
    public bool IsCategoryWord => Category != FoodCategory.Other && Category.ToKorean() == Name
        || Category is FoodCategory.Chicken or FoodCategory.Pizza or FoodCategory.Burger && Name.Length <= 3;
}

public sealed record FoodMention(FoodTerm Term, string Surface, int Start, int End);
