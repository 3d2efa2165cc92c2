namespace Naviyam.Embeddings;

/// <summary>One vector as the L3 embedding cache keeps it (the spec's <c>embedding_cache</c> row).</summary>
public sealed record StoredEmbedding(string ContentHash, string ContentType, string Content, float[] Vector, int? ComputationMilliseconds);

/// <summary>
/// The embedding cache's durable level (L3): vectors by content hash and model, shared by every silo and kept across
/// restarts. MySQL mode has one (<c>embedding_cache</c>); the embedded default has none, and the L1 cache alone serves.
/// </summary>
public interface IEmbeddingStore
{
    /// <summary>The stored vectors of the given content hashes made by <paramref name="model"/>, by hash; marks them accessed.</summary>
    Task<IReadOnlyDictionary<string, float[]>> FindAsync(string model, IReadOnlyCollection<string> contentHashes, CancellationToken cancellationToken = default);

    /// <summary>Stores vectors made by <paramref name="model"/>; a row that exists already is kept (same content, same model, same vector).</summary>
    Task SaveAsync(string model, IReadOnlyList<StoredEmbedding> embeddings, CancellationToken cancellationToken = default);
}

/// <summary>One cached retrieval result document: a shop or a menu, its combined score and its vector similarity.</summary>
public sealed record RetrievedDocument(string ShopId, string? MenuName, double Score, double Lexical, double Similarity);

/// <summary>A hybrid retrieval result as the query cache keeps it (the spec's <c>rag_query_cache</c> row).</summary>
public sealed record CachedRetrieval(IReadOnlyList<RetrievedDocument> Documents, int SearchMilliseconds, int DocumentsSearched);

/// <summary>
/// The query cache's durable level: hybrid retrieval results by the hash of the normalized query and its filters, each
/// fresh for its TTL. MySQL mode has one (<c>rag_query_cache</c>); the embedded default has none.
/// </summary>
public interface IRagQueryStore
{
    /// <summary>The entry of the hash if it has not expired at <paramref name="now"/>; counts the hit.</summary>
    Task<CachedRetrieval?> FindAsync(string queryHash, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Stores (or refreshes) the entry of the hash, fresh for <paramref name="ttl"/> from <paramref name="now"/>.</summary>
    Task SaveAsync(string queryHash, string originalQuery, string normalizedQuery, string filters, CachedRetrieval result,
        DateTimeOffset now, TimeSpan ttl, CancellationToken cancellationToken = default);
}
