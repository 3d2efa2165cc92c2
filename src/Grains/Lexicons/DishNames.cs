using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Naviyam.Lexicons;

/// <summary>
/// Which dishes a menu item, a shop name or a category text names, read with the foods of <see cref="FoodLexicon"/>.
/// Korean dish names put the head noun last: 참치김밥 is a 김밥, 고기만두 a 만두 (not a 고기국수), "마라 불고기 피자" a
/// 피자 (not a 마라탕). A menu name is therefore read from its end: every food whose written spelling ends it, longest
/// first, until one that is a dish of its own (삼각김밥 is no 김밥, <see cref="FoodTerm.OwnDish"/>). A dish is a kind of
/// another when its own name ends with it (고기국수 → 국수) or its family says so (라볶이 → 떡볶이).
/// </summary>
/// <remarks>
/// Built once from the lexicon; the readings of menu names are cached per name (the same names recur across shops), so
/// a turn only looks them up.
/// </remarks>
public sealed partial class DishNames
{
    private const int MaxCachedNames = 200_000;

    private readonly FrozenDictionary<string, FoodTerm> byName;
    private readonly Dictionary<string, FoodTerm> bySpelling = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FoodTerm>.AlternateLookup<ReadOnlySpan<char>> spellingLookup;
    private readonly Dictionary<string, FrozenSet<string>> kinds = new(StringComparer.Ordinal);
    private readonly SearchValues<string> nameSpellings;
    private readonly Dictionary<char, string[]> nameSpellingsByFirst;
    private readonly ConcurrentDictionary<string, FoodTerm[]> headsByMenu = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FoodTerm[]> namedByText = new(StringComparer.Ordinal);
    private readonly string[] dishEndings;

    public DishNames(FoodLexicon foods)
    {
        ArgumentNullException.ThrowIfNull(foods);
        byName = foods.Terms.ToFrozenDictionary(term => term.Name, StringComparer.Ordinal);
        dishEndings = [.. foods.DishEndings];
        // A food's own name beats another food's alias of the same spelling.
        foreach (var term in foods.Terms)
        {
            bySpelling.TryAdd(Compact(term.Name), term);
        }
        foreach (var term in foods.Terms)
        {
            foreach (var spelling in term.WrittenSpellings)
            {
                bySpelling.TryAdd(spelling, term);
            }
        }
        spellingLookup = bySpelling.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var term in foods.Terms)
        {
            KindsOf(term, []);
        }
        // Shop names and category texts are searched for spellings of two letters or more: one letter ("죽", "빵")
        // is too often part of another word there ("죽림", "빵빵").
        var forNames = bySpelling.Keys.Where(spelling => spelling.Length >= 2).OrderByDescending(s => s.Length).ThenBy(s => s, StringComparer.Ordinal).ToArray();
        nameSpellings = SearchValues.Create(forNames, StringComparison.Ordinal);
        nameSpellingsByFirst = forNames.GroupBy(s => s[0]).ToDictionary(g => g.Key, g => g.ToArray());
    }

    /// <summary>The food of the lexicon called so, or null.</summary>
    public FoodTerm? Find(string name) => byName.GetValueOrDefault(name);

    /// <summary>The dish itself and every dish it is a kind of (고기국수 → 고기국수, 국수).</summary>
    public IReadOnlySet<string> KindsOf(FoodTerm term) => kinds.TryGetValue(term.Name, out var known) ? known : KindsOf(term, []);

    /// <summary>True when <paramref name="term"/> is <paramref name="dish"/> or a kind of it.</summary>
    public bool IsKindOf(FoodTerm term, FoodTerm dish) => KindsOf(term).Contains(dish.Name);

    /// <summary>
    /// The nearest dish <paramref name="dish"/> is a kind of (고기국수 → 국수, 치즈돈까스 → 돈까스), or null for a dish of
    /// no family: what a similar dish has in common with it.
    /// </summary>
    public FoodTerm? FamilyOf(FoodTerm dish)
    {
        if (dish.Family is { } family)
        {
            return byName[family];
        }
        var heads = Heads(Compact(dish.Name));
        return heads.FirstOrDefault(head => head.Name != dish.Name);
    }

    /// <summary>
    /// The dishes a menu item's name says it is, most specific first: "제육덮밥" → 제육볶음, 덮밥; "돈까스+우동" → 돈까스,
    /// 우동; "떡볶이(중) 1인분" → 떡볶이; empty when no food of the lexicon ends it.
    /// </summary>
    public IReadOnlyList<FoodTerm> HeadsOf(string menuName)
    {
        if (headsByMenu.TryGetValue(menuName, out var known))
        {
            return known;
        }
        if (headsByMenu.Count >= MaxCachedNames)
        {
            headsByMenu.Clear();
        }
        return headsByMenu[menuName] = ReadMenu(menuName);
    }

    /// <summary>True when the menu item's name says it is <paramref name="dish"/> or a kind of it.</summary>
    public bool MenuIs(string menuName, FoodTerm dish)
    {
        foreach (var head in HeadsOf(menuName))
        {
            if (IsKindOf(head, dish))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The menu item's name ends like some dish (계란탕, 공기밥, 잔치국수) even when no food of the lexicon ends it.
    /// </summary>
    public bool EndsLikeADish(string menuName)
    {
        var compact = Compact(Decoration().Replace(Brackets().Replace(menuName, " "), " "));
        return dishEndings.Any(ending => compact.EndsWith(ending, StringComparison.Ordinal));
    }

    /// <summary>
    /// The dishes named anywhere in a shop's name or a category text ("선비꼬마김밥 대현점" → 꼬마김밥; "한식, 국수" →
    /// 한식, 국수), longest spelling first and without overlaps. Names carry no head rule: "국수나무" sells 국수.
    /// </summary>
    public IReadOnlyList<FoodTerm> NamedIn(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }
        if (namedByText.TryGetValue(text, out var known))
        {
            return known;
        }
        if (namedByText.Count >= MaxCachedNames)
        {
            namedByText.Clear();
        }
        return namedByText[text] = ReadName(Compact(text));
    }

    private FoodTerm[] ReadName(string compact)
    {
        var found = new List<FoodTerm>();
        var position = 0;
        while (position < compact.Length)
        {
            var offset = compact.AsSpan(position).IndexOfAny(nameSpellings);
            if (offset < 0)
            {
                break;
            }
            var start = position + offset;
            var spelling = nameSpellingsByFirst[compact[start]].First(s => compact.AsSpan(start).StartsWith(s, StringComparison.Ordinal));
            var term = bySpelling[spelling];
            if (!found.Contains(term))
            {
                found.Add(term);
            }
            position = start + spelling.Length;
        }
        return [.. found];
    }

    private FoodTerm[] ReadMenu(string menuName)
    {
        // Notes in brackets go, and decoration ("떡볶이-보통", "★떡볶이★", "떡볶이~!") is only a space.
        var withoutNotes = Decoration().Replace(Brackets().Replace(menuName, " "), " ");
        var heads = new List<FoodTerm>();
        foreach (var part in withoutNotes.Split(ComboSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            foreach (var head in HeadsOfPart(part))
            {
                if (!heads.Contains(head))
                {
                    heads.Add(head);
                }
            }
        }
        return [.. heads];
    }

    // Dishes joined in one item: "돈까스+우동", "김밥&라면", "짜장/짬뽕".
    private static readonly char[] ComboSeparators = ['+', '＋', '&', '/', ',', '·'];

    /// <summary>
    /// The foods ending one dish name; when none does, what is left after a size, a count or a word like 정식 or 세트
    /// at its end ("돈까스정식", "김밥 2줄", "짬뽕 곱빼기") is read again.
    /// </summary>
    private List<FoodTerm> HeadsOfPart(string part)
    {
        var text = part;
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var heads = Heads(Compact(text));
            if (heads.Count > 0)
            {
                return heads;
            }
            var shorter = TrailingModifier().Replace(text, "").TrimEnd();
            if (shorter.Length == 0 || shorter.Length == text.Length)
            {
                break;
            }
            text = shorter;
        }
        return [];
    }

    /// <summary>
    /// Every food whose spelling ends the text, longest first, stopping after a dish of its own; after a way of serving
    /// (도시락, 덮밥) the dish it holds, named before it, is read the same way ("돈까스 도시락" → 도시락, 돈까스).
    /// </summary>
    private List<FoodTerm> Heads(string compact)
    {
        var heads = new List<FoodTerm>(2);
        for (var start = 0; start < compact.Length; start++)
        {
            if (!spellingLookup.TryGetValue(compact.AsSpan(start), out var term))
            {
                continue;
            }
            if (!heads.Contains(term))
            {
                heads.Add(term);
            }
            if (term.HoldsDish && start > 0)
            {
                foreach (var held in Heads(compact[..start]).Where(held => !heads.Contains(held)))
                {
                    heads.Add(held);
                }
                break;
            }
            if (term.OwnDish)
            {
                break;
            }
        }
        return heads;
    }

    private FrozenSet<string> KindsOf(FoodTerm term, HashSet<string> visiting)
    {
        if (kinds.TryGetValue(term.Name, out var known))
        {
            return known;
        }
        visiting.Add(term.Name);
        var all = new HashSet<string>(StringComparer.Ordinal) { term.Name };
        if (!term.OwnDish)
        {
            foreach (var head in Heads(Compact(term.Name)).Where(head => head.Name != term.Name && !visiting.Contains(head.Name)))
            {
                all.UnionWith(KindsOf(head, visiting));
            }
        }
        if (term.Family is { } family && byName.TryGetValue(family, out var parent) && !visiting.Contains(family))
        {
            all.UnionWith(KindsOf(parent, visiting));
        }
        visiting.Remove(term.Name);
        return kinds[term.Name] = all.ToFrozenSet(StringComparer.Ordinal);
    }

    private static string Compact(string text) => text.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();

    // Anything but letters, digits, spaces and the marks that join dishes (+ & / , ·).
    [GeneratedRegex(@"[^\p{L}\p{Nd}\s+＋&/,·]+")]
    private static partial Regex Decoration();

    // Notes in brackets: "(대)", "[인기메뉴]", "(죽포함)", "<신메뉴>".
    [GeneratedRegex(@"[\(\[\{<（【][^\)\]\}>）】]*[\)\]\}>）】]?")]
    private static partial Regex Brackets();

    // What may follow a dish's name without changing the dish: a count or weight ("2줄", "1인분", "300g"), a size said
    // apart or in Hanja ("떡볶이 대", "감자탕中"), a portion or serving word ("곱빼기", "정식", "세트", "단품").
    [GeneratedRegex(@"(?:\d+(?:\.\d+)?\s*(?:인분|인|개|줄|pcs|pc|p|g|kg|ml|그릇|조각|마리|판|접시|장|알|피스|종)?|\s(?:대|중|소|특|왕)|[大中小特]|곱빼기|곱배기|특대|보통|정식|세트|set|단품|한그릇|라지|레귤러|미디움|\s[lmrs])$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrailingModifier();
}
