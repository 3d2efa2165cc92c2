using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Naviyam.Catalog;
using Naviyam.Coupons;
using Naviyam.Lexicons;
using Naviyam.Places;
using Naviyam.Shops;

namespace Naviyam.Retrieval;

/// <summary>What a turn is looking for, after NLU, session slots, card balance and age are combined.</summary>
/// <param name="Location">The point distances are measured from: the device's location, else the named area's point.</param>
/// <param name="LocalNow">Seoul local time the shops must be open at.</param>
public sealed record CandidateQuery(
    GeoPoint? Location,
    int? BudgetCap,
    string? FoodType,
    IReadOnlyList<string> Exclusions,
    bool IsMinor,
    DateTimeOffset LocalNow,
    DishPreference? Preference = null)
{
    /// <summary>A place the user named: only shops inside it match.</summary>
    public Area? Area { get; init; }

    /// <summary>The user's coupons: a meal fits when its price after the best of them fits the budget.</summary>
    public IReadOnlyList<WalletCoupon> Wallet { get; init; } = [];

    /// <summary>Seoul local time of the turn, when the coupons must be valid (the product clock's now).</summary>
    public DateTimeOffset CouponsAt { get; init; }

    /// <summary>
    /// The user named a place that could not be found: nothing is a match there, so what fits near their own location
    /// (if they share it) is only an alternative.
    /// </summary>
    public bool PlaceNotFound { get; init; }
}

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
    int? TypicalPrice = null)
{
    /// <summary>The user's best coupon for the meal (the same rule checkout applies), or null.</summary>
    public CouponChoice? Coupon { get; init; }

    /// <summary>What the meal costs the user: after the coupon, else its price.</summary>
    public int? FinalPrice => Coupon?.PriceAfterDiscount ?? Meal?.Price;

    /// <summary>Offered in place of a match, and why (<see cref="AlternativeKind.None"/> for a match).</summary>
    public AlternativeKind Alternative { get; init; }

    /// <summary>The distance is measured to the point of the shop's address area, not to the shop.</summary>
    public bool ApproximateDistance { get; init; }
}

/// <summary>
/// <see cref="Fitting"/>: shops with a real meal that fits. <see cref="PriceUnknown"/>: with a budget, shops that list no
/// prices but whose kind usually fits it. <see cref="CheapestEligible"/>: when nothing fits the budget, the cheapest real
/// meal that fits everything else. <see cref="Alternatives"/>: when nothing matches, what may be offered instead, each
/// marked; <see cref="Outcome"/> says why.
/// </summary>
public sealed record CandidateSet(
    IReadOnlyList<Candidate> Fitting,
    IReadOnlyList<Candidate> PriceUnknown,
    Candidate? CheapestEligible)
{
    public static CandidateSet Empty { get; } = new([], [], null);

    public IReadOnlyList<Candidate> Alternatives { get; init; } = [];

    public SearchOutcome Outcome { get; init; } = SearchOutcome.Found;
}

/// <summary>
/// Retrieval stage: the hard rules no ranking may override. Meal-card merchants only; never a not-for-children shop
/// for a minor; never a shop known to be closed; a named area restricts the shops to those inside it; the asked dish by
/// concept; with a budget, only a real priced meal whose price after the user's best coupon fits it; exclusions always
/// honoured; nothing farther than <see cref="RecommendationOptions.MaxDistanceMeters"/> from the user. When nothing
/// matches, it says which limits decided that and gathers marked alternatives: the nearest fits outside the area,
/// similar dishes, or shops that might serve the dish.
/// </summary>
public sealed class CandidateSearch
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

    public CandidateSearch(IShopCatalog catalog, FoodLexicon foods, DishNames dishNames, ServedPlaces places, TypicalMealPrices typicalPrices,
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
        var judge = new ShopJudge(query, dish, ExclusionsFor(query.Exclusions), typicalPrices, CouponPricing.For(query.Wallet, query.CouponsAt));

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
        var dishShops = ShopsFor(dish);
        var shops = dishShops.Shops;
        for (var i = 0; i < shops.Length; i++)
        {
            anywhere.Consider(shops[i], null, approximate: false, dishShops.Facts[i]);
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
    private CandidateSet InArea(CandidateQuery query, Area area, ShopJudge judge, DishRequest? dish, RecommendationOptions settings)
    {
        var origin = query.Location ?? area.Point;
        var inside = NewCollector(judge, settings, query.Preference is not null && dish is null);
        var dishShops = ShopsFor(dish);
        foreach (var shop in places.ShopsIn(area))
        {
            if (!dishShops.TryGet(shop, out var found) && dish is not null)
            {
                inside.SkipAsNotTheDish();
                continue;
            }
            var (position, approximate) = places.PositionOf(shop);
            inside.Consider(shop, position is { } at ? origin.DistanceMetersTo(at) : null, approximate, found);
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
    private CandidateSet NearUserInstead(CandidateQuery query, ShopJudge judge, DishRequest? dish, RecommendationOptions settings)
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
        var dishShops = ShopsFor(collector.Dish);
        var inner = -1.0;
        for (var ring = 0; ring <= settings.SearchRadiiMeters.Length; ring++)
        {
            // The configured radii below the distance limit, then the limit itself.
            var radius = ring < settings.SearchRadiiMeters.Length ? settings.SearchRadiiMeters[ring] : settings.MaxDistanceMeters;
            if (ring < settings.SearchRadiiMeters.Length && radius >= settings.MaxDistanceMeters)
            {
                continue;
            }
            // A dish's search walks only the shops that may serve it: the others can only miss the dish, and whether
            // any lies in reach is asked only if the answer needs it (see Collector.NoMatch).
            var nearby = collector.Dish is null ? places.Within(origin, radius, beyondMeters: inner) : places.Within(origin, radius, inner, dishShops.Subset);
            foreach (var (shop, distance, approximate, position) in nearby)
            {
                if (distance <= inner)
                {
                    continue;
                }
                var facts = dishShops.At(position);
                if (skip is not null && skip(shop))
                {
                    continue;
                }
                // A position that is only its address area's point may be a couple of km off: such a shop is offered
                // only well inside the limit, so that it is never really beyond it.
                if (!approximate || distance <= settings.MaxDistanceMeters * ApproximateShare)
                {
                    collector.Consider(shop, distance, approximate, facts);
                }
            }
            inner = radius;
            if (collector.Dish is not null)
            {
                collector.OthersInReach(origin, radius, dishShops.Subset);
            }
            if (collector.HasEnough)
            {
                return;
            }
        }
    }

    private Collector NewCollector(ShopJudge judge, RecommendationOptions settings, bool wished) =>
        new(judge, settings.MaxResults, wished, places.OneIdOf);

    /// <summary>The shops that may answer the dish, or every shop with its meals when no dish is asked.</summary>
    private DishShops ShopsFor(DishRequest? dish)
    {
        var served = places.Current;
        var key = dish?.Dish.Name ?? AnyMeal;
        if (shopsByDish.TryGetValue(key, out var known) && ReferenceEquals(known.Subset.Snapshot, served))
        {
            return known;
        }
        // Built over the served places of this catalog version (a change replaces them, and this with them).
        return shopsByDish[key] = DishShops.Build(dish, served);
    }

    // No dish is named by an empty string.
    private const string AnyMeal = "";

    private const double ApproximateShare = 0.85;

    private const int MaxCachedExclusions = 1_000;

    // A dietary restriction brings about a hundred words, and the same user sends the same list turn after turn.
    private readonly ConcurrentDictionary<string, Exclusions> exclusionsByList = new(StringComparer.Ordinal);

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
    /// Gathers the judged shops of one search: matches, shops of unconfirmed price, similar dishes and shops that might
    /// serve the dish, and for each limit how many shops it alone kept out.
    /// </summary>
    private sealed class Collector(ShopJudge judge, int maxResults, bool wished, Func<ShopRecord, string> oneIdOf)
    {
        private int skippedAsNotTheDish;

        /// <summary>The dish asked for, if any.</summary>
        public DishRequest? Dish => judge.Dish;

        /// <summary>A shop in reach that has nothing to do with the asked dish was not judged.</summary>
        public void SkipAsNotTheDish() => skippedAsNotTheDish++;

        private (GeoPoint Origin, double Radius, ServedPlaces.ShopSubset Dish)? walked;

        /// <summary>
        /// The search walked only the dish's shops up to this radius: any other shop within it has nothing to do with
        /// the dish; whether there is one is worked out only when the answer says why nothing is in reach.
        /// </summary>
        public void OthersInReach(GeoPoint origin, double radius, ServedPlaces.ShopSubset dish) => walked = (origin, radius, dish);

        private bool SkippedAnyAsNotTheDish =>
            skippedAsNotTheDish > 0 || walked is { } w && ServedPlaces.AnyOutside(w.Origin, w.Radius, w.Dish);

        private readonly List<Candidate> fitting = [];
        private readonly List<Candidate> priceUnknown = [];
        private readonly List<Candidate> similar = [];
        private readonly List<Candidate> might = [];
        private readonly int[] keptOutBy = new int[ShopJudge.LimitCount];
        private Misses closest = Misses.All;
        private Candidate? cheapest;
        private int wishedCount;

        public int FittingCount => fitting.Count;

        public int EligibleCount { get; private set; }

        public bool HasMatches => fitting.Count > 0 || priceUnknown.Count > 0;

        /// <summary>Enough matches that a wider ring cannot improve the answer (with a wish, enough of the wished kind).</summary>
        public bool HasEnough => fitting.Count >= maxResults && (!wished || wishedCount >= maxResults);

        public void Consider(ShopRecord shop, double? distance, bool approximate, DishFacts? facts = null)
        {
            if (judge.Glance(shop, facts) is { } glance && Settled(glance))
            {
                // Judging it could change nothing gathered so far (a walk where nothing fits meets mostly such shops).
                EligibleCount += glance.Offered ? 1 : 0;
                return;
            }
            if (judge.Judge(shop, distance, approximate, facts) is not { } verdict)
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
            if (verdict.CheapestOverBudget.Menu is not null && (cheapest?.FinalPrice is not { } price || verdict.CheapestOverBudget.Final < price))
            {
                // Made only when it is the cheapest yet: most shops of a search where nothing fits have one.
                cheapest = verdict.OverBudgetCandidate();
            }
            // Each mask seen, in increasing order (bit 0, no miss at all, is a match and counts nothing).
            for (var seen = verdict.SeenMisses & ~1u; seen != 0; seen &= seen - 1)
            {
                var mask = System.Numerics.BitOperations.TrailingZeroCount(seen);
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

        /// <summary>
        /// The shop is not offered, or can be no candidate and shows, open or closed, only misses that change nothing:
        /// a limit already known to keep a shop out alone (only whether one did is read), and nothing nearer a match
        /// than the closest miss so far.
        /// </summary>
        private bool Settled(QuickLook glance)
        {
            if (!glance.Offered)
            {
                return true;
            }
            if (glance.MayBeCandidate || glance.OverBudgetPrice < (cheapest?.FinalPrice ?? int.MaxValue))
            {
                return false;
            }
            // Closed, each mask also misses the hours: never alone and farther from a match, so it is known when the
            // open one is.
            for (var seen = glance.SeenWhenOpen & ~1u; seen != 0; seen &= seen - 1)
            {
                if (!Known((Misses)System.Numerics.BitOperations.TrailingZeroCount(seen)))
                {
                    return false;
                }
            }
            return true;
        }

        private bool Known(Misses misses) =>
            (!System.Numerics.BitOperations.IsPow2((uint)misses) || keptOutBy[System.Numerics.BitOperations.Log2((uint)misses)] > 0)
            && BitCount(misses) >= BitCount(closest);

        public CandidateSet Result(int maxCandidates) =>
            new(PreSelect(fitting, maxCandidates), PreSelect(priceUnknown, maxCandidates), fitting.Count == 0 ? cheapest : null);

        /// <summary>Keeps the ranker's batch bounded and each shop once (a shop listed twice under two ids).</summary>
        private List<Candidate> PreSelect(List<Candidate> candidates, int max)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            return CandidateSearch.PreSelect(candidates.Where(candidate => seen.Add(oneIdOf(candidate.Shop))).ToList(), max);
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
                    NoShopsInReach = EligibleCount == 0 && !SkippedAnyAsNotTheDish,
                },
            };
        }

        /// <summary>
        /// The limits that decided the answer: each that alone kept a shop out; when none did alone, those the nearest
        /// misses have in common.
        /// </summary>
        public IReadOnlyList<SearchLimit> Limits()
        {
            var alone = Enumerable.Range(0, ShopJudge.LimitCount).Where(limit => keptOutBy[limit] > 0).ToList();
            var decisive = alone.Count > 0 ? alone
                : closest == Misses.All ? []
                : Enumerable.Range(0, ShopJudge.LimitCount).Where(limit => closest.HasFlag((Misses)(1 << limit))).ToList();
            return [.. decisive.Select(ShopJudge.LimitOf).OrderBy(limit => limit)];
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

/// <summary>The limits a shop (or one of its menus) misses, as bits: <see cref="ShopJudge.LimitOf"/> names them.</summary>
[Flags]
internal enum Misses
{
    None = 0,
    Dish = 1,
    Hours = 2,
    Restriction = 4,
    Budget = 8,
    All = 15,
}
