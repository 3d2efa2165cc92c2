using System.Text.Json;
using Naviyam.Eval.Raw;

namespace Naviyam.Eval.Dishes;

/// <summary>One dish a child can ask for, as the eval's dictionary (<c>data/dishes.json</c>) describes it.</summary>
public sealed record DishConcept
{
    public required string Label { get; init; }
    public bool Spicy { get; init; }
    public bool ByCategory { get; init; }
    public bool CategoryMeals { get; init; }
    public IReadOnlyList<string> Menu { get; init; } = [];
    public IReadOnlyList<string> CategoryMenu { get; init; } = [];
    public IReadOnlyList<string> LooseMenu { get; init; } = [];
    public IReadOnlyList<string> NotMenu { get; init; } = [];
    public IReadOnlyList<string> Names { get; init; } = [];
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Categories { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
}

/// <summary>
/// The eval's dish dictionary: which menu items are which dish, which items are meals at all, which are spicy, and
/// when a shop without a menu counts as selling a dish (its category makes it certain, or its name says so).
/// </summary>
public sealed class DishDictionary
{
    private readonly Dictionary<string, DishConcept> _concepts;
    private readonly string[] _addOns;
    private readonly string[] _addOnLookAlikes;
    private readonly string[] _nonMeal;
    private readonly string[] _nonMealEndings;
    private readonly string[] _spicy;
    private readonly string[] _spicyDishes;
    private readonly string[] _notSpicy;
    private readonly string[] _nameMatchBlocked;
    private readonly string[] _allDishWords;

    private DishDictionary(DishFile file)
    {
        _concepts = new Dictionary<string, DishConcept>(file.Concepts, StringComparer.Ordinal);
        _addOns = Keys(file.AddOns);
        _addOnLookAlikes = Keys(file.AddOnLookAlikes);
        _nonMeal = Keys(file.NonMeal);
        _nonMealEndings = Keys(file.NonMealEndings);
        _spicy = Keys(file.SpicyWords);
        _spicyDishes = Keys(file.SpicyDishes);
        _notSpicy = Keys(file.NotSpicyWords);
        _nameMatchBlocked = [.. file.NameMatchBlocked];
        _allDishWords = Keys(_concepts.Values.SelectMany(c => c.Menu));
    }

    public static DishDictionary Load(string path)
    {
        using var stream = File.OpenRead(path);
        var file = JsonSerializer.Deserialize<DishFile>(stream, EvalJson.Options) ?? throw new InvalidDataException($"{path} is empty.");
        return new DishDictionary(file);
    }

    public IReadOnlyCollection<string> Keys() => _concepts.Keys;

    public bool Knows(string concept) => _concepts.ContainsKey(concept);

    /// <exception cref="KeyNotFoundException">The concept is not in the dictionary (a query-file error).</exception>
    public DishConcept Get(string concept) =>
        _concepts.TryGetValue(concept, out var found) ? found : throw new KeyNotFoundException($"Dish concept '{concept}' is not in dishes.json.");

    /// <summary>An add-on, not a dish: 라면사리, 치즈추가; not 고사리육개장 or 사리원 짜장, which only contain an add-on word.</summary>
    public bool IsAddOn(string menuName) => ContainsAny(WithoutAddOnLookAlikes(TextKey.Of(menuName)), _addOns);

    private string WithoutAddOnLookAlikes(string key) =>
        _addOnLookAlikes.Aggregate(key, (masked, word) => masked.Replace(word, "□", StringComparison.Ordinal));

    /// <summary>Whether a menu item of <paramref name="shop"/> is the asked dish.</summary>
    public bool MenuIs(string concept, string menuName, RawShop shop)
    {
        if (IsAddOn(menuName))
        {
            return false;
        }
        var dish = Get(concept);
        var key = TextKey.Of(menuName);
        foreach (var not in dish.NotMenu)
        {
            key = key.Replace(TextKey.Of(not), "□", StringComparison.Ordinal);
        }
        if (dish.Menu.Any(word => key.Contains(TextKey.Of(word), StringComparison.Ordinal)))
        {
            return true;
        }
        return (dish.CategoryMeals || dish.CategoryMenu.Count > 0) && IsMeal(menuName) && CategorySays(concept, shop)
               && (dish.CategoryMeals || dish.CategoryMenu.Any(word => key.Contains(TextKey.Of(word), StringComparison.Ordinal)));
    }

    /// <summary>
    /// The item may well be the dish even if the dictionary would not count it as a match ("셰프의 치킨 &amp; 감자튀김"
    /// for 치킨): a hard "not the dish" violation needs the item to be clearly something else.
    /// </summary>
    public bool MenuPlausiblyIs(string concept, string menuName, RawShop shop)
    {
        if (MenuIs(concept, menuName, shop))
        {
            return true;
        }
        var key = TextKey.Of(menuName);
        return !IsAddOn(menuName) && Get(concept).LooseMenu.Any(word => key.Contains(TextKey.Of(word), StringComparison.Ordinal));
    }

    /// <summary>The category of the shop makes the dish certain (Daegu codes are compared one by one).</summary>
    public bool CategorySays(string concept, RawShop shop)
    {
        var dish = Get(concept);
        if (!dish.Categories.TryGetValue(shop.Dataset, out var categories) || categories.Count == 0 || shop.Category.Length == 0)
        {
            return false;
        }
        if (shop.Dataset == "daegu")
        {
            var codes = shop.Category.Split('+', StringSplitOptions.TrimEntries);
            return categories.Any(codes.Contains);
        }
        return categories.Any(c => shop.Category.Contains(c, StringComparison.Ordinal));
    }

    /// <summary>The shop's name says it sells the dish ("OO떡볶이"); never for convenience stores, banks and the like.</summary>
    public bool NameSays(string concept, RawShop shop)
    {
        if (_nameMatchBlocked.Any(b => shop.Category.Contains(b, StringComparison.Ordinal)))
        {
            return false;
        }
        var name = TextKey.Of(shop.Name);
        return Get(concept).Names.Any(word => name.Contains(TextKey.Of(word), StringComparison.Ordinal));
    }

    /// <summary>
    /// A shop serves the dish without a named menu item: for shops that list no menu, by category or name; for
    /// concepts matched by category (편의점), by category whatever the menu.
    /// </summary>
    public bool ShopServes(string concept, RawShop shop)
    {
        var dish = Get(concept);
        if (dish.ByCategory && (CategorySays(concept, shop) || NameSays(concept, shop)))
        {
            return true;
        }
        if (shop.Menus.Count > 0)
        {
            return shop.Menus.Any(m => MenuIs(concept, m.Name, shop));
        }
        return CategorySays(concept, shop) || NameSays(concept, shop);
    }

    /// <summary>Something a hungry child can eat: not a drink, dessert, side or add-on (bread and snacks count).</summary>
    public bool IsMeal(string menuName)
    {
        var key = TextKey.Of(menuName);
        if (IsAddOn(menuName))
        {
            return false;
        }
        var nonMeal = ContainsAny(key, _nonMeal) || _nonMealEndings.Any(e => key.EndsWith(e, StringComparison.Ordinal));
        return !nonMeal || ContainsAny(key, _allDishWords);
    }

    /// <summary>"매운 로제 떡볶이" and "짬뽕" are spicy; "로제 떡볶이", "백짬뽕" and "핫도그" are not.</summary>
    public bool IsSpicy(string menuName)
    {
        var key = TextKey.Of(menuName);
        return ContainsAny(key, _spicy) || (ContainsAny(key, _spicyDishes) && !ContainsAny(key, _notSpicy));
    }

    private static bool ContainsAny(string key, string[] words) => words.Any(w => key.Contains(w, StringComparison.Ordinal));

    private static string[] Keys(IEnumerable<string> words) => [.. words.Select(TextKey.Of).Where(w => w.Length > 0).Distinct()];

    private sealed record DishFile(
        Dictionary<string, DishConcept> Concepts,
        IReadOnlyList<string> AddOns,
        IReadOnlyList<string> AddOnLookAlikes,
        IReadOnlyList<string> NonMeal,
        IReadOnlyList<string> NonMealEndings,
        IReadOnlyList<string> SpicyWords,
        IReadOnlyList<string> SpicyDishes,
        IReadOnlyList<string> NotSpicyWords,
        IReadOnlyList<string> NameMatchBlocked);
}
