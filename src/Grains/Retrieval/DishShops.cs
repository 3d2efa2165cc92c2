using Naviyam.Shops;

namespace Naviyam.Retrieval;

/// <summary>
/// The shops that may answer one dish (a menu of it or of its family, or a name or kind that says it), in catalog order,
/// each with what its menus are to the dish: built once per dish and catalog version, so that a turn reads the verdict
/// of every menu instead of working out a dish name per menu again.
/// </summary>
internal sealed class DishShops
{
    private readonly Dictionary<string, DishFacts> byId;
    private readonly DishFacts?[] byPosition;

    private DishShops(ShopRecord[] shops, DishFacts[] facts, DishFacts?[] byPosition, ServedPlaces.ShopSubset subset)
    {
        Shops = shops;
        Facts = facts;
        this.byPosition = byPosition;
        Subset = subset;
        byId = new Dictionary<string, DishFacts>(shops.Length, StringComparer.Ordinal);
        for (var i = 0; i < shops.Length; i++)
        {
            byId[shops[i].Id] = facts[i];
        }
    }

    /// <summary>The shops, most popular first (the catalog's order).</summary>
    public ShopRecord[] Shops { get; }

    /// <summary>The facts of <see cref="Shops"/>, index for index.</summary>
    public DishFacts[] Facts { get; }

    /// <summary>The same shops within the served places they were picked from, for searches around a point.</summary>
    public ServedPlaces.ShopSubset Subset { get; }

    /// <summary>False when the shop can only miss the dish (it serves neither it nor its family and says nothing of it).</summary>
    public bool TryGet(ShopRecord shop, out DishFacts facts) => byId.TryGetValue(shop.Id, out facts!);

    /// <summary>The facts of the shop at a position of <see cref="Subset"/>'s snapshot (one of its members).</summary>
    public DishFacts At(int position) => byPosition[position]!;

    /// <param name="dish">The dish asked; null for a search that asks none (every shop, every meal).</param>
    /// <param name="served">The served shops of one catalog version, in the catalog's order.</param>
    public static DishShops Build(DishRequest? dish, ServedPlaces.Snapshot served)
    {
        var shops = new List<ShopRecord>();
        var facts = new List<DishFacts>();
        var byPosition = new DishFacts?[served.Shops.Length];
        var members = new bool[served.Shops.Length];
        for (var i = 0; i < served.Shops.Length; i++)
        {
            if ((dish is null ? DishFacts.AnyMeal(served.Shops[i]) : DishFacts.Of(dish, served.Shops[i])) is { } known)
            {
                shops.Add(served.Shops[i]);
                facts.Add(known);
                (byPosition[i], members[i]) = (known, true);
            }
        }
        return new DishShops([.. shops], [.. facts], byPosition, new ServedPlaces.ShopSubset(served, members));
    }
}

/// <summary>What one shop's menus are to one dish, as <see cref="DishRequest"/> judges them.</summary>
internal sealed class DishFacts
{
    private const byte Matching = 1;
    private const byte Similar = 2;

    // Per menu, index for index with the record's menus: whether it is the dish, or only a similar one.
    private readonly byte[] menus;
    private readonly ShopRecord shop;

    private DishFacts(ShopRecord shop, byte[] menus, DishEvidence evidence)
    {
        this.shop = shop;
        this.menus = menus;
        Evidence = evidence;
        Prices = menus.Length == 0 ? null : MenuPrices.Of(shop, Matches, IsSimilar);
        MealCard = shop.MealCard is MealCardAcceptance.Yes or MealCardAcceptance.Partial;
        NotForChildren = shop.NotForChildren;
    }

    /// <summary>The shop takes the meal card (copied here so that a search reads it beside the prices).</summary>
    public bool MealCard { get; }

    /// <summary>The shop is not for children (copied as <see cref="MealCard"/>).</summary>
    public bool NotForChildren { get; }

    /// <summary>The shop's menus by price for this request; null for a shop without menus.</summary>
    public MenuPrices? Prices { get; }

    /// <summary>For a shop without menus: what its name and kind say of the dish.</summary>
    public DishEvidence Evidence { get; }

    /// <summary>The facts were worked out for this very record (a shop edited since is judged afresh).</summary>
    public bool Describe(ShopRecord record) => ReferenceEquals(shop, record);

    public bool Matches(int menu) => (menus[menu] & Matching) != 0;

    public bool IsSimilar(int menu) => (menus[menu] & Similar) != 0;

    /// <summary>The shop's facts for a search that asks no dish: every meal answers it.</summary>
    public static DishFacts AnyMeal(ShopRecord shop)
    {
        var menus = new byte[shop.Menus.Count];
        for (var i = 0; i < menus.Length; i++)
        {
            menus[i] = shop.Menus[i].Kind == MenuKind.Meal ? Matching : (byte)0;
        }
        return new DishFacts(shop, menus, DishEvidence.Certain);
    }

    /// <summary>The shop's facts, or null when it may only miss the dish.</summary>
    public static DishFacts? Of(DishRequest dish, ShopRecord shop)
    {
        if (shop.Menus.Count == 0)
        {
            var evidence = dish.ByNameAndKind(shop);
            return evidence == DishEvidence.None ? null : new DishFacts(shop, [], evidence);
        }
        var menus = new byte[shop.Menus.Count];
        var any = false;
        for (var i = 0; i < menus.Length; i++)
        {
            var menu = shop.Menus[i];
            menus[i] = dish.Matches(menu, shop) ? Matching : dish.IsSimilar(menu, shop) ? Similar : (byte)0;
            any |= menus[i] != 0;
        }
        return any ? new DishFacts(shop, menus, DishEvidence.None) : null;
    }
}
