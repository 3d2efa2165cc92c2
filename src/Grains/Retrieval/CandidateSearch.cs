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
    DateTimeOffset LocalNow);

/// <summary>A shop that may be offered, with the meal that makes it fit.</summary>
public sealed record Candidate(
    ShopRecord Shop,
    MenuItem? Meal,
    bool? OpenNow,
    double? DistanceMeters,
    bool FoodMatched);

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
public sealed class CandidateSearch(IShopCatalog catalog, FoodLexicon foods, IOptions<RecommendationOptions> options)
{
    public CandidateSet Find(CandidateQuery query)
    {
        var settings = options.Value;
        var food = query.FoodType is { } type && foods.TryGet(type.Replace(" ", "", StringComparison.Ordinal), out var term) ? term : null;
        var exclusions = query.Exclusions.Select(ResolveExclusion).ToArray();

        if (query.Location is { } location)
        {
            CandidateSet? best = null;
            foreach (var radius in settings.SearchRadiiMeters)
            {
                best = Filter(catalog.Near(location, radius), query, food, exclusions, settings.MaxCandidates);
                if (best.Fitting.Count >= settings.MaxResults)
                {
                    return best;
                }
            }
            // Beyond the last radius the user is better served by a far shop than by none.
            var everywhere = Filter(catalog.All().Select(shop => (shop, shop.Location is { } at ? location.DistanceMetersTo(at) : double.NaN)),
                query, food, exclusions, settings.MaxCandidates);
            return everywhere.Fitting.Count > (best?.Fitting.Count ?? 0) ? everywhere : best ?? everywhere;
        }

        return Filter(catalog.All().Select(shop => (shop, double.NaN)), query, food, exclusions, settings.MaxCandidates);
    }

    private CandidateSet Filter(
        IEnumerable<(ShopRecord Shop, double Distance)> pool,
        CandidateQuery query,
        FoodTerm? food,
        Exclusion[] exclusions,
        int maxCandidates)
    {
        var fitting = new List<Candidate>();
        var priceUnknown = new List<Candidate>();
        Candidate? cheapest = null;
        var day = query.LocalNow.DayOfWeek;
        var minute = query.LocalNow.Hour * 60 + query.LocalNow.Minute;

        foreach (var (shop, distance) in pool)
        {
            if (shop.MealCard is not (MealCardAcceptance.Yes or MealCardAcceptance.Partial)
                || query.IsMinor && shop.NotForChildren)
            {
                continue;
            }
            var open = shop.Hours?.IsOpenAt(day, minute);
            if (open == false || exclusions.Any(e => e.ExcludesShop(shop)))
            {
                continue;
            }

            var meals = shop.Menus.Where(m => m.IsPricedMeal && !exclusions.Any(e => e.ExcludesMenu(m))).ToList();
            double? distanceMeters = double.IsNaN(distance) ? null : distance;

            var cheapestMeal = meals.MinBy(m => m.Price);
            if (cheapestMeal is not null && (cheapest?.Meal is null || cheapestMeal.Price < cheapest.Meal.Price))
            {
                cheapest = new Candidate(shop, cheapestMeal, open, distanceMeters, false);
            }

            var matchedMeals = food is null ? meals : meals.Where(m => Mentions(m.Name, food)).ToList();
            var foodMatched = food is not null && (matchedMeals.Count > 0 || shop.Category == food.Category && food.IsCategoryWord
                || shop.Category == food.Category && meals.Count == 0);
            if (food is not null && !foodMatched)
            {
                continue;
            }
            if (food is not null && food.IsCategoryWord && matchedMeals.Count == 0)
            {
                // "분식" names a kind of shop: any meal of a matching shop will do.
                matchedMeals = meals;
            }

            if (query.BudgetCap is { } cap)
            {
                var affordable = matchedMeals.Where(m => m.Price <= cap).MinBy(m => m.Price);
                if (affordable is not null)
                {
                    fitting.Add(new Candidate(shop, affordable, open, distanceMeters, foodMatched));
                }
                else if (meals.Count == 0 && !shop.Menus.Any(m => m.Price is > 0))
                {
                    priceUnknown.Add(new Candidate(shop, null, open, distanceMeters, foodMatched));
                }
            }
            else
            {
                fitting.Add(new Candidate(shop, matchedMeals.MinBy(m => m.Price), open, distanceMeters, foodMatched));
            }
        }

        return new CandidateSet(PreSelect(fitting, maxCandidates), PreSelect(priceUnknown, maxCandidates), cheapest);
    }

    /// <summary>Keeps the ranker's batch bounded: known-open, close, popular shops first.</summary>
    private static List<Candidate> PreSelect(List<Candidate> candidates, int max) =>
        candidates.Count <= max
            ? candidates
            : candidates
                .OrderByDescending(c => c.OpenNow == true)
                .ThenBy(c => c.DistanceMeters ?? double.MaxValue)
                .ThenByDescending(c => c.Shop.Popularity)
                .Take(max)
                .ToList();

    private static bool Mentions(string menuName, FoodTerm food)
    {
        var name = menuName.Replace(" ", "", StringComparison.Ordinal);
        return name.Contains(food.Name, StringComparison.Ordinal)
               || food.Aliases.Any(alias => alias.Length >= 2 && name.Contains(alias, StringComparison.Ordinal));
    }

    private Exclusion ResolveExclusion(string word)
    {
        var compact = word.Replace(" ", "", StringComparison.Ordinal);
        return new Exclusion(compact, foods.TryGet(compact, out var term) ? term : null);
    }

    private sealed record Exclusion(string Word, FoodTerm? Food)
    {
        private static readonly string[] SpicyMarkers = ["매운", "매콤", "불닭", "마라", "얼큰", "땡초", "엽기"];

        public bool ExcludesShop(ShopRecord shop) =>
            Food is { IsCategoryWord: true } && shop.Category == Food.Category
            || shop.Name.Contains(Word, StringComparison.Ordinal);

        public bool ExcludesMenu(MenuItem menu) =>
            Word == "매운"
                ? SpicyMarkers.Any(marker => menu.Name.Contains(marker, StringComparison.Ordinal))
                : menu.Name.Contains(Word, StringComparison.Ordinal)
                  || Food is not null && Food.Aliases.Any(a => a.Length >= 2 && menu.Name.Contains(a, StringComparison.Ordinal));
    }
}
