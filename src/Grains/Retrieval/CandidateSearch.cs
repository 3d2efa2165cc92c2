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
    private readonly IOptions<RecommendationOptions> options;

    // Shops that serve a food (its category, or a menu that names it), most popular first, per catalog version:
    // a city-wide "치킨" then walks the chicken shops instead of every shop.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<FoodTerm, ShopRecord[]> shopsByFood = new();

    public CandidateSearch(IShopCatalog catalog, FoodLexicon foods, TypicalMealPrices typicalPrices, IOptions<RecommendationOptions> options)
    {
        this.catalog = catalog;
        this.foods = foods;
        this.typicalPrices = typicalPrices;
        this.options = options;
        catalog.Changed += shopsByFood.Clear;
    }

    private ShopRecord[] ShopsServing(FoodTerm food) => shopsByFood.GetOrAdd(food, term =>
        catalog.All().Where(shop => shop.Category == term.Category || shop.Menus.Any(menu => Mentions(menu.Name, term))).ToArray());

    public CandidateSet Find(CandidateQuery query)
    {
        var settings = options.Value;
        var food = query.FoodType is { } type && foods.TryGet(type.Replace(" ", "", StringComparison.Ordinal), out var term) ? term : null;
        var exclusions = query.Exclusions.Select(ResolveExclusion).ToArray();
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
                if (filter.FittingCount >= settings.MaxResults && filter.WishedCount >= Math.Min(settings.MaxResults, filter.FittingCount))
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
    private sealed class ShopFilter(CandidateQuery query, FoodTerm? food, Exclusion[] exclusions, TypicalMealPrices typicalPrices)
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
            foreach (var exclusion in exclusions)
            {
                if (exclusion.ExcludesShop(shop))
                {
                    return false;
                }
            }
            return true;
        }

        public void Consider(ShopRecord shop, double distance)
        {
            if (!IsEligible(shop, out var open))
            {
                return;
            }
            double? distanceMeters = double.IsNaN(distance) ? null : distance;
            var cap = query.BudgetCap;
            MenuItem? cheapestMeal = null, cheapestMatched = null, affordableMeal = null, affordableMatched = null;
            MenuItem? cheapestPreferred = null, affordablePreferred = null;
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
                if (cheapestMeal is null || menu.Price < cheapestMeal.Price)
                {
                    cheapestMeal = menu;
                }
                if (fits && (affordableMeal is null || menu.Price < affordableMeal.Price))
                {
                    affordableMeal = menu;
                }
                if (preference is not null && preference.Matches(menu.Name))
                {
                    if (cheapestPreferred is null || menu.Price < cheapestPreferred.Price)
                    {
                        cheapestPreferred = menu;
                    }
                    if (fits && (affordablePreferred is null || menu.Price < affordablePreferred.Price))
                    {
                        affordablePreferred = menu;
                    }
                }
                if (food is null || Mentions(menu.Name, food)
                    || food.DishAtKind is { } dish && shop.Category == food.Category && menu.Name.Contains(dish, StringComparison.Ordinal))
                {
                    if (cheapestMatched is null || menu.Price < cheapestMatched.Price)
                    {
                        cheapestMatched = menu;
                    }
                    if (fits && (affordableMatched is null || menu.Price < affordableMatched.Price))
                    {
                        affordableMatched = menu;
                    }
                }
            }

            var foodMatched = food is not null && (cheapestMatched is not null || shop.Category == food.Category && (food.IsCategoryWord || cheapestMeal is null));
            if (food is not null && !foodMatched)
            {
                return;
            }
            if (preference is not null && (cap is null ? cheapestPreferred : affordablePreferred) is not null)
            {
                // The wished-for kind of dish ("국물 있는 거") is what this shop is offered with; shops without one
                // stay eligible but rank lower (FoodMatched is the ranking's food feature).
                (cheapestMatched, affordableMatched, foodMatched) = (cheapestPreferred, affordablePreferred, true);
            }
            if (food is not null && food.IsCategoryWord && cheapestMatched is null)
            {
                // "분식" names a kind of shop: any meal of a matching shop will do.
                (cheapestMatched, affordableMatched) = (cheapestMeal, affordableMeal);
            }

            if (cap is not null)
            {
                if (affordableMatched is not null)
                {
                    fitting.Add(new Candidate(shop, affordableMatched, open, distanceMeters, foodMatched));
                    wished += foodMatched ? 1 : 0;
                }
                else if (cheapestMeal is null && !anyPriced && typicalPrices.Of(shop.Category) is var typical && typical <= cap)
                {
                    priceUnknown.Add(new Candidate(shop, null, open, distanceMeters, foodMatched, typical));
                }
            }
            else
            {
                fitting.Add(new Candidate(shop, cheapestMatched, open, distanceMeters, foodMatched));
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

        private bool IsExcluded(MenuItem menu)
        {
            foreach (var exclusion in exclusions)
            {
                if (exclusion.ExcludesMenu(menu))
                {
                    return true;
                }
            }
            return false;
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

    private Exclusion ResolveExclusion(string word)
    {
        var compact = word.Replace(" ", "", StringComparison.Ordinal);
        return new Exclusion(compact, foods.TryGet(compact, out var term) ? term : null);
    }

    private sealed record Exclusion(string Word, FoodTerm? Food)
    {
        public bool ExcludesShop(ShopRecord shop) =>
            Food is { IsCategoryWord: true } && shop.Category == Food.Category
            || shop.Name.Contains(Word, StringComparison.Ordinal);

        public bool ExcludesMenu(MenuItem menu) =>
            Word == "매운"
                ? SpicyDishes.IsSpicy(menu.Name)
                : menu.Name.Contains(Word, StringComparison.Ordinal)
                  || Food is not null && Food.Aliases.Any(a => a.Length >= 2 && menu.Name.Contains(a, StringComparison.Ordinal));
    }
}
