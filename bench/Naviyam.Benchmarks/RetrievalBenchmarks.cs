using BenchmarkDotNet.Attributes;
using Naviyam.Bench;
using Naviyam.Nlu;
using Naviyam.Preprocessing;
using Naviyam.Retrieval;
using Naviyam.Shops;
using Naviyam.UnitTests.Retrieval.Replay;

namespace Naviyam.Benchmarks;

/// <summary>
/// Retrieval over generated cities of 3,000 shops (the default) and 100,000 shops (the generator's maximum). The geo
/// grid's 1 km lookup is measured next to a brute-force scan of every shop, its baseline.
/// </summary>
[BenchmarkCategory("retrieval")]
public class RetrievalBenchmarks
{
    private Components components = null!;
    private CandidateSearch search = null!;
    private GeoPoint[] places = [];
    private CandidateQuery[] corpus = [];
    private CandidateQuery[] replayed = [];
    private int next;
    private int nextQuery;
    private int nextReplayed;

    [Params(3_000, 100_000)]
    public int Shops { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        components = new Components(Shops);
        search = components.Get<CandidateSearch>();
        places = Components.Places(components.Shops, 64);

        // The turn's own queries: each food-seeking corpus message through the real normalizer and NLU, asked by a child
        // with 10,000 won on the card (a stated budget is capped by it) standing at one of the places.
        var normalizer = components.Get<TextNormalizer>();
        var nlu = components.Get<INluEngine>();
        corpus = BenchInputs.Messages(foodSeekingOnly: true)
            .Select((text, i) =>
            {
                var entities = nlu.Analyze(normalizer.Normalize(text)).Entities;
                var budget = entities.Budget is { } stated and > 0 ? Math.Min(stated, 10_000) : 10_000;
                return new CandidateQuery(places[i % places.Length], budget, entities.FoodType, entities.Exclusions ?? [], true, BenchInputs.SeoulNoon);
            })
            .ToArray();

        // The shapes the retrieval replay test checks: the Seoul evaluation files' dialogs (slots carried over turns,
        // with and without a card, a dietary restriction, a coupon, at three moments of the week) around this city's
        // shops, then seeded random shapes, some inside a named area or without a location.
        var served = components.Get<Naviyam.Retrieval.ServedPlaces>();
        var queries = Path.Combine(RepositoryRoot(), "eval", "queries");
        replayed = ReplayShapes.FromQueryFile(Path.Combine(queries, "generated.jsonl"), components.Catalog.All(), served, normalizer, nlu,
                components.Get<DietaryRules>(), components.Get<DishPreferences>())
            .Concat(ReplayShapes.FromQueryFile(Path.Combine(queries, "seoul.jsonl"), components.Catalog.All(), served, normalizer, nlu,
                components.Get<DietaryRules>(), components.Get<DishPreferences>()))
            .Concat(ReplayShapes.Random(BenchInputs.Seed, 300, components.Catalog.All(), served))
            .Select(shape => shape.Query)
            .ToArray();
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Naviyam.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"Naviyam.sln not found in any parent of '{AppContext.BaseDirectory}'.");
    }

    [GlobalCleanup]
    public void Cleanup() => components.Dispose();

    private GeoPoint NextPlace() => places[next = next + 1 == places.Length ? 0 : next + 1];

    private static CandidateQuery Query(GeoPoint? at, int? budget, string? food) =>
        new(at, budget, food, [], IsMinor: true, BenchInputs.SeoulNoon);

    [Benchmark(Description = "CandidateSearch, the corpus turns' queries")]
    public CandidateSet CorpusQueries() => search.Find(corpus[nextQuery = nextQuery + 1 == corpus.Length ? 0 : nextQuery + 1]);

    [Benchmark(Description = "CandidateSearch, replayed query shapes")]
    public CandidateSet ReplayedShapes() => search.Find(replayed[nextReplayed = nextReplayed + 1 == replayed.Length ? 0 : nextReplayed + 1]);

    [Benchmark(Description = "CandidateSearch near, budget 8,000")]
    public CandidateSet NearWithBudget() => search.Find(Query(NextPlace(), 8_000, null));

    [Benchmark(Description = "CandidateSearch near, budget 8,000, 떡볶이")]
    public CandidateSet NearWithFood() => search.Find(Query(NextPlace(), 8_000, "떡볶이"));

    [Benchmark(Description = "CandidateSearch no location, budget 5,000 (whole city)")]
    public CandidateSet AnywhereWithBudget() => search.Find(Query(null, 5_000, null));

    [Benchmark(Description = "Geo grid: shops within 1 km")]
    public int GridWithin1Km() => components.Catalog.Near(NextPlace(), 1_000).Count;

    [Benchmark(Baseline = true, Description = "Brute-force scan: shops within 1 km")]
    public int ScanWithin1Km()
    {
        var at = NextPlace();
        var found = 0;
        foreach (var shop in components.Catalog.All())
        {
            if (shop.Location is { } location && at.DistanceMetersTo(location) <= 1_000)
            {
                found++;
            }
        }
        return found;
    }
}
