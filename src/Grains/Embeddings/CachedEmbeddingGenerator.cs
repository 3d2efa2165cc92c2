using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Memory;

namespace Naviyam.Embeddings;

/// <summary>
/// The embedding cache in front of the encoder: L1 is this silo's <see cref="IMemoryCache"/>, L3 the
/// <see cref="IEmbeddingStore"/> when the storage mode has one (MySQL's <c>embedding_cache</c>). Keys are the
/// normalized text (<see cref="EmbeddingFeaturizer.Normalize"/>: texts that embed alike share an entry) and the model
/// version, so a retrained encoder never reads its predecessor's vectors. Hits and misses are counted per level.
/// </summary>
public sealed class CachedEmbeddingGenerator : DelegatingEmbeddingGenerator<string, Embedding<float>>
{
    public const string ContentTypeQuery = "query";

    private static readonly MemoryCacheEntryOptions EntryOptions = new()
    {
        Size = 1,
        SlidingExpiration = TimeSpan.FromHours(1),
    };

    private readonly IMemoryCache cache;
    private readonly IEmbeddingStore? store;
    private readonly string modelVersion;

    public CachedEmbeddingGenerator(
        IEmbeddingGenerator<string, Embedding<float>> inner, IMemoryCache cache, IEmbeddingStore? store, CacheCounters counters)
        : base(inner)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(counters);
        this.cache = cache;
        this.store = store;
        Counters = counters;
        modelVersion = inner.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId
            ?? throw new ArgumentException("The inner generator names no model, so cached vectors could not be told apart.", nameof(inner));
    }

    public CacheCounters Counters { get; }

    /// <summary>Lower-case hex SHA-256 of the normalized text: the <c>content_hash</c> of the L3 row.</summary>
    public static string ContentHash(string normalizedText) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedText)));

    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var texts = values.Select(EmbeddingFeaturizer.Normalize).ToArray();
        var vectors = new float[]?[texts.Length];
        var missing = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < texts.Length; i++)
        {
            if (cache.TryGetValue((nameof(CachedEmbeddingGenerator), modelVersion, texts[i]), out float[]? cached) && cached is not null)
            {
                vectors[i] = cached;
                Counters.L1Hit();
            }
            else if (missing.TryGetValue(texts[i], out var positions))
            {
                positions.Add(i);
            }
            else
            {
                missing[texts[i]] = [i];
            }
        }

        if (missing.Count > 0 && store is not null)
        {
            var hashes = missing.Keys.ToDictionary(ContentHash, text => text, StringComparer.Ordinal);
            foreach (var (hash, vector) in await store.FindAsync(modelVersion, hashes.Keys, cancellationToken).ConfigureAwait(false))
            {
                var text = hashes[hash];
                Remember(text, vector);
                foreach (var i in missing[text])
                {
                    vectors[i] = vector;
                }
                Counters.L3Hit(missing[text].Count);
                missing.Remove(text);
            }
        }

        if (missing.Count > 0)
        {
            Counters.Miss(missing.Values.Sum(p => p.Count));
            var clock = Stopwatch.StartNew();
            var computed = await base.GenerateAsync(missing.Keys, options, cancellationToken).ConfigureAwait(false);
            var milliseconds = (int)Math.Ceiling(clock.Elapsed.TotalMilliseconds / Math.Max(missing.Count, 1));
            var rows = new List<StoredEmbedding>(missing.Count);
            foreach (var (text, embedding) in missing.Keys.Zip(computed))
            {
                var vector = embedding.Vector.ToArray();
                Remember(text, vector);
                foreach (var i in missing[text])
                {
                    vectors[i] = vector;
                }
                rows.Add(new StoredEmbedding(ContentHash(text), ContentTypeQuery, text, vector, milliseconds));
            }
            if (store is not null)
            {
                await store.SaveAsync(modelVersion, rows, cancellationToken).ConfigureAwait(false);
            }
        }

        var result = new GeneratedEmbeddings<Embedding<float>>(texts.Length);
        foreach (var vector in vectors)
        {
            result.Add(new Embedding<float>(vector!) { ModelId = modelVersion });
        }
        return result;
    }

    private void Remember(string text, float[] vector) =>
        cache.Set((nameof(CachedEmbeddingGenerator), modelVersion, text), vector, EntryOptions);
}
