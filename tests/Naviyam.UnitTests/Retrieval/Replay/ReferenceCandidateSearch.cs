using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Naviyam.Catalog;
using Naviyam.Coupons;
using Naviyam.Retrieval;
using Naviyam.Lexicons;
using Naviyam.Places;
using Naviyam.Shops;

namespace Naviyam.UnitTests.Retrieval.Replay;

/// <summary>
/// The candidate search as it was before its speed work (issue 11), kept unchanged as the replay tests' reference: the
/// served search must give the same answers. Only its names changed.
/// </summary>
/// <remarks>
/// Retrieval stage: the hard rules no ranking may override. Meal-card merchants only; never a not-for-children shop
/// for a minor; never a shop known to be closed; a named area restricts the shops to those inside it; the asked dish by
/// concept; with a budget, only a real priced meal whose price after the user's best coupon fits it; exclusions always
/// honoured; nothing farther than <see cref="RecommendationOptions.MaxDistanceMeters"/> from the user. When nothing
/// matches, it says which limits decided that and gathers marked alternatives: the nearest fits outside the area,
/// similar dishes, or shops that might serve the dish.
/// </remarks>
internal sealed class ReferenceCandidateSearch
{
    private readonly IShopCatalog catalog;
    private readonly FoodLexicon foods;
    private readonly DishNames dishNames;
    private readonly ServedPlaces places;
    private readonly TypicalMealPrices typicalPrices;
    private readonly SpicyDishes spicyDishes;
    private readonly IOptions<RecommendationOptions> options;

    // Shops that may answer a dish (a menu of it or of its family, or a name or kind that says it), most popular first,
    // per catalog version: a city-wide "떡볶이" then walks those shops instead of every shop.
    private readonly ConcurrentDictionary<string, DishShops> shopsByDish = new(StringComparer.Ordinal);

    public ReferenceCandidateSearch(IShopCatalog catalog, FoodLexicon foods, DishNames dishNames, ServedPlaces places, TypicalMealPrices typicalPrices,
        SpicyDishes spicyDishes, IOptions<RecommendationOptions> options)
    {
        this.catalog = catalog;
        this.foods = foods;
        this.dishNames = dishNames;
        this.places = places;
        this.typicalPrices = typicalPrices;
        this.spicyDishes = spicyDishes;
        this.options = options;
        catalog.Changed += shopsByDish.Clear;
    }

    public CandidateSet Find(CandidateQuery query)
    {
        var settings = options.Value;
        var dish = DishRequest.For(query.FoodType, dishNames, spicyDishes);
        var judge = new ReferenceShopJudge(query, dish, ExclusionsFor(query.Exclusions), typicalPrices, ReferenceCouponPricing.For(query.Wallet, query.CouponsAt));

        if (query.Area is { } area)
        {
            return InArea(query, area, judge, dish, settings);
        }
        if (query.PlaceNotFound)
        {
            return NearUserInstead(query, judge, dish, settings);
        }
        if (query.Location is { } origin)
        {
            var near = NewCollector(judge, settings, query.Preference is not null && dish is null);
            Around(origin, near, settings, skip: null);
            return near.HasMatches ? near.Result(settings.MaxCandidates) : near.NoMatch(settings.MaxCandidates, insideArea: false);
        }

        // No place to be near: the catalog is ordered by popularity, so stopping once the ranker's batch is full keeps
        // the best-known shops and bounds the cost at any city size.
        var anywhere = NewCollector(judge, settings, query.Preference is not null && dish is null);
        foreach (var shop in dish is null ? catalog.All() : ShopsFor(dish).Shops)
        {
            anywhere.Consider(shop, null, approximate: false);
            if (anywhere.FittingCount >= settings.MaxCandidates)
            {
                break;
            }
        }
        return anywhere.HasMatches ? anywhere.Result(settings.MaxCandidates) : anywhere.NoMatch(settings.MaxCandidates, insideArea: false, hadOrigin: false);
    }

    /// <summary>
    /// Only shops inside the named area match. When none fits there, the nearest fits outside it (within the distance
    /// limit of the user, else of the area's point) are the alternatives; when there are none either, a similar dish or
    /// a shop that might serve it inside the area.
    /// </summary>
    private CandidateSet InArea(CandidateQuery query, Area area, ReferenceShopJudge judge, DishRequest? dish, RecommendationOptions settings)
    {
        var origin = query.Location ?? area.Point;
        var inside = NewCollector(judge, settings, query.Preference is not null && dish is null);
        var dishShops = dish is null ? null : ShopsFor(dish).Ids;
        foreach (var shop in places.ShopsIn(area))
        {
            if (dishShops is not null && !dishShops.Contains(shop.Id))
            {
                inside.SkipAsNotTheDish();
                continue;
            }
            var (position, approximate) = places.PositionOf(shop);
            inside.Consider(shop, position is { } at ? origin.DistanceMetersTo(at) : null, approximate);
            if (inside.FittingCount >= settings.MaxCandidates)
            {
                break;
            }
        }
        if (inside.HasMatches)
        {
            return inside.Result(settings.MaxCandidates);
        }

        var outside = NewCollector(judge, settings, wished: false);
        Around(origin, outside, settings, skip: shop => places.Contains(area, shop));
        if (outside.HasMatches)
        {
            var set = outside.Result(settings.MaxCandidates);
            var alternatives = set.Fitting.Count > 0 ? set.Fitting : set.PriceUnknown;
            return new CandidateSet([], [], null)
            {
                Alternatives = [.. alternatives.Select(c => c with { Alternative = AlternativeKind.OutsideArea })],
                Outcome = new SearchOutcome { Limits = [SearchLimit.Area, .. inside.Limits()], Alternatives = AlternativeKind.OutsideArea, NoShopsInReach = inside.EligibleCount == 0 },
            };
        }
        var none = inside.NoMatch(settings.MaxCandidates, insideArea: true);
        return none with { Outcome = none.Outcome with { Limits = [SearchLimit.Area, .. none.Outcome.Limits.Where(l => l != SearchLimit.Area)] } };
    }

    /// <summary>
    /// The place named could not be found: nothing matches there. Near the user's own location (when they share it)
    /// the fits are offered as alternatives, after the reply says the place was not found.
    /// </summary>
    private CandidateSet NearUserInstead(CandidateQuery query, ReferenceShopJudge judge, DishRequest? dish, RecommendationOptions settings)
    {
        var outcome = new SearchOutcome { Limits = [SearchLimit.Area], Alternatives = AlternativeKind.NearUserInstead };
        if (query.Location is not { } here)
        {
            return CandidateSet.Empty with { Outcome = outcome with { Alternatives = AlternativeKind.None } };
        }
        var near = NewCollector(judge, settings, query.Preference is not null && dish is null);
        Around(here, near, settings, skip: null);
        var set = near.Result(settings.MaxCandidates);
        var fits = set.Fitting.Count > 0 ? set.Fitting : set.PriceUnknown;
        return new CandidateSet([], [], set.CheapestEligible)
        {
            Alternatives = [.. fits.Select(c => c with { Alternative = AlternativeKind.NearUserInstead })],
            Outcome = fits.Count > 0 ? outcome : outcome with { Alternatives = AlternativeKind.None },
        };
    }

    /// <summary>
    /// Widening rings around a point, every shop judged once however many radii are tried, never beyond the distance
    /// limit; stops as soon as a ring holds enough matches.
    /// </summary>
    private void Around(GeoPoint origin, Collector collector, RecommendationOptions settings, Func<ShopRecord, bool>? skip)
    {
        var dishShops = collector.Dish is { } dish ? ShopsFor(dish).Ids : null;
        var inner = -1.0;
        foreach (var radius in settings.SearchRadiiMeters.Where(r => r < settings.MaxDistanceMeters).Append(settings.MaxDistanceMeters))
        {
            foreach (var (shop, distance) in places.Near(origin, radius))
            {
                if (distance <= inner)
                {
                    continue;
                }
                if (dishShops is not null && !dishShops.Contains(shop.Id))
                {
                    // Serves neither the dish nor its family, and says nothing of it: it can only miss the dish.
                    collector.SkipAsNotTheDish();
                    continue;
                }
                if (skip is not null && skip(shop))
                {
                    continue;
                }
                var approximate = places.PositionOf(shop).Approximate;
                // A position that is only its address area's point may be a couple of km off: such a shop is offered
                // only well inside the limit, so that it is never really beyond it.
                if (!approximate || distance <= settings.MaxDistanceMeters * ApproximateShare)
                {
                    collector.Consider(shop, distance, approximate);
                }
            }
            inner = radius;
            if (collector.HasEnough)
            {
                return;
            }
        }
    }

    private Collector NewCollector(ReferenceShopJudge judge, RecommendationOptions settings, bool wished) =>
        new(judge, settings.MaxResults, wished, places.OneIdOf);

    /// <summary>Shops that may answer a dish, in catalog order, and their ids.</summary>
    private sealed record DishShops(ShopRecord[] Shops, HashSet<string> Ids);

    private DishShops ShopsFor(DishRequest dish) => shopsByDish.GetOrAdd(dish.Dish.Name, _ =>
    {
        var shops = catalog.All().Where(shop => shop.Menus.Count > 0
            ? shop.Menus.Any(menu => dish.Matches(menu, shop) || dish.IsSimilar(menu, shop))
            : dish.ByNameAndKind(shop) != DishEvidence.None).ToArray();
        return new DishShops(shops, shops.Select(shop => shop.Id).ToHashSet(StringComparer.Ordinal));
    });

    private const double ApproximateShare = 0.85;

    private const int MaxCachedExclusions = 1_000;

    // A dietary restriction brings about a hundred words, and the same user sends the same list turn after turn.
    private readonly ConcurrentDictionary<string, ReferenceExclusions> exclusionsByList = new(StringComparer.Ordinal);

    private ReferenceExclusions ExclusionsFor(IReadOnlyList<string> words)
    {
        if (words.Count == 0)
        {
            return ReferenceExclusions.None;
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
        return exclusionsByList[key] = ReferenceExclusions.Create(words, foods, spicyDishes);
    }

    /// <summary>
    /// Gathers the judged shops of one search: matches, shops of unconfirmed price, similar dishes and shops that might
    /// serve the dish, and for each limit how many shops it alone kept out.
    /// </summary>
    private sealed class Collector(ReferenceShopJudge judge, int maxResults, bool wished, Func<ShopRecord, string> oneIdOf)
    {
        private int skippedAsNotTheDish;

        /// <summary>The dish asked for, if any.</summary>
        public DishRequest? Dish => judge.Dish;

        /// <summary>A shop in reach that has nothing to do with the asked dish was not judged.</summary>
        public void SkipAsNotTheDish() => skippedAsNotTheDish++;

        private readonly List<Candidate> fitting = [];
        private readonly List<Candidate> priceUnknown = [];
        private readonly List<Candidate> similar = [];
        private readonly List<Candidate> might = [];
        private readonly int[] keptOutBy = new int[ReferenceShopJudge.LimitCount];
        private Misses closest = Misses.All;
        private Candidate? cheapest;
        private int wishedCount;

        public int FittingCount => fitting.Count;

        public int EligibleCount { get; private set; }

        public bool HasMatches => fitting.Count > 0 || priceUnknown.Count > 0;

        /// <summary>Enough matches that a wider ring cannot improve the answer (with a wish, enough of the wished kind).</summary>
        public bool HasEnough => fitting.Count >= maxResults && (!wished || wishedCount >= maxResults);

        public void Consider(ShopRecord shop, double? distance, bool approximate)
        {
            if (judge.Judge(shop, distance, approximate) is not { } verdict)
            {
                return;
            }
            EligibleCount++;
            if (verdict.Fit is { } fit)
            {
                fitting.Add(fit);
                wishedCount += fit.FoodMatched ? 1 : 0;
            }
            if (verdict.PriceUnknown is { } unknown)
            {
                priceUnknown.Add(unknown);
            }
            if (verdict.Similar is { } like)
            {
                similar.Add(like);
            }
            if (verdict.Might is { } maybe)
            {
                might.Add(maybe);
            }
            if (verdict.CheapestOverBudget is { } over && (cheapest?.FinalPrice is not { } price || over.FinalPrice < price))
            {
                cheapest = over;
            }
            for (var mask = 1; mask <= (int)Misses.All; mask++)
            {
                if ((verdict.SeenMisses & (1 << mask)) == 0)
                {
                    continue;
                }
                var misses = (Misses)mask;
                if (System.Numerics.BitOperations.IsPow2(mask))
                {
                    keptOutBy[System.Numerics.BitOperations.Log2((uint)mask)]++;
                }
                if (BitCount(misses) < BitCount(closest))
                {
                    closest = misses;
                }
            }
        }

        public CandidateSet Result(int maxCandidates) =>
            new(PreSelect(fitting, maxCandidates), PreSelect(priceUnknown, maxCandidates), fitting.Count == 0 ? cheapest : null);

        /// <summary>Keeps the ranker's batch bounded and each shop once (a shop listed twice under two ids).</summary>
        private List<Candidate> PreSelect(List<Candidate> candidates, int max)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            return ReferenceCandidateSearch.PreSelect(candidates.Where(candidate => seen.Add(oneIdOf(candidate.Shop))).ToList(), max);
        }

        /// <summary>Nothing matches: why, and the similar dishes or the shops that might serve it, if any.</summary>
        /// <param name="hadOrigin">The search was around a point: with nothing in reach, distance is the reason.</param>
        public CandidateSet NoMatch(int maxCandidates, bool insideArea, bool hadOrigin = true)
        {
            var limits = Limits();
            var dishMissing = limits.Contains(SearchLimit.Dish);
            var (alternatives, kind) = dishMissing && similar.Count > 0 ? (similar, AlternativeKind.SimilarDish)
                : dishMissing && might.Count > 0 ? (might, AlternativeKind.MightServe)
                : (new List<Candidate>(), AlternativeKind.None);
            return new CandidateSet([], [], cheapest)
            {
                Alternatives = PreSelect(alternatives, maxCandidates),
                Outcome = new SearchOutcome
                {
                    Limits = limits.Count > 0 ? limits : Dish is not null ? [SearchLimit.Dish] : hadOrigin && !insideArea ? [SearchLimit.Distance] : [],
                    Alternatives = kind,
                    NoShopsInReach = EligibleCount == 0 && skippedAsNotTheDish == 0,
                },
            };
        }

        /// <summary>
        /// The limits that decided the answer: each that alone kept a shop out; when none did alone, those the nearest
        /// misses have in common.
        /// </summary>
        public IReadOnlyList<SearchLimit> Limits()
        {
            var alone = Enumerable.Range(0, ReferenceShopJudge.LimitCount).Where(limit => keptOutBy[limit] > 0).ToList();
            var decisive = alone.Count > 0 ? alone
                : closest == Misses.All ? []
                : Enumerable.Range(0, ReferenceShopJudge.LimitCount).Where(limit => closest.HasFlag((Misses)(1 << limit))).ToList();
            return [.. decisive.Select(ReferenceShopJudge.LimitOf).OrderBy(limit => limit)];
        }

        private static int BitCount(Misses misses) => System.Numerics.BitOperations.PopCount((uint)misses);
    }

    /// <summary>Keeps the ranker's batch bounded: known-open, matching, close, popular shops first.</summary>
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
}

