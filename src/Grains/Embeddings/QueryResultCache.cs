using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Naviyam.Embeddings;

/// <summary>
/// The query cache of hybrid retrieval: results by the normalized query and the filters that shaped them (eligible shops,
/// catalog fingerprint, anything else the caller names), fresh for <see cref="SemanticRetrievalOptions.QueryCacheTtlSeconds"/>.
/// L1 is this silo's <see cref="IMemoryCache"/>, L3 the <see cref="IRagQueryStore"/> when the storage mode has one
/// (MySQL's <c>rag_query_cache</c>). Hits and misses are counted per level.
/// </summary>
public sealed class QueryResultCache(
    IMemoryCache cache, IRagQueryStore? store, IMeterFactory meterFactory, TimeProvider time, IOptions<SemanticRetrievalOptions> options)
{
    private readonly TimeSpan ttl = TimeSpan.FromSeconds(options.Value.QueryCacheTtlSeconds);

    public CacheCounters Counters { get; } = new(meterFactory, "rag_query_cache");

    /// <summary>Lower-case hex SHA-256 of the normalized query and the filters: the <c>query_hash</c> of the L3 row.</summary>
    public static string Hash(string normalizedQuery, string filters) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedQuery + "\u001f" + filters)));

    /// <summary>The cached result of (query, filters), or the computed one, remembered in both levels.</summary>
    public async Task<CachedRetrieval> GetOrAddAsync(
        string query, string filters, Func<CancellationToken, Task<CachedRetrieval>> compute, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(filters);
        ArgumentNullException.ThrowIfNull(compute);
        var normalized = EmbeddingFeaturizer.Normalize(query);
        var hash = Hash(normalized, filters);
        if (cache.TryGetValue((nameof(QueryResultCache), hash), out CachedRetrieval? cached) && cached is not null)
        {
            Counters.L1Hit();
            return cached;
        }
        var now = time.GetUtcNow();
        if (store is not null && await store.FindAsync(hash, now, cancellationToken).ConfigureAwait(false) is { } stored)
        {
            Counters.L3Hit();
            Remember(hash, stored);
            return stored;
        }
        Counters.Miss();
        var result = await compute(cancellationToken).ConfigureAwait(false);
        Remember(hash, result);
        if (store is not null)
        {
            await store.SaveAsync(hash, query, normalized, filters, result, now, ttl, cancellationToken).ConfigureAwait(false);
        }
        return result;
    }

    private void Remember(string hash, CachedRetrieval result) =>
        cache.Set((nameof(QueryResultCache), hash), result, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = ttl });
}
