using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.AI;

namespace Naviyam.Embeddings;

/// <summary>
/// What retrieval asks of the encoder, in three calls over shops it has already made eligible: rank candidates by lexical
/// score and vector similarity together (cached per query and filters), find shops for a free wish that no lexicon
/// names ("비 오는 날 먹기 좋은 거"), and name the nearest dishes for one nobody sells ("something similar").
/// </summary>
public sealed class SemanticSearch(
    IEmbeddingGenerator<string, Embedding<float>> generator, CatalogVectorIndex index, QueryResultCache cache, HybridScorer scorer)
{
    /// <summary>
    /// The top <paramref name="k"/> of the candidates by hybrid score. The result is cached by the normalized query, the
    /// candidates with their lexical scores, and the catalog snapshot's fingerprint.
    /// </summary>
    public async Task<IReadOnlyList<RetrievedDocument>> RankAsync(
        string query, IReadOnlyList<LexicalCandidate> candidates, int k, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var snapshot = await index.SnapshotAsync(cancellationToken).ConfigureAwait(false);
        var filters = $"catalog:{snapshot.Fingerprint}|k:{k}|{CandidateKey(candidates)}";
        var result = await cache.GetOrAddAsync(query, filters, async token =>
        {
            var clock = Stopwatch.StartNew();
            var vector = await generator.GenerateVectorAsync(query, cancellationToken: token).ConfigureAwait(false);
            var ranked = scorer.Rank(candidates, snapshot, snapshot.Similarities(snapshot.QueryFor(vector.Span, query)));
            return new CachedRetrieval(ranked.Take(k).ToArray(), (int)clock.ElapsedMilliseconds, candidates.Count);
        }, cancellationToken).ConfigureAwait(false);
        return result.Documents;
    }

    /// <summary>The <paramref name="k"/> eligible shops whose menus or names are nearest to a free wish.</summary>
    public async Task<IReadOnlyList<ShopMatch>> FindShopsAsync(
        string wish, IReadOnlyCollection<string>? eligibleShopIds, int k, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(wish);
        var snapshot = await index.SnapshotAsync(cancellationToken).ConfigureAwait(false);
        return snapshot.TopShops(await QueryAsync(snapshot, wish, cancellationToken).ConfigureAwait(false), k, eligibleShopIds);
    }

    /// <summary>The <paramref name="k"/> menu names nearest to a dish, over the eligible shops' menus (all when null), the dish itself left out.</summary>
    public async Task<IReadOnlyList<DishMatch>> SimilarDishesAsync(
        string dish, int k, IReadOnlyCollection<string>? eligibleShopIds = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dish);
        var snapshot = await index.SnapshotAsync(cancellationToken).ConfigureAwait(false);
        return await SimilarDishesAsync(snapshot, dish, k, eligibleShopIds, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>As <see cref="SimilarDishesAsync(string, int, IReadOnlyCollection{string}?, CancellationToken)"/>, over a snapshot already at hand.</summary>
    public async Task<IReadOnlyList<DishMatch>> SimilarDishesAsync(CatalogVectorSnapshot snapshot,
        string dish, int k, IReadOnlyCollection<string>? eligibleShopIds = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(dish);
        var asked = EmbeddingFeaturizer.Normalize(dish).Replace(" ", "", StringComparison.Ordinal);
        return snapshot.NearestDishes(await QueryAsync(snapshot, dish, cancellationToken).ConfigureAwait(false), k + 1, eligibleShopIds)
            .Where(d => EmbeddingFeaturizer.Normalize(d.MenuName).Replace(" ", "", StringComparison.Ordinal) != asked)
            .Take(k)
            .ToArray();
    }

    /// <summary>
    /// The <paramref name="k"/> menu names nearest to a text (the text itself included) over the whole snapshot, with
    /// their hybrid similarity; cached per (text, catalog fingerprint, k) like <see cref="RankAsync"/> (a catalog-wide
    /// menu result has no shop: its documents carry an empty shop id).
    /// </summary>
    public async Task<IReadOnlyList<DishMatch>> NearestMenusAsync(CatalogVectorSnapshot snapshot, string text, int k, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(text);
        var filters = $"menus|catalog:{snapshot.Fingerprint}|k:{k}";
        var result = await cache.GetOrAddAsync(text, filters, async token =>
        {
            var clock = Stopwatch.StartNew();
            var nearest = snapshot.NearestDishes(await QueryAsync(snapshot, text, token).ConfigureAwait(false), k);
            var documents = nearest.Select(d => new RetrievedDocument("", d.MenuName, d.Similarity, 0, d.Similarity)).ToArray();
            return new CachedRetrieval(documents, (int)clock.ElapsedMilliseconds, snapshot.Documents.Count);
        }, cancellationToken).ConfigureAwait(false);
        return result.Documents.Select(d => new DishMatch(d.MenuName!, (float)d.Similarity, 0)).ToArray();
    }

    private async Task<SemanticQuery> QueryAsync(CatalogVectorSnapshot snapshot, string text, CancellationToken cancellationToken)
    {
        var vector = await generator.GenerateVectorAsync(text, cancellationToken: cancellationToken).ConfigureAwait(false);
        return snapshot.QueryFor(vector.Span, text);
    }

    private static string CandidateKey(IReadOnlyList<LexicalCandidate> candidates)
    {
        var lines = candidates
            .Select(c => c.ShopId + "=" + c.Lexical.ToString("0.###", CultureInfo.InvariantCulture))
            .Order(StringComparer.Ordinal);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lines))))[..16];
        return $"candidates:{candidates.Count}:{hash}";
    }
}
