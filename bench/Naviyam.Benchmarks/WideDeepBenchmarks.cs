using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Options;
using Naviyam.Bench;
using Naviyam.Hosting;
using Naviyam.Lexicons;
using Naviyam.Ranking;
using Naviyam.Retrieval;

namespace Naviyam.Benchmarks;

/// <summary>
/// The ONNX Wide&amp;Deep ranker (the committed <c>data/models/ranker/wide-deep.onnx</c>) beside today's heuristic, in the
/// same run: batch scoring of a real candidate set (200 rows, one turn; 10,000 rows, throughput) on one session, and on
/// two sessions at once (two <see cref="RankerGrain"/> activations on two cores), and the whole ranking stage of a turn
/// (features, scoring, the best three). Candidate scores per second = rows per call / mean.
/// </summary>
[BenchmarkCategory("ranking")]
public class WideDeepBenchmarks
{
    public const string WideDeepScoring = "Wide&Deep ONNX scoring (batch)";
    public const string WideDeepScoringTwoWorkers = "Wide&Deep ONNX scoring (batch, 2 workers)";
    public const string HeuristicScoring = "Heuristic scoring (batch, in-run baseline)";
    public const string WideDeepStage = "Wide&Deep ranking stage (features, ONNX, top 3)";
    public const string HeuristicStage = "Heuristic ranking stage (Ranker, in-run baseline)";

    private readonly HeuristicScoringModel heuristic = new();
    private Components components = null!;
    private OnnxWideDeepScoringModel first = null!;
    private OnnxWideDeepScoringModel second = null!;
    private Ranker heuristicRanker = null!;
    private Candidate[] candidates = [];
    private RankingSituation situation = null!;
    private float[] wideDeepFeatures = [];
    private float[] heuristicFeatures = [];
    private float[] scores = [];
    private float[] secondScores = [];

    [Params(200, 10_000)]
    public int Rows { get; set; }

    /// <summary>Candidate scores one call of a scoring case makes, for the report's scores/s (null: not a scoring case).</summary>
    public static int? ScoresPerCall(string description, int rows) => description switch
    {
        WideDeepScoring or HeuristicScoring => rows,
        WideDeepScoringTwoWorkers => 2 * rows,
        _ => null,
    };

    [GlobalSetup]
    public void Setup()
    {
        components = new Components(100_000);
        candidates = components.Candidates(Rows);
        var file = WideDeepModelFile.Load(WideDeepModelFormat.PathIn(components.Get<IOptions<DataPaths>>().Value));
        first = new OnnxWideDeepScoringModel(file);
        second = new OnnxWideDeepScoringModel(file);
        heuristicRanker = new Ranker(new InProcessScorer(heuristic), Options.Create(new RecommendationOptions()));
        situation = new RankingSituation("demo-7", BenchInputs.SeoulNoon, 10_000);
        wideDeepFeatures = WideDeepFeatures.Build(candidates, situation);
        heuristicFeatures = RankingFeatures.Build(candidates, 10_000);
        scores = new float[Rows];
        secondScores = new float[Rows];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        first.Dispose();
        second.Dispose();
        components.Dispose();
    }

    [Benchmark(Description = WideDeepScoring)]
    public float ScoreWideDeep()
    {
        first.Score(wideDeepFeatures, WideDeepFeatures.Count, scores);
        return scores[0];
    }

    [Benchmark(Description = WideDeepScoringTwoWorkers)]
    public float ScoreWideDeepOnTwoWorkers()
    {
        Parallel.Invoke(
            () => first.Score(wideDeepFeatures, WideDeepFeatures.Count, scores),
            () => second.Score(wideDeepFeatures, WideDeepFeatures.Count, secondScores));
        return scores[0] + secondScores[0];
    }

    [Benchmark(Description = HeuristicScoring)]
    public float ScoreHeuristic()
    {
        heuristic.Score(heuristicFeatures, RankingFeatures.Count, scores);
        return scores[0];
    }

    /// <summary>What <see cref="Ranker"/> does once it builds <see cref="WideDeepFeatures"/>: build, score in one batch, keep the best three.</summary>
    [Benchmark(Description = WideDeepStage)]
    public ScoredCandidate[] RankWithWideDeep()
    {
        var features = new WideDeepFeatureBuilder().Build(candidates, situation);
        var result = first.Score(new RankRequest(WideDeepFeatures.Count, features));
        return Enumerable.Range(0, candidates.Length)
            .OrderByDescending(i => result.Scores[i])
            .ThenBy(i => candidates[i].Shop.Id, StringComparer.Ordinal)
            .Take(3)
            .Select(i => new ScoredCandidate(candidates[i], result.Scores[i]))
            .ToArray();
    }

    [Benchmark(Description = HeuristicStage)]
    public Task<RankedShops> RankWithHeuristic() => heuristicRanker.RankAsync(candidates, 10_000);
}
