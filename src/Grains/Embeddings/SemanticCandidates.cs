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
/// 좋은 거", "든든한 거", told from a request for nothing in particular by <see cref="WishRecognizer"/> — and a food_type the lexicon does not know (a menu name no lexicon lists) become a preference for
/// the catalog's menus nearest to it by the hybrid similarity, exactly as a lexicon kind ("국물 있는 거") steers
/// retrieval: shops with such a menu are offered with it and rank first; the others stay eligible.</item>
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
        if (index.SnapshotIfBuilt() is not { } snapshot)
        {
            return search.Find(query);
        }
        var settings = options.Value;
        var unknownDish = query.FoodType is { } food && dishNames.Find(food) is null;
        if (query.Preference is null && (unknownDish || query.FoodType is null && await wishes.IsWishAsync(text, cancellationToken).ConfigureAwait(false)))
        {
            var wish = unknownDish ? query.FoodType! : text;
            var nearest = await semantic.NearestMenusAsync(snapshot, wish, settings.WishMenus, cancellationToken).ConfigureAwait(false);
            var menus = MenusAbove(nearest, settings.WishMenuSimilarity);
            return search.Find(menus.Count == 0 ? query : query with { Preference = new DishPreference(wish, menus.Contains) });
        }

        var found = search.Find(query);
        if (query.FoodType is not { } asked || unknownDish || !NothingOffered(found))
        {
            return found;
        }
        var similar = await semantic.SimilarDishesAsync(snapshot, asked, settings.SimilarDishes, null, cancellationToken).ConfigureAwait(false);
        var names = MenusAbove(similar, settings.SimilarDishSimilarity);
        if (names.Count == 0)
        {
            return found;
        }
        // The same query without the dish, preferring the similar dishes: every other hard rule still applies.
        var instead = search.Find(query with { FoodType = null, Preference = new DishPreference(asked, names.Contains) });
        var offered = instead.Fitting.Where(c => c.FoodMatched).Select(c => c with { Alternative = AlternativeKind.SimilarDish }).ToArray();
        return offered.Length == 0
            ? found
            : found with { Alternatives = offered, Outcome = found.Outcome with { Alternatives = AlternativeKind.SimilarDish } };
    }

    /// <summary>The asked dish was missing and nothing (not even the lexicon's similar dish or a shop that might serve it) is offered.</summary>
    private static bool NothingOffered(CandidateSet found) =>
        found.Fitting.Count == 0 && found.PriceUnknown.Count == 0 && found.Alternatives.Count == 0 && found.Outcome.Limits.Contains(SearchLimit.Dish);

    private static HashSet<string> MenusAbove(IEnumerable<DishMatch> matches, double minimum) =>
        matches.Where(d => d.Similarity >= minimum).Select(d => d.MenuName).ToHashSet(StringComparer.Ordinal);
}
