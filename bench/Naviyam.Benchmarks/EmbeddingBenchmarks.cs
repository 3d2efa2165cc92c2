using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Naviyam.Bench;
using Naviyam.Embeddings;
using Naviyam.Lexicons;

namespace Naviyam.Benchmarks;

/// <summary>
/// The text encoder and the vector index. Top-10 over 100,000 unit vectors of the encoder's dimension (seeded random
/// vectors: the scan's cost does not depend on what the vectors mean) by the index's SIMD scan, next to its baseline, a
/// naive scalar loop that scores every row and sorts them all. Embedding one query: the ONNX encoder uncached (each call a
/// text it has not seen in a row) and through the embedding cache (an L1 hit).
/// </summary>
[BenchmarkCategory("embedding")]
public class EmbeddingBenchmarks
{
    public const int Items = 100_000;

    private TextEncoder encoder = null!;
    private OnnxEmbeddingGenerator generator = null!;
    private CachedEmbeddingGenerator cached = null!;
    private ServiceProvider services = null!;
    private MemoryCache memory = null!;
    private VectorIndex index = null!;
    private float[][] rows = [];
    private float[][] queries = [];
    private string[] messages = [];
    private int next;

    [GlobalSetup]
    public void Setup()
    {
        encoder = TextEncoder.Load(TextEncoder.PathIn(new DataPaths()));
        generator = new OnnxEmbeddingGenerator(encoder);
        services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        memory = new MemoryCache(new MemoryCacheOptions { SizeLimit = 100_000 });
        cached = new CachedEmbeddingGenerator(generator, memory, null, new CacheCounters(services.GetRequiredService<IMeterFactory>(), "embedding_cache"));
        var random = new Random(BenchInputs.Seed);
        rows = Enumerable.Range(0, Items).Select(_ => UnitVector(random, encoder.Dimension)).ToArray();
        queries = Enumerable.Range(0, 256).Select(_ => UnitVector(random, encoder.Dimension)).ToArray();
        index = new VectorIndex(encoder.Dimension, rows);
        messages = BenchInputs.Messages(foodSeekingOnly: true).ToArray();
        cached.GenerateAsync(messages).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        encoder.Dispose();
        memory.Dispose();
        services.Dispose();
    }

    private int Next(int length) => next = next + 1 >= length ? 0 : next + 1;

    [Benchmark(Description = "VectorIndex top-10 of 100,000 (SIMD scan)")]
    public VectorHit[] SimdTop10() => index.Search(queries[Next(queries.Length)], 10);

    [Benchmark(Baseline = true, Description = "Naive scalar scan + sort of 100,000")]
    public int NaiveTop10()
    {
        var query = queries[Next(queries.Length)];
        var scores = new float[rows.Length];
        var order = new int[rows.Length];
        for (var r = 0; r < rows.Length; r++)
        {
            var row = rows[r];
            var sum = 0f;
            for (var d = 0; d < row.Length; d++)
            {
                sum += row[d] * query[d];
            }
            scores[r] = -sum;
            order[r] = r;
        }
        Array.Sort(scores, order);
        return order[0];
    }

    [Benchmark(Description = "Embed one query, ONNX (uncached)")]
    public ReadOnlyMemory<float> EmbedCold() =>
        generator.GenerateVectorAsync(messages[Next(messages.Length)]).GetAwaiter().GetResult();

    [Benchmark(Description = "Embed one query, embedding cache (L1 hit)")]
    public ReadOnlyMemory<float> EmbedCached() =>
        cached.GenerateVectorAsync(messages[Next(messages.Length)]).GetAwaiter().GetResult();

    private static float[] UnitVector(Random random, int dimension)
    {
        var vector = new float[dimension];
        var norm = 0f;
        for (var d = 0; d < dimension; d++)
        {
            vector[d] = (float)(random.NextDouble() * 2 - 1);
            norm += vector[d] * vector[d];
        }
        norm = MathF.Sqrt(norm);
        for (var d = 0; d < dimension; d++)
        {
            vector[d] /= norm;
        }
        return vector;
    }
}
