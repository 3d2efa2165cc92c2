using BenchmarkDotNet.Attributes;
using Naviyam.Bench;
using Naviyam.Nlu;
using Naviyam.Preprocessing;
using Naviyam.Retrieval;
using Naviyam.UnitTests.Retrieval.Replay;

namespace Naviyam.Benchmarks;

/// <summary>
/// Retrieval over the query shapes of a load run: the sessions the realistic mix actually played (captured by
/// <c>Naviyam.LoadTest turns --capture</c>, in the evaluation query-file format), read by the retrieval replay test's
/// own reader (<c>ReplayShapes.FromQueryFile</c>: each turn through the served normalizer and NLU, slots carried over
/// the session, with and without a card, at three moments of the week). Runs only when a capture is given.
/// </summary>
[BenchmarkCategory("retrieval")]
public class MixReplayBenchmarks
{
    /// <summary>Set by <c>Program</c> from <c>--mix-sessions</c> (the in-process toolchain shares this process).</summary>
    public static string? CapturePath { get; set; }

    private Components components = null!;
    private CandidateSearch search = null!;
    private CandidateQuery[] shapes = [];
    private int next;

    [Params(3_000, 100_000)]
    public int Shops { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var path = CapturePath ?? throw new InvalidOperationException("No --mix-sessions capture was given.");
        components = new Components(Shops);
        search = components.Get<CandidateSearch>();
        shapes = ReplayShapes.FromQueryFile(path, components.Catalog.All(), components.Get<ServedPlaces>(), components.Get<TextNormalizer>(),
                components.Get<INluEngine>(), components.Get<DietaryRules>(), components.Get<DishPreferences>())
            .Select(shape => shape.Query)
            .ToArray();
    }

    [GlobalCleanup]
    public void Cleanup() => components.Dispose();

    [Benchmark(Description = "CandidateSearch, query shapes of a load run (realistic mix)")]
    public CandidateSet LoadRunShapes() => search.Find(shapes[next = next + 1 == shapes.Length ? 0 : next + 1]);
}
