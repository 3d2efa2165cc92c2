using Google.Protobuf;
using Microsoft.Extensions.DependencyInjection;
using Naviyam.Ranking;
using Naviyam.Retrieval;
using Naviyam.Shops;
using Naviyam.Time;
using Naviyam.Training.Ranking;
using Onnx;

namespace Naviyam.Ranking.Tests;

/// <summary>The serving class on a real ONNX Runtime session.</summary>
public sealed class OnnxWideDeepScoringModelTests : IDisposable
{
    private readonly WideDeepModel model = TestModels.Random(21);
    private readonly OnnxWideDeepScoringModel served;

    public OnnxWideDeepScoringModelTests() => served = new OnnxWideDeepScoringModel(new WideDeepModelFile(TestModels.Export(model)));

    public void Dispose() => served.Dispose();

    private float[] Serve(float[] rows)
    {
        var scores = new float[rows.Length / WideDeepFeatures.Count];
        served.Score(rows, WideDeepFeatures.Count, scores);
        return scores;
    }

    [Fact]
    public void A_batch_is_scored_in_one_call_row_by_row_in_order()
    {
        var rows = TestModels.RandomRows(200, 1);

        Serve(rows).Should().Equal(model.Score(rows), (a, b) => Math.Abs(a - b) <= 1e-5f);
    }

    [Fact]
    public void No_candidates_and_one_candidate_are_scored()
    {
        Serve([]).Should().BeEmpty();
        served.Score(new RankRequest(WideDeepFeatures.Count, [])).Scores.Should().BeEmpty();

        var one = TestModels.RandomRows(1, 2);
        Serve(one).Should().ContainSingle().Which.Should().BeApproximately(model.Score(one)[0], 1e-5f);
        served.Score(new RankRequest(WideDeepFeatures.Count, one)).ModelVersion.Should().StartWith(WideDeepModelFormat.VersionPrefix);
    }

    [Fact]
    public void Turns_of_changing_size_reuse_the_buffers_and_give_the_same_scores()
    {
        var rows = TestModels.RandomRows(600, 3);
        var expected = model.Score(rows);
        var offset = 0;
        foreach (var size in new[] { 200, 1, 37, 300, 37, 25 })
        {
            var slice = rows.AsSpan(offset * WideDeepFeatures.Count, size * WideDeepFeatures.Count).ToArray();
            Serve(slice).Should().Equal(expected.AsSpan(offset, size).ToArray(), (a, b) => Math.Abs(a - b) <= 1e-5f);
            offset += size;
        }
    }

    [Fact]
    public void The_model_only_orders_what_it_is_given()
    {
        // A real turn's candidates: whatever retrieval's hard rules let through is all the model sees, and each
        // candidate keeps its own score wherever it stands in the batch.
        var rows = TestModels.RandomRows(120, 4);
        var scores = Serve(rows);
        var permutation = Enumerable.Range(0, 120).Reverse().ToArray();
        var permuted = permutation.SelectMany(i => rows.AsSpan(i * WideDeepFeatures.Count, WideDeepFeatures.Count).ToArray()).ToArray();

        var permutedScores = Serve(permuted);

        permutedScores.Should().HaveCount(120);
        permutedScores.Should().Equal(permutation.Select(i => scores[i]), (a, b) => Math.Abs(a - b) <= 1e-6f);
    }

    [Fact]
    public void The_heuristic_matrix_and_a_ragged_matrix_are_refused()
    {
        served.Invoking(m => m.Score(new float[RankingFeatures.Count * 2], RankingFeatures.Count, new float[2]))
            .Should().Throw<ArgumentException>().WithMessage("*WideDeepFeatures*");
        served.Invoking(m => m.Score(new RankRequest(WideDeepFeatures.Count, new float[WideDeepFeatures.Count + 1])))
            .Should().Throw<ArgumentException>();
    }

    [Fact]
    public void A_model_trained_on_other_features_is_refused()
    {
        var proto = ModelProto.Parser.ParseFrom(TestModels.Export(model));
        proto.MetadataProps.Single(p => p.Key == WideDeepModelFormat.FeaturesKey).Value = "widedeep-v0";

        FluentActions.Invoking(() => new OnnxWideDeepScoringModel(new WideDeepModelFile(proto.ToByteArray())))
            .Should().Throw<InvalidDataException>().WithMessage("*widedeep-v0*Retrain*");
    }

    [Fact]
    public void Ranking_a_built_turn_keeps_exactly_the_candidates_given()
    {
        var now = SeoulClock.FromSeoulLocal(new DateTime(2026, 11, 27, 18, 40, 0));
        var candidates = Enumerable.Range(0, 50)
            .Select(i => WideDeepFeaturesTests.Shop($"generated:{i}", price: 3_000 + 100 * i, meters: 40.0 * i, category: (FoodCategory)(1 + i % 13)))
            .ToArray();
        var scores = new float[candidates.Length];
        served.Score(new WideDeepFeatureBuilder().Build(candidates, new RankingSituation("demo-7", now, 8_000)), WideDeepFeatures.Count, scores);

        var ordered = Naviyam.Training.Ranking.RankingMetrics.Order(scores, candidates).Select(i => candidates[i]).ToArray();

        ordered.Should().BeEquivalentTo(candidates, o => o.WithoutStrictOrdering());
        ordered.Select(c => c.Shop.Id).Should().OnlyHaveUniqueItems();
    }
}

public sealed class WideDeepRegistrationTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("naviyam-ranker-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static ServiceCollection Services()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IScoringModel, HeuristicScoringModel>();
        services.AddSingleton<IRankingFeatureBuilder, HeuristicFeatureBuilder>();
        return services;
    }

    [Fact]
    public void Without_the_model_file_the_heuristic_stays()
    {
        var services = Services().AddWideDeepRanking(Path.Combine(directory, "missing.onnx"));
        using var provider = services.BuildServiceProvider(validateScopes: true);

        provider.GetRequiredService<IScoringModel>().Should().BeOfType<HeuristicScoringModel>();
        provider.GetRequiredService<IRankingFeatureBuilder>().Should().BeOfType<HeuristicFeatureBuilder>();
    }

    [Fact]
    public void With_the_model_file_each_scope_gets_its_own_session_disposed_with_it()
    {
        var path = Path.Combine(directory, WideDeepModelFormat.ModelFileName);
        File.WriteAllBytes(path, TestModels.Export(TestModels.Random(3)));
        using var provider = Services().AddWideDeepRanking(path).BuildServiceProvider(validateScopes: true);

        provider.GetRequiredService<IRankingFeatureBuilder>().Should().BeOfType<WideDeepFeatureBuilder>();
        IScoringModel first, second;
        using (var activation = provider.CreateScope())
        {
            first = activation.ServiceProvider.GetRequiredService<IScoringModel>();
            activation.ServiceProvider.GetRequiredService<IScoringModel>().Should().BeSameAs(first);
            first.Should().BeOfType<OnnxWideDeepScoringModel>().Which.Version.Should().Be(provider.GetRequiredService<WideDeepModelFile>().Version);
        }
        using (var activation = provider.CreateScope())
        {
            second = activation.ServiceProvider.GetRequiredService<IScoringModel>();
            second.Should().NotBeSameAs(first);
        }
        first.Invoking(m => m.Score(TestModels.RandomRows(1, 1), WideDeepFeatures.Count, new float[1]))
            .Should().Throw<ObjectDisposedException>("the scope (the activation) disposed its session");
    }
}
