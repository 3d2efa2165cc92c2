using Naviyam.Lexicons;
using Naviyam.Shops;

namespace Naviyam.Retrieval;

/// <summary>
/// Every excluded word checked at once: a shop is out when its name carries a word or its category is an excluded
/// category word (피자 말고 → pizza shops); a menu is out when its name carries a word or a two-letter-or-longer
/// alias of an excluded food, or, for 매운, when <see cref="SpicyDishes"/> says it is spicy.
/// </summary>
internal sealed class Exclusions
{
    public static Exclusions None { get; } = new(null, null, [], spicy: null);

    private readonly System.Buffers.SearchValues<string>? shopWords;
    private readonly System.Buffers.SearchValues<string>? menuWords;
    private readonly HashSet<FoodCategory> categories;
    private readonly SpicyDishes? spicy;

    private Exclusions(System.Buffers.SearchValues<string>? shopWords, System.Buffers.SearchValues<string>? menuWords,
        HashSet<FoodCategory> categories, SpicyDishes? spicy)
    {
        this.shopWords = shopWords;
        this.menuWords = menuWords;
        this.categories = categories;
        this.spicy = spicy;
    }

    public static Exclusions Create(IEnumerable<string> words, FoodLexicon foods, SpicyDishes spicyDishes)
    {
        var shopWords = new HashSet<string>(StringComparer.Ordinal);
        var menuWords = new HashSet<string>(StringComparer.Ordinal);
        var categories = new HashSet<FoodCategory>();
        SpicyDishes? spicy = null;
        foreach (var word in words.Select(w => w.Replace(" ", "", StringComparison.Ordinal)).Where(w => w.Length > 0))
        {
            var food = foods.TryGet(word, out var term) ? term : null;
            shopWords.Add(word);
            if (food is { IsCategoryWord: true })
            {
                categories.Add(food.Category);
            }
            if (word == "매운")
            {
                spicy = spicyDishes;
                continue;
            }
            menuWords.Add(word);
            menuWords.UnionWith(food?.Aliases.Where(alias => alias.Length >= 2) ?? []);
        }
        return new Exclusions(Search(shopWords), Search(menuWords), categories, spicy);
    }

    /// <summary>Spicy dishes are out ("매운 거 못 먹어").</summary>
    public bool NotSpicy => spicy is not null;

    public bool ExcludesShop(ShopRecord shop) =>
        categories.Contains(shop.Category) || shopWords is not null && shop.Name.AsSpan().IndexOfAny(shopWords) >= 0;

    public bool ExcludesMenu(MenuItem menu)
    {
        if (menuWords is null && spicy is null)
        {
            return false;
        }
        // The same list comes back turn after turn (it is cached per list) and meets the same menu names ("김밥",
        // "돈까스"): each name is searched for the words once.
        if (verdictByMenuName.TryGetValue(menu.Name, out var known))
        {
            return known;
        }
        var excluded = menuWords is not null && menu.Name.AsSpan().IndexOfAny(menuWords) >= 0 || spicy is not null && spicy.IsSpicy(menu.Name);
        if (verdictByMenuName.Count < MaxRememberedNames)
        {
            verdictByMenuName.TryAdd(menu.Name, excluded);
        }
        return excluded;
    }

    // Bounded: a list meets at most this many distinct menu names before the rest are searched each time.
    private const int MaxRememberedNames = 4_096;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> verdictByMenuName = new(StringComparer.Ordinal);

    private static System.Buffers.SearchValues<string>? Search(HashSet<string> words) =>
        words.Count == 0 ? null : System.Buffers.SearchValues.Create([.. words], StringComparison.Ordinal);
}
