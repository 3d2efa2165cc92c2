using Microsoft.Extensions.Options;
using Naviyam.Catalog;
using Naviyam.Hosting;
using Naviyam.Lexicons;
using Naviyam.Shops;

namespace Naviyam.Retrieval;

/// <summary>What a turn is looking for, after NLU, session slots, card balance and age are combined.</summary>
public sealed record CandidateQuery(
    GeoPoint? Location,
    int? BudgetCap,
    string? FoodType,
    IReadOnlyList<string> Exclusions,
    bool IsMinor,
    DateTimeOffset LocalNow,
    DishPreference? Preference = null);

/// <summary>
/// A shop that may be offered, with the meal that makes it fit. A shop whose menu has no prices carries instead what
/// its kind of shop usually charges for the cheapest meal (<see cref="TypicalMealPrices"/>), never shown as a price.
/// </summary>
public sealed record Candidate(
    ShopRecord Shop,
    MenuItem? Meal,
    bool? OpenNow,
    double? DistanceMeters,
    bool FoodMatched,
    int? TypicalPrice = null);

/// <summary>
/// <see cref="Fitting"/>: shops with a real meal that fits. <see cref="PriceUnknown"/>: with a budget, shops that list no
/// prices but whose kind usually fits it. <see cref="CheapestEligible"/>: when nothing fits, the cheapest real meal.
/// </summary>
public sealed record CandidateSet(
    IReadOnlyList<Candidate> Fitting,
    IReadOnlyList<Candidate> PriceUnknown,
    Candidate? CheapestEligible)
{
    public static CandidateSet Empty { get; } = new([], [], null);
}

/// <summary>
/// Retrieval stage: the hard rules no ranking may override. Meal-card merchants only; never a
/// not-for-children shop for a minor; never a shop known to be closed; with a budget, only a real priced
/// meal at or under it; exclusions always honoured.
/// </summary>
public sealed class CandidateSearch
{
    private readonly IShopCatalog catalog;
    private readonly FoodLexicon foods;
    private readonly TypicalMealPrices typicalPrices;
    private readonly SpicyDishes spicyDishes;
    private readonly IOptions<RecommendationOptions> options;

    // Shops that serve a food (its category, or a menu that names it), most popular first, per catalog version:
    // a city-wide "치킨" then walks the chicken shops instead of every shop.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<FoodTerm, ShopRecord[]> shopsByFood = new();

    public CandidateSearch(IShopCatalog catalog, FoodLexicon foods, TypicalMealPrices typicalPrices, SpicyDishes spicyDishes,
        IOptions<RecommendationOptions> options)
    {
        this.catalog = catalog;
        this.foods = foods;
        this.typicalPrices = typicalPrices;
        this.spicyDishes = spicyDishes;
        this.options = options;
        catalog.Changed += shopsByFood.Clear;
    }

    private ShopRecord[] ShopsServing(FoodTerm food) => shopsByFood.GetOrAdd(food, term =>
        catalog.All().Where(shop => shop.Category == term.Category || shop.Menus.Any(menu => Mentions(menu.Name, term))).ToArray());

    public CandidateSet Find(CandidateQuery query)
    {
        var settings = options.Value;
        var food = query.FoodType is { } type && foods.TryGet(type.Replace(" ", "", StringComparison.Ordinal), out var term) ? term : null;
        var exclusions = ExclusionsFor(query.Exclusions);
        var filter = new ShopFilter(query, food, exclusions, typicalPrices);

        if (query.Location is { } location)
        {
            // Widening rings: every shop is judged once, however many radii are tried.
            var inner = -1.0;
            foreach (var radius in settings.SearchRadiiMeters)
            {
                foreach (var (shop, distance) in catalog.Near(location, radius))
                {
                    if (distance > inner)
                    {
                        filter.Consider(shop, distance);
                    }
                }
                inner = radius;
                if (filter.FittingCount >= settings.MaxResults && filter.WishedCount >= settings.MaxResults)
                {
                    return filter.Result(settings.MaxCandidates, catalog);
                }
            }
            // Beyond the last radius the user is better served by a far shop than by none.
            foreach (var shop in food is null ? catalog.All() : ShopsServing(food))
            {
                var distance = shop.Location is { } at ? location.DistanceMetersTo(at) : double.NaN;
                if (double.IsNaN(distance) || distance > inner)
                {
                    filter.Consider(shop, distance);
                    if (filter.FittingCount >= settings.MaxCandidates)
                    {
                        break;
                    }
                }
            }
            return filter.Result(settings.MaxCandidates, catalog);
        }

        // No place to be near: the catalog is ordered by popularity, so stopping once the ranker's batch is full
        // keeps the best-known shops and bounds the cost at any city size.
        foreach (var shop in food is null ? catalog.All() : ShopsServing(food))
        {
            filter.Consider(shop, double.NaN);
            if (filter.FittingCount >= settings.MaxCandidates)
            {
                break;
            }
        }
        return filter.Result(settings.MaxCandidates, catalog);
    }

    /// <summary>Judges shops one at a time, without per-shop allocations, and keeps those that fit.</summary>
    private sealed class ShopFilter(CandidateQuery query, FoodTerm? food, Exclusions exclusions, TypicalMealPrices typicalPrices)
    {
        private readonly List<Candidate> fitting = [];
        private readonly List<Candidate> priceUnknown = [];
        private readonly DayOfWeek day = query.LocalNow.DayOfWeek;
        private readonly int minute = query.LocalNow.Hour * 60 + query.LocalNow.Minute;

        public int FittingCount => fitting.Count;

        /// <summary>Fitting shops that serve the wished-for kind of dish; without such a wish, every fitting shop.</summary>
        public int WishedCount => food is null && query.Preference is not null ? wished : fitting.Count;

        private int wished;

        /// <summary>The hard rules every offered shop must pass, whatever the food or budget.</summary>
        public bool IsEligible(ShopRecord shop, out bool? open)
        {
            open = null;
            if (shop.MealCard is not (MealCardAcceptance.Yes or MealCardAcceptance.Partial) || query.IsMinor && shop.NotForChildren)
            {
                return false;
            }
            open = shop.Hours?.IsOpenAt(day, minute);
            if (open == false)
            {
                return false;
            }
            return !exclusions.ExcludesShop(shop);
        }

        public void Consider(ShopRecord shop, double distance)
        {
            if (!IsEligible(shop, out var open))
            {
                return;
            }
            double? distanceMeters = double.IsNaN(distance) ? null : distance;
            var cap = query.BudgetCap;
            MealPair any = default, matched = default, preferred = default;
            var preference = food is null ? query.Preference : null;
            var anyPriced = false;
            foreach (var menu in shop.Menus)
            {
                anyPriced |= menu.Price is > 0;
                if (!menu.IsPricedMeal || IsExcluded(menu))
                {
                    continue;
                }
                var fits = menu.Price <= cap;
                any.Offer(menu, fits);
                if (preference is not null && preference.Matches(menu.Name))
                {
                    preferred.Offer(menu, fits);
                }
                if (food is null || Mentions(menu.Name, food)
                    || food.DishAtKind is { } dish && shop.Category == food.Category && menu.Name.Contains(dish, StringComparison.Ordinal))
                {
                    matched.Offer(menu, fits);
                }
            }

            var foodMatched = food is not null && (matched.Cheapest is not null || shop.Category == food.Category && (food.IsCategoryWord || any.Cheapest is null));
            if (food is not null && !foodMatched)
            {
                return;
            }
            if (preference is not null && (cap is null ? preferred.Cheapest : preferred.Affordable) is not null)
            {
                // The wished-for kind of dish ("국물 있는 거") is what this shop is offered with; shops without one
                // stay eligible but rank lower (FoodMatched is the ranking's food feature).
                (matched, foodMatched) = (preferred, true);
            }
            if (food is not null && food.IsCategoryWord && matched.Cheapest is null)
            {
                // "분식" names a kind of shop: any meal of a matching shop will do.
                matched = any;
            }

            if (cap is not null)
            {
                if (matched.Affordable is not null)
                {
                    fitting.Add(new Candidate(shop, matched.Affordable, open, distanceMeters, foodMatched));
                    wished += foodMatched ? 1 : 0;
                }
                else if (any.Cheapest is null && !anyPriced && typicalPrices.Of(shop.Category) is var typical && typical <= cap)
                {
                    priceUnknown.Add(new Candidate(shop, null, open, distanceMeters, foodMatched, typical));
                }
            }
            else
            {
                fitting.Add(new Candidate(shop, matched.Cheapest, open, distanceMeters, foodMatched));
                wished += foodMatched ? 1 : 0;
            }
        }

        public CandidateSet Result(int maxCandidates, IShopCatalog catalog) =>
            new(PreSelect(fitting, maxCandidates), PreSelect(priceUnknown, maxCandidates), fitting.Count == 0 ? CheapestEligible(catalog) : null);

        /// <summary>
        /// Only when nothing fits: the cheapest real meal any eligible shop serves, so the answer can name it
        /// kindly. A full scan, but on the rare path.
        /// </summary>
        private Candidate? CheapestEligible(IShopCatalog catalog)
        {
            Candidate? cheapest = null;
            foreach (var shop in catalog.All())
            {
                if (!IsEligible(shop, out var open))
                {
                    continue;
                }
                foreach (var menu in shop.Menus)
                {
                    if (menu.IsPricedMeal && !IsExcluded(menu) && (cheapest?.Meal is null || menu.Price < cheapest.Meal.Price))
                    {
                        cheapest = new Candidate(shop, menu, open, null, false);
                    }
                }
            }
            return cheapest;
        }

        private bool IsExcluded(MenuItem menu) => exclusions.ExcludesMenu(menu);
    }

    /// <summary>Of the menus offered, the cheapest, and the cheapest that fits the budget; a struct so a shop costs no allocation.</summary>
    private struct MealPair
    {
        public MenuItem? Cheapest;
        public MenuItem? Affordable;

        public void Offer(MenuItem menu, bool fits)
        {
            if (Cheapest is null || menu.Price < Cheapest.Price)
            {
                Cheapest = menu;
            }
            if (fits && (Affordable is null || menu.Price < Affordable.Price))
            {
                Affordable = menu;
            }
        }
    }

    /// <summary>Keeps the ranker's batch bounded: known-open, close, popular shops first.</summary>
    private static List<Candidate> PreSelect(List<Candidate> candidates, int max) =>
        candidates.Count <= max
            ? candidates
            : candidates
                .OrderByDescending(c => c.OpenNow == true)
                .ThenByDescending(c => c.FoodMatched)
                .ThenBy(c => c.DistanceMeters ?? double.MaxValue)
                .ThenByDescending(c => c.Shop.Popularity)
                .Take(max)
                .ToList();

    internal static bool Mentions(string menuName, FoodTerm food)
    {
        var name = menuName.Contains(' ', StringComparison.Ordinal) ? menuName.Replace(" ", "", StringComparison.Ordinal) : menuName;
        return name.AsSpan().IndexOfAny(food.Spellings) >= 0;
    }

    private const int MaxCachedExclusions = 1_000;

    // A dietary restriction brings about a hundred words, and the same user sends the same list turn after turn.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Exclusions> exclusionsByList = new(StringComparer.Ordinal);

    private Exclusions ExclusionsFor(IReadOnlyList<string> words)
    {
        if (words.Count == 0)
        {
            return Exclusions.None;
        }
        var key = string.Join('\n', words);
        if (exclusionsByList.TryGetValue(key, out var known))
        {
            return known;
        }
        if (exclusionsByList.Count >= MaxCachedExclusions)
        {
            exclusionsByList.Clear();
        }
        return exclusionsByList[key] = Exclusions.Create(words, foods, spicyDishes);
    }

    /// <summary>
    /// Every excluded word checked at once: a shop is out when its name carries a word or its category is an excluded
    /// category word (피자 말고 → pizza shops); a menu is out when its name carries a word or a two-letter-or-longer
    /// alias of an excluded food, or, for 매운, when <see cref="SpicyDishes"/> says it is spicy.
    /// </summary>
    private sealed class Exclusions
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

        public bool ExcludesShop(ShopRecord shop) =>
            categories.Contains(shop.Category) || shopWords is not null && shop.Name.AsSpan().IndexOfAny(shopWords) >= 0;

        public bool ExcludesMenu(MenuItem menu) =>
            menuWords is not null && menu.Name.AsSpan().IndexOfAny(menuWords) >= 0 || spicy is not null && spicy.IsSpicy(menu.Name);

        private static System.Buffers.SearchValues<string>? Search(HashSet<string> words) =>
            words.Count == 0 ? null : System.Buffers.SearchValues.Create([.. words], StringComparison.Ordinal);
    }
}
