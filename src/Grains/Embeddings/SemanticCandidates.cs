using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Naviyam.Lexicons;
using Naviyam.Retrieval;

namespace Naviyam.Embeddings;

/// <summary>
/// The served turn's use of the encoder, around retrieval's own search, which keeps every hard rule (meal card, age,
/// hours, area, budget, diet, distance): the encoder only says which of the shops that pass them fit the wish best.
/// <list type="bullet">
/// <item>A free wish that neither the NLU (no food_type) nor the dishes.json lexicon (no kind) names — "비 오는 날 먹기
/// 좋은 거", "든든한 거", told from a request for nothing in particular by <see cref="WishRecognizer"/> — becomes a
/// preference for the catalog's menus nearest to it by the hybrid similarity, exactly as a lexicon kind ("국물 있는 거")
/// steers retrieval: shops with such a menu are offered with it and rank first; the others stay eligible.</item>
/// <item>A food_type the lexicon does not know (a dish no lexicon lists, "흑돼지"): only shops with a menu naming it
/// match; when there are none, the nearest dishes are offered as similar dishes and the reply says the dish was not
/// found.</item>
/// <item>An asked dish that nothing eligible serves, when the lexicon's family offers nothing similar either: the
/// eligible shops selling the dishes nearest to it are offered as similar dishes (<see cref="AlternativeKind.SimilarDish"/>).</item>
/// </list>
/// Until the catalog's vector index is built (in the background, on first use) a turn is searched as before.
/// </summary>
public sealed class SemanticCandidates(
    SemanticSearch semantic, CatalogVectorIndex index, WishRecognizer wishes, DishNames dishNames, IOptions<SemanticRetrievalOptions> options,
    ILogger<SemanticCandidates>? logger = null)
{
    private readonly ILogger logger = logger ?? NullLogger<SemanticCandidates>.Instance;

    /// <summary>Retrieval's search for the query, steered or completed by the encoder as described above.</summary>
    /// <param name="text">The turn's normalized text: the wish when the NLU found no food type.</param>
    public async Task<CandidateSet> FindAsync(CandidateSearch search, CandidateQuery query, string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            return await SteeredAsync(search, query, text, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The encoder only refines the answer: a failure of its caches or its session costs the refinement, never the turn.
            logger.LogWarning(ex, "Semantic retrieval failed; the turn is searched without it");
            return search.Find(query);
        }
    }

    private async Task<CandidateSet> SteeredAsync(CandidateSearch search, CandidateQuery query, string text, CancellationToken cancellationToken)
    {
        if (query.FoodType is { } food && dishNames.Find(food) is null)
        {
            return await UnlistedDishAsync(search, query, food, cancellationToken).ConfigureAwait(false);
        }
        if (index.SnapshotIfBuilt() is not { } snapshot)
        {
            return search.Find(query);
        }
        var settings = options.Value;
        if (query.Preference is null && query.FoodType is null && await wishes.IsWishAsync(text, cancellationToken).ConfigureAwait(false))
        {
            var nearest = await semantic.NearestMenusAsync(snapshot, text, settings.WishMenus, cancellationToken).ConfigureAwait(false);
            var menus = MenusAbove(nearest, settings.WishMenuSimilarity);
            return search.Find(menus.Count == 0 ? query : query with { Preference = new DishPreference(text, menus.Contains) });
        }

        var found = search.Find(query);
        if (query.FoodType is not { } asked || !NothingOffered(found))
        {
            return found;
        }
        var offered = await SimilarDishesAsync(search, query, snapshot, asked, cancellationToken).ConfigureAwait(false);
        return offered.Count == 0
            ? found
            : found with { Alternatives = offered, Outcome = found.Outcome with { Alternatives = AlternativeKind.SimilarDish } };
    }

    /// <summary>
    /// A dish no lexicon lists ("흑돼지", "한치물회"): the shops with a menu that names it are the matches, and only they
    /// (the reply promises that dish). When none does, the reply says so, offering shops without menus whose names say
    /// the dish as shops that might serve it, else shops with the encoder's nearest dishes as similar dishes, never as
    /// the dish.
    /// </summary>
    private async Task<CandidateSet> UnlistedDishAsync(CandidateSearch search, CandidateQuery query, string dish, CancellationToken cancellationToken)
    {
        var word = dish.Replace(" ", "", StringComparison.Ordinal);
        bool Names(string menuName) => UnlistedDishName.IsNamedBy(word, menuName);
        var found = search.Find(query with { FoodType = null, Preference = new DishPreference(dish, Names) });
        var serving = found.Fitting.Where(c => c.FoodMatched).ToArray();
        if (serving.Length > 0)
        {
            return new CandidateSet(serving, [], found.CheapestEligible);
        }
        // A list without menus (most real lists): a shop whose name says the dish might serve it, and is offered as
        // such ("흑돼지마을" for 흑돼지), never as a match.
        var mightServe = found.Fitting.Concat(found.PriceUnknown)
            .Where(c => c.Meal is null && UnlistedDishName.IsNamedBy(word, c.Shop.Name))
            .Select(c => c with { Alternative = AlternativeKind.MightServe })
            .ToArray();
        if (mightServe.Length > 0)
        {
            return new CandidateSet([], [], null)
            {
                Alternatives = mightServe,
                Outcome = new SearchOutcome { Limits = [SearchLimit.Dish], Alternatives = AlternativeKind.MightServe },
            };
        }
        if (query.BudgetCap is not null)
        {
            // Sold, but dearer than the budget: the budget is what decided, and the cheapest of them is worth naming.
            var dearer = search.Find(query with { FoodType = null, BudgetCap = null, Preference = new DishPreference(dish, Names) })
                .Fitting.Where(c => c.FoodMatched && c.FinalPrice is not null).MinBy(c => c.FinalPrice);
            if (dearer is not null)
            {
                return new CandidateSet([], [], dearer) { Outcome = new SearchOutcome { Limits = [SearchLimit.Budget] } };
            }
        }
        IReadOnlyList<Candidate> offered = index.SnapshotIfBuilt() is { } snapshot
            ? await SimilarDishesAsync(search, query with { FoodType = null }, snapshot, dish, cancellationToken).ConfigureAwait(false)
            : [];
        return new CandidateSet([], [], found.CheapestEligible is { Meal: { } meal } cheapest && Names(meal.Name) ? cheapest : null)
        {
            Alternatives = offered,
            Outcome = new SearchOutcome
            {
                Limits = [SearchLimit.Dish, .. found.Outcome.Limits.Where(limit => limit != SearchLimit.Dish)],
                Alternatives = offered.Count > 0 ? AlternativeKind.SimilarDish : AlternativeKind.None,
                NoShopsInReach = found.Outcome.NoShopsInReach,
            },
        };
    }

    /// <summary>The eligible shops selling the dishes nearest to the asked one, marked as similar dishes.</summary>
    private async Task<IReadOnlyList<Candidate>> SimilarDishesAsync(
        CandidateSearch search, CandidateQuery query, CatalogVectorSnapshot snapshot, string asked, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var similar = await semantic.SimilarDishesAsync(snapshot, asked, settings.SimilarDishes, null, cancellationToken).ConfigureAwait(false);
        var names = MenusAbove(similar, settings.SimilarDishSimilarity);
        if (names.Count == 0)
        {
            return [];
        }
        // The same query without the dish, preferring the similar dishes: every other hard rule still applies.
        var instead = search.Find(query with { FoodType = null, Preference = new DishPreference(asked, names.Contains) });
        return [.. instead.Fitting.Where(c => c.FoodMatched).Select(c => c with { Alternative = AlternativeKind.SimilarDish })];
    }

    /// <summary>The asked dish was missing and nothing (not even the lexicon's similar dish or a shop that might serve it) is offered.</summary>
    private static bool NothingOffered(CandidateSet found) =>
        found.Fitting.Count == 0 && found.PriceUnknown.Count == 0 && found.Alternatives.Count == 0 && found.Outcome.Limits.Contains(SearchLimit.Dish);

    private static HashSet<string> MenusAbove(IEnumerable<DishMatch> matches, double minimum) =>
        matches.Where(d => d.Similarity >= minimum).Select(d => d.MenuName).ToHashSet(StringComparer.Ordinal);
}
