using BenchmarkDotNet.Attributes;
using Naviyam.Bench;
using Naviyam.Catalog;
using Naviyam.Catalog.Import.DataGeneration;
using Naviyam.Embeddings;
using Naviyam.Lexicons;

namespace Naviyam.Benchmarks;

/// <summary>
/// The served semantic search: the top 10 shops of a generated 100,000-shop city for a real message, by the hybrid
/// similarity (encoder cosine by SIMD scan + TF-IDF cosine by n-gram postings, each shop scored by its best document),
/// as <see cref="CatalogVectorSnapshot.TopShops"/> serves it; next to its baseline in the same run, a brute-force scan
/// that scores every document with a scalar dot product and a dictionary TF-IDF cosine and sorts every shop. Setup
/// embeds the whole city with the committed encoder (tens of seconds) and checks that both give the same ten shops.
/// </summary>
[BenchmarkCategory("embedding")]
public class HybridSearchBenchmarks
{
    public const int Shops = 100_000;
    public const string Served = "Hybrid top-10 shops of 100,000 (SIMD + n-gram postings)";
    public const string BruteForce = "Brute-force hybrid scan + sort of 100,000 shops";

    private TextEncoder encoder = null!;
    private CatalogVectorIndex index = null!;
    private CatalogVectorSnapshot snapshot = null!;
    private SemanticQuery[] queries = [];
    private float[][] rowVectors = [];
    private Dictionary<string, double>[] rowGrams = [];
    private (string Id, int[] Rows)[] shopRows = [];
    private TfIdfVectorizer lexical = null!;
    private int next;

    [GlobalSetup]
    public void Setup()
    {
        var paths = new DataPaths();
        encoder = TextEncoder.Load(TextEncoder.PathIn(paths));
        lexical = TfIdfVectorizer.Load(Path.Combine(Path.GetDirectoryName(TextEncoder.PathIn(paths))!, TfIdfVectorizer.FileName));
        var catalog = new ShopCatalog();
        catalog.Load(CityDataGenerator.Generate(new CityGenerationOptions { ShopCount = Shops, UserCount = 0, Seed = BenchInputs.Seed }).Shops);
        index = new CatalogVectorIndex(catalog, new OnnxEmbeddingGenerator(encoder), lexical);
        snapshot = index.BuildAsync().GetAwaiter().GetResult();

        rowVectors = snapshot.Documents.Select((_, row) => snapshot.Index.Row(row).ToArray()).ToArray();
        rowGrams = snapshot.Documents.Select(lexical.Vector).ToArray();
        var rowOf = snapshot.Documents.Select((document, row) => (document, row)).ToDictionary(x => x.document, x => x.row, StringComparer.Ordinal);
        shopRows = catalog.All().Select(shop => (shop.Id, shop.Menus
            .Select(menu => rowOf[CatalogVectorSnapshot.MenuDocument(menu.Name, shop.Category)])
            .Prepend(rowOf[CatalogVectorSnapshot.ShopDocument(shop)]).ToArray())).ToArray();

        var messages = BenchInputs.Messages(foodSeekingOnly: true).Take(256).ToArray();
        var vectors = encoder.Embed(messages);
        queries = messages.Select((text, i) => snapshot.QueryFor(vectors[i], text)).ToArray();

        var served = snapshot.TopShops(queries[0], 10).Select(m => m.ShopId);
        var brute = BruteForceTop10(queries[0]);
        if (!served.SequenceEqual(brute))
        {
            throw new InvalidOperationException($"The served search and the brute-force scan disagree: {string.Join(",", served)} vs {string.Join(",", brute)}");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        index.Dispose();
        encoder.Dispose();
    }

    private int Next() => next = next + 1 >= queries.Length ? 0 : next + 1;

    [Benchmark(Description = Served)]
    public IReadOnlyList<ShopMatch> ServedTop10() => snapshot.TopShops(queries[Next()], 10);

    [Benchmark(Baseline = true, Description = BruteForce)]
    public string[] BruteForceTop10() => BruteForceTop10(queries[Next()]);

    private string[] BruteForceTop10(SemanticQuery query)
    {
        var grams = query.Grams.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var scores = new float[rowVectors.Length];
        for (var row = 0; row < rowVectors.Length; row++)
        {
            var vector = rowVectors[row];
            var dot = 0f;
            for (var d = 0; d < vector.Length; d++)
            {
                dot += vector[d] * query.Vector[d];
            }
            scores[row] = (float)(1 - lexical.LexicalWeight) * dot + (float)lexical.LexicalWeight * (float)TfIdfVectorizer.Cosine(grams, rowGrams[row]);
        }
        return shopRows
            .Select(shop => (shop.Id, Score: shop.Rows.Max(row => scores[row])))
            .OrderByDescending(shop => shop.Score).ThenBy(shop => shop.Id, StringComparer.Ordinal)
            .Take(10).Select(shop => shop.Id).ToArray();
    }
}
