using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Naviyam.Catalog;
using Naviyam.Shops;

namespace Naviyam.Embeddings;

/// <summary>A shop that matched a query: its best document (a menu, or the shop's own name) and the hybrid similarity.</summary>
public readonly record struct ShopMatch(string ShopId, MenuItem? Menu, float Similarity);

/// <summary>A menu name that matched a query, its hybrid similarity, and how many of the searched shops sell it.</summary>
public readonly record struct DishMatch(string MenuName, float Similarity, int Shops);

/// <summary>A query as the snapshot scores it: the encoder's vector and the TF-IDF n-grams of the same text.</summary>
public sealed record SemanticQuery(float[] Vector, IReadOnlyDictionary<string, double> Grams);

/// <summary>
/// The TF-IDF half of the hybrid similarity over the snapshot's documents: for each n-gram, the rows whose unit TF-IDF
/// vector holds it and its value there, so a query adds only its own n-grams' rows (an inverted index).
/// </summary>
internal sealed class LexicalPostings
{
    private readonly Dictionary<string, (int[] Rows, float[] Values)> postings;

    private LexicalPostings(Dictionary<string, (int[] Rows, float[] Values)> postings) => this.postings = postings;

    public static LexicalPostings Build(TfIdfVectorizer vectorizer, IReadOnlyList<string> documents)
    {
        var lists = new Dictionary<string, (List<int> Rows, List<float> Values)>(StringComparer.Ordinal);
        for (var row = 0; row < documents.Count; row++)
        {
            foreach (var (gram, value) in vectorizer.Vector(documents[row]))
            {
                if (!lists.TryGetValue(gram, out var list))
                {
                    lists[gram] = list = ([], []);
                }
                list.Rows.Add(row);
                list.Values.Add((float)value);
            }
        }
        return new LexicalPostings(lists.ToDictionary(p => p.Key, p => (p.Value.Rows.ToArray(), p.Value.Values.ToArray()), StringComparer.Ordinal));
    }

    /// <summary>Adds <paramref name="weight"/> × the TF-IDF cosine of the query with every row to <paramref name="scores"/>.</summary>
    public void AddTo(IReadOnlyDictionary<string, double> query, float[] scores, float weight)
    {
        foreach (var (gram, value) in query)
        {
            if (postings.TryGetValue(gram, out var list))
            {
                var scaled = weight * (float)value;
                for (var i = 0; i < list.Rows.Length; i++)
                {
                    scores[list.Rows[i]] += scaled * list.Values[i];
                }
            }
        }
    }
}

/// <summary>
/// The served catalog's menus and shops as vectors and TF-IDF postings, one snapshot per catalog version. A menu's
/// document is its name and the shop's category ("제육볶음 한식"), a shop's its name and category ("온누리분식 분식");
/// identical documents share one row, so a city of 100,000 shops with a few hundred distinct menu names holds about
/// 100,000 rows. A document's similarity to a query is the hybrid the trainer chose on its dev split,
/// <c>w · TF-IDF cosine + (1 − w) · encoder cosine</c>; a shop's is the best of its documents. Searches take the shops
/// retrieval already made eligible: hard rules (card, age, hours, budget, diet) are retrieval's, never the index's.
/// </summary>
public sealed class CatalogVectorSnapshot
{
    private readonly ShopRecord[] shops;
    private readonly Dictionary<string, int> shopIndex;
    // Per shop: the rows of its documents, the shop's own first; -1 in the menu list for the shop document.
    private readonly int[][] shopRows;
    private readonly int[][] shopMenus;
    private readonly string?[] menuNameOfRow;
    private readonly TfIdfVectorizer lexical;
    private readonly LexicalPostings postings;
    // Catalog-wide "something similar" and free wishes count every shop's menus: once per snapshot.
    private readonly Lazy<Dictionary<int, int>> allMenuRows;

    internal CatalogVectorSnapshot(
        long version, string fingerprint, ShopRecord[] shops, VectorIndex index, int[][] shopRows, int[][] shopMenus, string?[] menuNameOfRow, string[] documents,
        TfIdfVectorizer lexical)
    {
        this.lexical = lexical;
        postings = LexicalPostings.Build(lexical, documents);
        allMenuRows = new Lazy<Dictionary<int, int>>(() => MenuRows(null));
        Version = version;
        Fingerprint = fingerprint;
        this.shops = shops;
        Index = index;
        this.shopRows = shopRows;
        this.shopMenus = shopMenus;
        this.menuNameOfRow = menuNameOfRow;
        Documents = documents;
        shopIndex = new Dictionary<string, int>(shops.Length, StringComparer.Ordinal);
        for (var s = 0; s < shops.Length; s++)
        {
            shopIndex[shops[s].Id] = s;
        }
    }

    /// <summary>The catalog version this snapshot was built from (a count of catalog changes in this process).</summary>
    public long Version { get; }

    /// <summary>A hash of the model version and every shop's documents: equal on every silo that serves the same catalog.</summary>
    public string Fingerprint { get; }

    public VectorIndex Index { get; }

    /// <summary>The distinct document texts, by row.</summary>
    public IReadOnlyList<string> Documents { get; }

    public int ShopCount => shops.Length;

    /// <summary>The document of a menu item of a shop of the given category: what the index embeds.</summary>
    public static string MenuDocument(string menuName, FoodCategory category) => $"{menuName} {category.ToKorean()}";

    public static string ShopDocument(ShopRecord shop)
    {
        ArgumentNullException.ThrowIfNull(shop);
        return $"{shop.Name} {shop.Category.ToKorean()}";
    }

    /// <summary>The weight of the TF-IDF cosine in the hybrid similarity (from the model's lexical table).</summary>
    public double LexicalWeight => lexical.LexicalWeight;

    /// <summary>The query of a text whose encoder vector is <paramref name="vector"/>.</summary>
    public SemanticQuery QueryFor(ReadOnlySpan<float> vector, string text) => new(vector.ToArray(), lexical.Vector(text));

    /// <summary>The hybrid similarity of the query with every row: a SIMD scan of the vectors plus the query's n-gram postings.</summary>
    public float[] Similarities(SemanticQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var scores = new float[Index.Count];
        var vectorShare = (float)(1 - lexical.LexicalWeight);
        for (var row = 0; row < Index.Count; row++)
        {
            scores[row] = vectorShare * VectorIndex.Dot(query.Vector, Index.Row(row));
        }
        postings.AddTo(query.Grams, scores, (float)lexical.LexicalWeight);
        return scores;
    }

    /// <summary>The <paramref name="k"/> shops most similar to the query among <paramref name="eligibleShopIds"/> (all when null).</summary>
    public IReadOnlyList<ShopMatch> TopShops(SemanticQuery query, int k, IEnumerable<string>? eligibleShopIds = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var similarities = Similarities(query);
        // The k best so far in a min-heap (worst on top: lower similarity, then the later shop id), not a sort of every shop.
        var best = new PriorityQueue<ShopMatch, ShopMatch>(k + 1, WorstFirst);
        foreach (var s in Eligible(eligibleShopIds))
        {
            var rows = shopRows[s];
            var (bestRow, bestSimilarity) = (0, float.NegativeInfinity);
            for (var r = 0; r < rows.Length; r++)
            {
                if (similarities[rows[r]] > bestSimilarity)
                {
                    (bestRow, bestSimilarity) = (r, similarities[rows[r]]);
                }
            }
            if (rows.Length > 0)
            {
                var menu = shopMenus[s][bestRow];
                var match = new ShopMatch(shops[s].Id, menu < 0 ? null : shops[s].Menus[menu], bestSimilarity);
                best.Enqueue(match, match);
                if (best.Count > k)
                {
                    best.Dequeue();
                }
            }
        }
        var top = new ShopMatch[best.Count];
        for (var i = top.Length - 1; i >= 0; i--)
        {
            top[i] = best.Dequeue();
        }
        return top;
    }

    private static readonly Comparer<ShopMatch> WorstFirst = Comparer<ShopMatch>.Create((a, b) =>
        a.Similarity != b.Similarity ? a.Similarity.CompareTo(b.Similarity) : StringComparer.Ordinal.Compare(b.ShopId, a.ShopId));

    /// <summary>
    /// The <paramref name="k"/> distinct menu names most similar to the query, over the menus of
    /// <paramref name="eligibleShopIds"/> (all shops when null): "something similar" for a dish nobody sells.
    /// </summary>
    public IReadOnlyList<DishMatch> NearestDishes(SemanticQuery query, int k, IEnumerable<string>? eligibleShopIds = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var similarities = Similarities(query);
        var shopsPerRow = eligibleShopIds is null ? allMenuRows.Value : MenuRows(eligibleShopIds);
        var byName = new Dictionary<string, DishMatch>(StringComparer.Ordinal);
        foreach (var (row, shopCount) in shopsPerRow.OrderBy(p => p.Key))
        {
            // Rows are documents (name + category); the same menu name in two categories is one dish.
            if (menuNameOfRow[row] is not { } name)
            {
                continue;
            }
            byName[name] = byName.TryGetValue(name, out var seen)
                ? seen with { Shops = seen.Shops + shopCount, Similarity = Math.Max(seen.Similarity, similarities[row]) }
                : new DishMatch(name, similarities[row], shopCount);
        }
        return byName.Values.OrderByDescending(d => d.Similarity).ThenBy(d => d.MenuName, StringComparer.Ordinal).Take(k).ToArray();
    }

    /// <summary>How many of the shops sell each menu row (a city of 100,000 shops lists about 1.2 M menus: counted once).</summary>
    private Dictionary<int, int> MenuRows(IEnumerable<string>? shopIds)
    {
        var shopsPerRow = new Dictionary<int, int>();
        foreach (var s in Eligible(shopIds))
        {
            var rows = shopRows[s];
            for (var r = 0; r < rows.Length; r++)
            {
                if (shopMenus[s][r] >= 0)
                {
                    shopsPerRow[rows[r]] = shopsPerRow.GetValueOrDefault(rows[r]) + 1;
                }
            }
        }
        return shopsPerRow;
    }

    /// <summary>
    /// One shop's best document (a menu, or the shop's name) by the row similarities <see cref="Similarities"/> gave, or
    /// null when the snapshot lacks the shop.
    /// </summary>
    public ShopMatch? BestMatch(float[] similarities, string shopId)
    {
        ArgumentNullException.ThrowIfNull(similarities);
        if (!shopIndex.TryGetValue(shopId, out var s) || shopRows[s].Length == 0)
        {
            return null;
        }
        var rows = shopRows[s];
        var best = 0;
        for (var r = 1; r < rows.Length; r++)
        {
            if (similarities[rows[r]] > similarities[rows[best]])
            {
                best = r;
            }
        }
        var menu = shopMenus[s][best];
        return new ShopMatch(shopId, menu < 0 ? null : shops[s].Menus[menu], similarities[rows[best]]);
    }

    private IEnumerable<int> Eligible(IEnumerable<string>? shopIds)
    {
        if (shopIds is null)
        {
            return Enumerable.Range(0, shops.Length);
        }
        return shopIds.Select(id => shopIndex.TryGetValue(id, out var s) ? s : -1).Where(s => s >= 0).Distinct().Order();
    }
}

/// <summary>
/// Keeps a <see cref="CatalogVectorSnapshot"/> of the served catalog: built on first use, rebuilt after the catalog
/// changes. While a rebuild runs, searches use the previous snapshot; vectors of documents that did not change are
/// taken from it instead of being embedded again. Thread-safe; one per silo.
/// </summary>
public sealed class CatalogVectorIndex : IDisposable
{
    private readonly IShopCatalog catalog;
    private readonly IEmbeddingGenerator<string, Embedding<float>> generator;
    private readonly TfIdfVectorizer lexical;
    private readonly ILogger<CatalogVectorIndex> logger;
    private readonly SemaphoreSlim building = new(1, 1);
    private readonly CancellationTokenSource stopping = new();
    private long version;
    private CatalogVectorSnapshot? current;
    private Dictionary<string, float[]> previousVectors = new(StringComparer.Ordinal);
    private Task<CatalogVectorSnapshot>? rebuild;

    /// <param name="lexical">The model's TF-IDF table and hybrid weight; without it the similarity is the encoder's alone.</param>
    public CatalogVectorIndex(IShopCatalog catalog, IEmbeddingGenerator<string, Embedding<float>> generator, TfIdfVectorizer? lexical = null,
        ILogger<CatalogVectorIndex>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(generator);
        this.catalog = catalog;
        this.generator = generator;
        this.lexical = lexical ?? new TfIdfVectorizer([]);
        this.logger = logger ?? NullLogger<CatalogVectorIndex>.Instance;
        catalog.Changed += OnCatalogChanged;
    }

    /// <summary>
    /// The current snapshot without waiting: null while the first one is built, in the background (started here). A
    /// served turn uses this, so that it never waits for a whole catalog to be embedded.
    /// </summary>
    public CatalogVectorSnapshot? SnapshotIfBuilt()
    {
        var snapshot = Volatile.Read(ref current);
        if ((snapshot is null || snapshot.Version != Version) && Volatile.Read(ref rebuild) is null or { IsCompleted: true })
        {
            Volatile.Write(ref rebuild, Task.Run(() => BuildAsync(stopping.Token), stopping.Token));
        }
        return snapshot;
    }

    /// <summary>The number of catalog changes seen; a snapshot of an older version is stale.</summary>
    public long Version => Interlocked.Read(ref version);

    /// <summary>
    /// The current snapshot. The first call builds it; after a catalog change the stale snapshot is returned while a
    /// rebuild runs in the background (a turn never waits for a whole city to be embedded again).
    /// </summary>
    public async Task<CatalogVectorSnapshot> SnapshotAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = Volatile.Read(ref current);
        if (snapshot is null)
        {
            return await BuildAsync(cancellationToken).ConfigureAwait(false);
        }
        if (snapshot.Version != Version && Volatile.Read(ref rebuild) is null or { IsCompleted: true })
        {
            Volatile.Write(ref rebuild, Task.Run(() => BuildAsync(stopping.Token), stopping.Token));
        }
        return snapshot;
    }

    /// <summary>Builds the snapshot of the catalog as it is now (or returns it when another caller just built it).</summary>
    public async Task<CatalogVectorSnapshot> BuildAsync(CancellationToken cancellationToken = default)
    {
        await building.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var target = Version;
            if (Volatile.Read(ref current) is { } fresh && fresh.Version == target)
            {
                return fresh;
            }
            var snapshot = await BuildSnapshotAsync(target, cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref current, snapshot);
            return snapshot;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Building the catalog's vector index failed");
            throw;
        }
        finally
        {
            building.Release();
        }
    }

    private async Task<CatalogVectorSnapshot> BuildSnapshotAsync(long target, CancellationToken cancellationToken)
    {
        var shops = catalog.All().ToArray();
        var rowByDocument = new Dictionary<string, int>(StringComparer.Ordinal);
        var documents = new List<string>();
        var menuNameOfRow = new List<string?>();
        int Row(string document, string? menuName)
        {
            if (!rowByDocument.TryGetValue(document, out var row))
            {
                row = rowByDocument[document] = documents.Count;
                documents.Add(document);
                menuNameOfRow.Add(menuName);
            }
            else if (menuName is not null && menuNameOfRow[row] is null)
            {
                // A shop's own document can read exactly like another shop's menu ("김밥" in 분식): the row is that menu too.
                menuNameOfRow[row] = menuName;
            }
            return row;
        }
        var shopRows = new int[shops.Length][];
        var shopMenus = new int[shops.Length][];
        using var fingerprint = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        fingerprint.AppendData(Encoding.UTF8.GetBytes((generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId ?? "")
            + $"|lexical:{lexical.DocumentCount}:{lexical.LexicalWeight:R}\n"));
        for (var s = 0; s < shops.Length; s++)
        {
            var shop = shops[s];
            var rows = new List<int> { Row(CatalogVectorSnapshot.ShopDocument(shop), null) };
            var menus = new List<int> { -1 };
            for (var m = 0; m < shop.Menus.Count; m++)
            {
                rows.Add(Row(CatalogVectorSnapshot.MenuDocument(shop.Menus[m].Name, shop.Category), shop.Menus[m].Name));
                menus.Add(m);
            }
            shopRows[s] = [.. rows];
            shopMenus[s] = [.. menus];
            fingerprint.AppendData(Encoding.UTF8.GetBytes(shop.Id + "\n" + string.Join('\n', rows.Select(r => documents[r])) + "\n\n"));
        }

        var vectors = new float[documents.Count][];
        var toEmbed = new List<int>();
        for (var row = 0; row < documents.Count; row++)
        {
            if (previousVectors.TryGetValue(documents[row], out var known))
            {
                vectors[row] = known;
            }
            else
            {
                toEmbed.Add(row);
            }
        }
        foreach (var chunk in toEmbed.Chunk(4_096))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var embeddings = await generator.GenerateAsync(chunk.Select(r => documents[r]), cancellationToken: cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < chunk.Length; i++)
            {
                vectors[chunk[i]] = embeddings[i].Vector.ToArray();
            }
        }
        var dimension = vectors.Length > 0 ? vectors[0].Length : generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelDimensions ?? 1;
        previousVectors = documents.Select((d, r) => (d, r)).ToDictionary(x => x.d, x => vectors[x.r], StringComparer.Ordinal);
        logger.LogInformation("Vector index of {Shops} shops built: {Documents} documents, {Embedded} embedded anew", shops.Length, documents.Count, toEmbed.Count);
        return new CatalogVectorSnapshot(
            target, Convert.ToHexStringLower(fingerprint.GetHashAndReset())[..16], shops, new VectorIndex(dimension, vectors),
            shopRows, shopMenus, [.. menuNameOfRow], [.. documents], lexical);
    }

    private void OnCatalogChanged() => Interlocked.Increment(ref version);

    /// <summary>Stops a background build (between chunks of documents) and waits briefly for it, before the encoder goes.</summary>
    public void Dispose()
    {
        catalog.Changed -= OnCatalogChanged;
        stopping.Cancel();
        try
        {
            Volatile.Read(ref rebuild)?.Wait(TimeSpan.FromSeconds(10));
        }
        catch (AggregateException)
        {
            // Cancelled or failed: either way it is over (a failure was logged by BuildAsync).
        }
        stopping.Dispose();
        building.Dispose();
    }
}
