using System.Text.Json;
using Naviyam.Ranking;
using Naviyam.Training;
using Naviyam.Training.Ranking;

namespace Naviyam.Ranking.Tests;

/// <summary>The ranker committed in <c>data/models/ranker/</c> with its metrics, run by a real ONNX Runtime session.</summary>
public sealed class CommittedModelTests : IDisposable
{
    private readonly WideDeepModelFile file = WideDeepModelFile.Load(TestModels.CommittedModelPath);
    private readonly OnnxWideDeepScoringModel served;
    private readonly RankerTrainingReport metrics;

    public CommittedModelTests()
    {
        served = new OnnxWideDeepScoringModel(file);
        metrics = JsonSerializer.Deserialize<RankerTrainingReport>(File.ReadAllText(TestModels.CommittedMetricsPath), NluTrainingCommand.JsonOptions)!;
    }

    public void Dispose() => served.Dispose();

    [Fact]
    public void The_metrics_belong_to_the_committed_model_and_it_is_small()
    {
        metrics.Sha256.Should().Be(file.Sha256);
        metrics.ModelVersion.Should().Be(file.Version);
        metrics.Features.Should().Be(WideDeepFeatures.Version);
        metrics.ModelBytes.Should().Be(file.Bytes.Length);
        file.Bytes.Length.Should().BeLessThan(2 << 20, "the model is kept well under a few MB");
    }

    [Fact]
    public void It_shipped_because_it_beats_every_baseline_on_held_out_sessions()
    {
        metrics.Shipped.Should().BeTrue();
        metrics.WideDeepAgainst.Select(d => d.Baseline).Should().BeEquivalentTo(
            RankingEvaluation.Popularity, RankingEvaluation.Heuristic, RankingEvaluation.WideOnly);
        metrics.WideDeepAgainst.Should().OnlyContain(d => d.Significant);
        var wideDeep = metrics.Test.Single(f => f.Ranker == RankingEvaluation.WideAndDeep);
        metrics.Test.Where(f => f != wideDeep && f.Ranker != RankingEvaluation.Oracle)
            .Should().HaveCount(3).And.OnlyContain(f => f.NdcgAt10 < wideDeep.NdcgAt10 && f.Auc < wideDeep.Auc);
        metrics.Test.Single(f => f.Ranker == RankingEvaluation.Oracle).NdcgAt10.Should().BeGreaterThan(wideDeep.NdcgAt10, "no model beats the simulation's own utilities");
        wideDeep.Sessions.Should().Be(metrics.Data.TestSessions).And.BeGreaterThan(1_000);
        metrics.Data.SimulatedShare.Should().Be(1, "no interaction log exists yet: docs/ranking.md says so");
    }

    [Fact]
    public void It_ranks_a_held_out_session_like_the_evaluation_did()
    {
        var sessions = BehaviourSimulation.Run(new SimulationOptions { Shops = 600, Users = 60, SessionsPerUser = 10, Seed = 77 }).Test;
        foreach (var session in sessions.Take(20))
        {
            var scores = new float[session.Candidates.Count];
            served.Score(WideDeepFeatures.Build(session.Candidates, session.Situation), WideDeepFeatures.Count, scores);
            scores.Should().OnlyContain(s => s > 0 && s < 1);
            scores.Distinct().Should().HaveCountGreaterThan(1);
        }
    }
}
