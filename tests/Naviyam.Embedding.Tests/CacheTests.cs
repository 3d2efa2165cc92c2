using System.Diagnostics.Metrics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Naviyam.Embeddings;

namespace Naviyam.Embedding.Tests;

public sealed class CacheTests : IDisposable
{
    private readonly ServiceProvider services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly MemoryCache memory = new(new MemoryCacheOptions { SizeLimit = 1_000 });

    private IMeterFactory Meters => services.GetRequiredService<IMeterFactory>();

    [Fact]
    public async Task The_embedding_cache_answers_a_repeated_text_from_memory_and_keys_it_by_its_normalized_form()
    {
        var inner = new CountingGenerator(new OnnxEmbeddingGenerator(TestData.Encoder));
        var cached = new CachedEmbeddingGenerator(inner, memory, null, new CacheCounters(Meters, "embedding_cache"));

        var first = await cached.GenerateAsync(["엽떡 먹고 싶다", "엽떡 먹고 싶다!!", "김밥"]);
        var second = await cached.GenerateAsync(["엽떡  먹고 싶다", "김밥"]);

        inner.Texts.Should().Equal("엽떡 먹고 싶다", "김밥"); // one computation per distinct normalized text
        cached.Counters.Misses.Should().Be(3);
        cached.Counters.L1Hits.Should().Be(2);
        second[0].Vector.ToArray().Should().Equal(first[0].Vector.ToArray());
        first[1].Vector.ToArray().Should().Equal(first[0].Vector.ToArray());
    }

    [Fact]
    public async Task A_vector_in_the_durable_level_is_not_computed_again_and_new_ones_are_stored()
    {
        var store = new DictionaryStore();
        var inner = new CountingGenerator(new OnnxEmbeddingGenerator(TestData.Encoder));
        var silo1 = new CachedEmbeddingGenerator(inner, new MemoryCache(new MemoryCacheOptions()), store, new CacheCounters(Meters, "embedding_cache"));
        await silo1.GenerateAsync(["든든한 거"]);
        store.Rows.Should().ContainSingle().Which.Value.Content.Should().Be("든든한 거");

        // Another silo (its own memory) finds it in the store.
        var silo2 = new CachedEmbeddingGenerator(inner, new MemoryCache(new MemoryCacheOptions()), store, new CacheCounters(Meters, "embedding_cache"));
        var again = await silo2.GenerateAsync(["든든한 거"]);
        silo2.Counters.L3Hits.Should().Be(1);
        silo2.Counters.Misses.Should().Be(0);
        inner.Texts.Should().ContainSingle();
        again[0].Vector.ToArray().Should().Equal(store.Rows.Single().Value.Vector);
    }

    [Fact]
    public async Task The_query_cache_computes_once_per_query_and_filters()
    {
        var cache = new QueryResultCache(memory, null, Meters, TimeProvider.System, Options.Create(new SemanticRetrievalOptions()));
        var computed = 0;
        Task<CachedRetrieval> Compute(CancellationToken _)
        {
            computed++;
            return Task.FromResult(new CachedRetrieval([new RetrievedDocument("s:1", "칼국수", 0.7, 0, 0.8)], 1, 10));
        }
        await cache.GetOrAddAsync("비 오는 날 먹기 좋은 거", "shops:a", Compute);
        var hit = await cache.GetOrAddAsync("비 오는 날, 먹기 좋은 거!", "shops:a", Compute);
        await cache.GetOrAddAsync("비 오는 날 먹기 좋은 거", "shops:b", Compute);

        computed.Should().Be(2);
        hit.Documents.Single().MenuName.Should().Be("칼국수");
        cache.Counters.L1Hits.Should().Be(1);
        cache.Counters.Misses.Should().Be(2);
        cache.Counters.HitRate.Should().BeApproximately(1 / 3.0, 1e-9);
        QueryResultCache.Hash("a", "b").Should().MatchRegex("^[0-9a-f]{64}$").And.NotBe(QueryResultCache.Hash("a", "c"));
    }

    public void Dispose()
    {
        memory.Dispose();
        services.Dispose();
    }

    private sealed class CountingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner)
        : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
    {
        public List<string> Texts { get; } = [];

        public override Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
            IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            var texts = values.ToArray();
            Texts.AddRange(texts);
            return base.GenerateAsync(texts, options, cancellationToken);
        }
    }

    private sealed class DictionaryStore : IEmbeddingStore
    {
        public Dictionary<(string Model, string Hash), StoredEmbedding> Rows { get; } = [];

        public Task<IReadOnlyDictionary<string, float[]>> FindAsync(string model, IReadOnlyCollection<string> contentHashes, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyDictionary<string, float[]>>(contentHashes
                .Where(h => Rows.ContainsKey((model, h))).ToDictionary(h => h, h => Rows[(model, h)].Vector));

        public Task SaveAsync(string model, IReadOnlyList<StoredEmbedding> embeddings, CancellationToken cancellationToken = default)
        {
            foreach (var e in embeddings)
            {
                Rows.TryAdd((model, e.ContentHash), e);
            }
            return Task.CompletedTask;
        }
    }
}
