using BenchmarkDotNet.Attributes;
using Naviyam.Bench;
using Naviyam.Ranking;
using Naviyam.Retrieval;

namespace Naviyam.Benchmarks;

/// <summary>
/// Ranking: the feature matrix of a real candidate set and the heuristic scorer over batches of 200 rows (the
/// retrieval stage's cap, one turn) and 10,000 rows (throughput). Candidate scores per second = Rows / mean.
/// </summary>
[BenchmarkCategory("ranking")]
public class RankingBenchmarks
{
    private readonly HeuristicScoringModel model = new();
    private Components components = null!;
    private Candidate[] candidates = [];
    private float[] features = [];
    private float[] scores = [];

    [Params(200, 10_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        components = new Components(100_000);
        candidates = components.Candidates(Rows);
        features = RankingFeatures.Build(candidates, 10_000);
        scores = new float[Rows];
    }

    [GlobalCleanup]
    public void Cleanup() => components.Dispose();

    [Benchmark(Description = "RankingFeatures.Build")]
    public float[] BuildFeatures() => RankingFeatures.Build(candidates, 10_000);

    [Benchmark(Description = "HeuristicScoringModel.Score (batch)")]
    public float ScoreBatch()
    {
        model.Score(features, RankingFeatures.Count, scores);
        return scores[0];
    }
}
