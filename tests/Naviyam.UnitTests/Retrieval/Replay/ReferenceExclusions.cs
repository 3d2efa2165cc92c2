using Naviyam.Lexicons;
using Naviyam.Retrieval;
using Naviyam.Shops;

namespace Naviyam.UnitTests.Retrieval.Replay;

/// <summary>
/// Every excluded word checked at once: a shop is out when its name carries a word or its category is an excluded
/// category word (피자 말고 → pizza shops); a menu is out when its name carries a word or a two-letter-or-longer
/// alias of an excluded food, or, for 매운, when <see cref="SpicyDishes"/> says it is spicy.
/// </summary>
internal sealed class ReferenceExclusions
{
    public static ReferenceExclusions None { get; } = new(null, null, [], spicy: null);

    private readonly System.Buffers.SearchValues<string>? shopWords;
    private readonly System.Buffers.SearchValues<string>? menuWords;
    private readonly HashSet<FoodCategory> categories;
    private readonly SpicyDishes? spicy;

    private ReferenceExclusions(System.Buffers.SearchValues<string>? shopWords, System.Buffers.SearchValues<string>? menuWords,
        HashSet<FoodCategory> categories, SpicyDishes? spicy)
    {
        this.shopWords = shopWords;
        this.menuWords = menuWords;
        this.categories = categories;
        this.spicy = spicy;
    }

    public static ReferenceExclusions Create(IEnumerable<string> words, FoodLexicon foods, SpicyDishes spicyDishes)
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
        return new ReferenceExclusions(Search(shopWords), Search(menuWords), categories, spicy);
    }

    /// <summary>Spicy dishes are out ("매운 거 못 먹어").</summary>
    public bool NotSpicy => spicy is not null;

    public bool ExcludesShop(ShopRecord shop) =>
        categories.Contains(shop.Category) || shopWords is not null && shop.Name.AsSpan().IndexOfAny(shopWords) >= 0;

    public bool ExcludesMenu(MenuItem menu) =>
        menuWords is not null && menu.Name.AsSpan().IndexOfAny(menuWords) >= 0 || spicy is not null && spicy.IsSpicy(menu.Name);

    private static System.Buffers.SearchValues<string>? Search(HashSet<string> words) =>
        words.Count == 0 ? null : System.Buffers.SearchValues.Create([.. words], StringComparison.Ordinal);
}
