using Microsoft.Extensions.DependencyInjection;
using Naviyam.Hosting;
using Naviyam.Lexicons;
using Naviyam.Ranking;
using Naviyam.Retrieval;
using Naviyam.Shops;
using Naviyam.Time;
using Orleans.TestingHost;

namespace Naviyam.IntegrationTests.Grains;

/// <summary>
/// <c>RankerGrain</c> (a stateless worker) serving the committed Wide&amp;Deep model on an in-process Orleans test
/// cluster, registered by <c>AddWideDeepRanking</c> as the lead will switch it on: each activation builds its own
/// ONNX Runtime session from its service scope.
/// </summary>
public sealed class RankerGrainWideDeepTests : IAsyncLifetime
{
    private static readonly string ModelPath = WideDeepModelFormat.PathIn(new DataPaths());
    private InProcessTestCluster cluster = null!;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 1);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSiloHost((_, host) =>
        {
            host.AddNaviyamSiloServices();
            host.Services.AddWideDeepRanking(ModelPath);
        });
        builder.ConfigureSilo((_, silo) => silo.AddNaviyamInMemoryStorage());
        cluster = builder.Build();
        await cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await cluster.DisposeAsync();

    private static float[] Turn(int candidates, int seed)
    {
        var now = SeoulClock.FromSeoulLocal(new DateTime(2026, 11, 25, 12, 10, 0));
        var shops = Enumerable.Range(0, candidates).Select(i => new Candidate(
            new ShopRecord
            {
                Id = $"generated:{seed * 1_000 + i}", Source = "generated", SourceId = $"{i}", Name = $"가게 {i}",
                Category = (FoodCategory)(1 + (seed + i) % 13), MealCard = MealCardAcceptance.Yes, Popularity = i % 10 / 10.0,
            },
            new MenuItem("김밥", 2_500 + 150 * i, MenuKind.Meal), true, 60.0 * i, FoodMatched: i % 4 == 0)).ToArray();
        return new WideDeepFeatureBuilder().Build(shops, new RankingSituation($"demo-{seed}", now, 9_000, FoodAsked: true));
    }

    [Fact]
    public async Task Activations_score_turns_with_their_own_sessions_as_one_model_in_process_does()
    {
        using var direct = new OnnxWideDeepScoringModel(WideDeepModelFile.Load(ModelPath));
        var turns = Enumerable.Range(1, 24).Select(seed => Turn(candidates: 10 + 7 * seed, seed)).ToArray();

        // Concurrent calls: the stateless worker may spread them over several activations, each with its own session and
        // buffers; none may see another call in its buffers (the model refuses overlapping calls).
        var results = await Task.WhenAll(turns.Select(features =>
            cluster.Client.GetGrain<IRankerGrain>(0).ScoreAsync(new RankRequest(WideDeepFeatures.Count, features))));

        for (var t = 0; t < turns.Length; t++)
        {
            var expected = direct.Score(new RankRequest(WideDeepFeatures.Count, turns[t]));
            results[t].ModelVersion.Should().Be(expected.ModelVersion).And.StartWith(WideDeepModelFormat.VersionPrefix);
            results[t].Scores.Should().Equal(expected.Scores);
        }
        var empty = await cluster.Client.GetGrain<IRankerGrain>(0).ScoreAsync(new RankRequest(WideDeepFeatures.Count, []));
        empty.Scores.Should().BeEmpty();
    }
}
