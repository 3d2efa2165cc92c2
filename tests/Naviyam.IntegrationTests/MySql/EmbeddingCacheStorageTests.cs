using System.Diagnostics.Metrics;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MySqlConnector;
using Naviyam.Embeddings;
using Naviyam.Infrastructure.MySql.Embeddings;
using Naviyam.IntegrationTests.Infrastructure;
using Naviyam.Lexicons;

namespace Naviyam.IntegrationTests.MySql;

/// <summary>
/// The L3 levels of the embedding and query caches on a real MariaDB: vectors written to <c>embedding_cache</c> by one
/// silo's cache are read back by another's (same model only), and hybrid results in <c>rag_query_cache</c> are served
/// until their one-hour TTL runs out.
/// </summary>
public sealed class EmbeddingCacheStorageTests : IDisposable
{
    private readonly ServiceProvider services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    private IMeterFactory Meters => services.GetRequiredService<IMeterFactory>();

    [Fact]
    public async Task Embeddings_written_by_one_silo_are_read_back_by_another()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var dataSource = new MySqlDataSource(database.ConnectionString);
        using var encoder = TextEncoder.Load(TextEncoder.PathIn(new DataPaths()));
        var generator = new OnnxEmbeddingGenerator(encoder);
        var store = new MySqlEmbeddingStore(dataSource);

        var first = new CachedEmbeddingGenerator(generator, new MemoryCache(new MemoryCacheOptions()), store, new CacheCounters(Meters, "embedding_cache"));
        var computed = await first.GenerateAsync(["비 오는 날 먹기 좋은 거", "든든한 거"]);

        (await database.CountAsync("SELECT COUNT(*) FROM embedding_cache WHERE embedding_model = @m AND embedding_dimension = @d AND content_type = 'query'",
            ("@m", encoder.Version), ("@d", encoder.Dimension))).Should().Be(2);
        (await database.CountAsync("SELECT COUNT(*) FROM embedding_cache WHERE original_content = '든든한 거' AND ABS(vector_norm - 1) < 0.001")).Should().Be(1);

        var second = new CachedEmbeddingGenerator(generator, new MemoryCache(new MemoryCacheOptions()), store, new CacheCounters(Meters, "embedding_cache"));
        var read = await second.GenerateAsync(["든든한 거", "비 오는 날 먹기 좋은 거"]);
        second.Counters.L3Hits.Should().Be(2);
        second.Counters.Misses.Should().Be(0);
        read[0].Vector.ToArray().Should().Equal(computed[1].Vector.ToArray());
        read[1].Vector.ToArray().Should().Equal(computed[0].Vector.ToArray());
        (await database.CountAsync("SELECT SUM(access_count) FROM embedding_cache")).Should().Be(4);

        // Another model's rows are never served for this one.
        (await store.FindAsync("ngram-encoder-000000000000", [CachedEmbeddingGenerator.ContentHash("든든한 거")])).Should().BeEmpty();
    }

    [Fact]
    public async Task Query_results_are_served_from_the_table_until_their_ttl_runs_out()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var dataSource = new MySqlDataSource(database.ConnectionString);
        var store = new MySqlRagQueryStore(dataSource);
        var clock = new SettableTimeProvider(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
        var options = Options.Create(new SemanticRetrievalOptions());
        var computed = 0;
        Task<CachedRetrieval> Compute(CancellationToken _)
        {
            computed++;
            return Task.FromResult(new CachedRetrieval(
                [new RetrievedDocument("gen:1", "칼국수", 0.81, 0.5, 0.74), new RetrievedDocument("gen:2", null, 0.4, 0, 0.42)], 3, 120));
        }

        var silo1 = new QueryResultCache(new MemoryCache(new MemoryCacheOptions()), store, Meters, clock, options);
        await silo1.GetOrAddAsync("비 오는 날 먹기 좋은 거", "catalog:abc|candidates:2", Compute);
        (await database.CountAsync("SELECT COUNT(*) FROM rag_query_cache WHERE normalized_query = '비 오는 날 먹기 좋은 거' AND ttl_seconds = 3600 "
            + "AND JSON_LENGTH(retrieved_documents, '$.documents') = 2 AND JSON_EXTRACT(semantic_similarity_scores, '$.\"gen:1\"') > 0.7")).Should().Be(1);

        var silo2 = new QueryResultCache(new MemoryCache(new MemoryCacheOptions()), store, Meters, clock, options);
        clock.UtcNow += TimeSpan.FromMinutes(59);
        var hit = await silo2.GetOrAddAsync("비 오는 날, 먹기 좋은 거", "catalog:abc|candidates:2", Compute);
        computed.Should().Be(1);
        silo2.Counters.L3Hits.Should().Be(1);
        hit.Documents.Should().BeEquivalentTo((await Compute(default)).Documents, o => o.WithStrictOrdering());
        (await database.CountAsync("SELECT cache_hit_count FROM rag_query_cache")).Should().Be(1);

        var silo3 = new QueryResultCache(new MemoryCache(new MemoryCacheOptions()), store, Meters, clock, options);
        clock.UtcNow += TimeSpan.FromMinutes(2);
        await silo3.GetOrAddAsync("비 오는 날 먹기 좋은 거", "catalog:abc|candidates:2", Compute);
        silo3.Counters.Misses.Should().Be(1);
        (await database.CountAsync("SELECT COUNT(*) FROM rag_query_cache")).Should().Be(1);
    }

    public void Dispose() => services.Dispose();
}
