using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using MySqlConnector;
using Naviyam.Infrastructure.MySql;
using Naviyam.IntegrationTests.Infrastructure;
using Naviyam.Learning;
using Naviyam.Lexicons;
using Naviyam.Ranking;
using Naviyam.Shops;
using Naviyam.Training.Ranking;
using Xunit.Abstractions;

namespace Naviyam.IntegrationTests.Learning;

/// <summary>The served default city (the one the ranker's simulation and shipped model use), in MySQL mode.</summary>
public sealed class SimulatedCityFactory() : MySqlGatewayFactory(new DateTime(2026, 11, 23, 12, 0, 0), new Dictionary<string, string?>
{
    ["Naviyam:Data:GenerateShops"] = RetrainFromLogsTests.Population.Shops.ToString(CultureInfo.InvariantCulture),
    ["Naviyam:Data:GenerateUsers"] = "0",
    // A thousand turns: the per-turn debug lines would cost more than the turns.
    ["Logging:LogLevel:Default"] = "Warning",
    ["Logging:LogLevel:Naviyam"] = "Warning",
});

/// <summary>
/// The learning loop end to end: a simulated population nobody has trained on (hidden tastes, budget sensitivity,
/// distance decay, meal-time likings: <see cref="BehaviourSimulation"/>) talks to the real gateway and silo in MySQL
/// mode, with the shipped Wide&amp;Deep model served by ONNX Runtime for its arm. Each child reacts to the picks the
/// reply shows as their hidden preferences say ("여기 갈래" on the pick they take, "다른 데 보여줘" when none appeals);
/// then the logs are read back from MariaDB (<see cref="MySqlImpressionReader"/>), the shipped model is retrained on them
/// and both models are scored on held-out sessions of the same children that never went through the product.
/// </summary>
public class RetrainFromLogsTests(SimulatedCityFactory factory, ITestOutputHelper output) : IClassFixture<SimulatedCityFactory>
{
    /// <summary>
    /// Twenty children, 160 planned sessions each: the 45 % held out (by a hash of the session id) are the evaluation,
    /// and the first <see cref="PlayedPerChild"/> of the others are played through the product. A seed and prefix the
    /// shipped model never saw.
    /// </summary>
    public static readonly SimulationOptions Population = new()
    {
        Users = 20,
        SessionsPerUser = 160,
        TestShare = 0.45,
        Seed = 9_001,
        UserPrefix = "pop-",
    };

    private const int PlayedPerChild = 55;

    /// <summary>Turns in flight at once (the machine has two cores).</summary>
    private const int Concurrency = 4;

    private static readonly Dictionary<FoodCategory, string> Asked = new()
    {
        [FoodCategory.Korean] = "한식",
        [FoodCategory.Bunsik] = "분식",
        [FoodCategory.Chinese] = "중국집",
        [FoodCategory.Japanese] = "일식",
        [FoodCategory.Western] = "양식",
        [FoodCategory.Chicken] = "치킨",
        [FoodCategory.Pizza] = "피자",
        [FoodCategory.Burger] = "햄버거",
        [FoodCategory.CafeDessert] = "디저트",
        [FoodCategory.Bakery] = "빵",
        [FoodCategory.Asian] = "쌀국수",
        [FoodCategory.LunchboxPorridge] = "죽",
        [FoodCategory.ConvenienceStore] = "편의점",
    };

    [Fact]
    public async Task A_model_retrained_on_what_simulated_children_did_in_the_product_ranks_their_held_out_sessions_better()
    {
        var clock = Stopwatch.StartNew();
        var population = BehaviourSimulation.Population(Population);
        var city = population.City.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var sessions = BehaviourSimulation.Sessions(population, Population).Where(s => s.Candidates.Count >= 2).ToList();
        var played = sessions.Where(s => s.Split != SessionSplit.Test).GroupBy(s => s.Child.UserId).SelectMany(c => c.Take(PlayedPerChild))
            .OrderBy(s => s.Situation.LocalTime).ToList();
        var heldOut = sessions.Where(s => s.Split == SessionSplit.Test).Select(s => s.SeeingAll()).ToList();
        var clients = new Dictionary<string, HttpClient>(StringComparer.Ordinal);
        foreach (var child in population.Children)
        {
            clients[child.UserId] = await factory.ClientForAsync(child.UserId);
        }

        int turns = 0, shown = 0, taken = 0, rejected = 0;
        var arms = new System.Collections.Concurrent.ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        // Sessions in time order, a few at once: the product has one clock, so each batch lives at its first session's
        // moment (minutes from the others'), and the children judge picks at that moment too.
        foreach (var batch in played.Chunk(Concurrency))
        {
            var now = batch[0].Situation.LocalTime;
            factory.SetSeoulTime(now.ToOffset(TimeSpan.FromHours(9)).DateTime);
            var results = await Task.WhenAll(batch.Select(session => PlayAsync(session, session.Situation with { LocalTime = now })));
            foreach (var (listed, took) in results)
            {
                turns++;
                shown += listed;
                (taken, rejected) = listed == 0 ? (taken, rejected) : took ? (taken + 1, rejected) : (taken, rejected + 1);
            }
        }

        async Task<(int Listed, bool Took)> PlayAsync(SimulatedSession session, RankingSituation situation)
        {
            var client = clients[session.Child.UserId];
            var chatSession = session.SessionId.Replace('/', '-');
            // One turn per chat session, with a fixed id: the logged turn's split (a hash of session/turn) is the same every run.
            var reply = await client.ChatAsync(session.Child.UserId, chatSession, Request(session), userAge: 13, turnId: "t1",
                location: new { lat = session.Place.Latitude, lng = session.Place.Longitude });
            var listed = reply.Recommendations.Concat(reply.PriceUnknown).ToList();
            if (listed.Count == 0)
            {
                return (0, false);
            }
            arms.AddOrUpdate(reply.RankingMethod ?? "none", 1, (_, n) => n + 1);
            // The child looks down the list and takes what their hidden utilities (plus noise) prefer, or nothing.
            var utilities = listed.Select(view => population.Utility(session.Child, situation, FactsOf(view, city[view.ShopId], situation, session.Wish))).ToArray();
            var choice = ChildBehaviour.ChooseFromList(utilities, session.Random);
            var (shop, kind) = choice is { } p ? (listed[p].ShopId, FeedbackKinds.Go) : (listed[0].ShopId, FeedbackKinds.Other);
            using var feedback = await client.PostAsJsonAsync("/api/me/feedback", new { sessionId = chatSession, turnId = reply.TurnId, shopId = shop, kind });
            feedback.StatusCode.Should().Be(HttpStatusCode.OK, await feedback.Content.ReadAsStringAsync());
            return (listed.Count, choice is not null);
        }
        var playTime = clock.Elapsed;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Played {turns:N0} turns of {population.Children.Count} children in {playTime.TotalSeconds:F0} s: {shown:N0} picks shown, {taken:N0} taken (여기 갈래), {rejected:N0} turns with none taken (다른 데 보여줘); arms {string.Join(", ", arms.Select(a => $"{a.Key} {a.Value}"))}."));
        taken.Should().BeGreaterThan(turns / 5, "children take picks they like");

        // The learning grain writes recommendation_features without delaying the answer: wait until every shown pick is there.
        var logged = 0L;
        for (var i = 0; i < 200 && logged < shown; i++)
        {
            logged = await factory.Database.CountAsync("SELECT COUNT(*) FROM recommendation_features WHERE JSON_EXISTS(feature_contributions, '$.facts')");
            if (logged < shown)
            {
                await Task.Delay(100);
            }
        }
        var reader = new MySqlImpressionReader(new MySqlDataSource(factory.Database.ConnectionString));
        var impressions = new List<LoggedImpression>();
        await foreach (var impression in reader.ReadAsync(DateTimeOffset.UnixEpoch))
        {
            impressions.Add(impression);
        }
        impressions.Should().HaveCount(shown, "every shown pick the ranker scored is read back with its facts");
        impressions.Count(i => i.Label > 0).Should().Be(taken, "each 여기 갈래 labels its pick");
        impressions.Should().OnlyContain(i => i.Situation.UserId!.StartsWith(Population.UserPrefix, StringComparison.Ordinal));

        var shipped = WideDeepModelFile.Load(WideDeepModelFormat.PathIn(new DataPaths()));
        using var log = new StringWriter();
        var retrained = RankerTrainingCommand.Retrain(shipped, new LoggedExamples(impressions, "recommendation_features + user_interactions in MariaDB"), new RankerRetrainingOptions(), log);
        output.WriteLine(log.ToString());

        using var before = new OnnxWideDeepScoringModel(shipped);
        using var after = new OnnxWideDeepScoringModel(new WideDeepModelFile(retrained.ModelBytes));
        var evaluation = new RankingEvaluation(heldOut);
        evaluation.AddUntrainedBaselines();
        evaluation.Add("shipped " + shipped.Version, s => Score(before, s));
        evaluation.Add("retrained on the logs", s => Score(after, s));
        foreach (var figures in evaluation.Figures())
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{figures.Ranker}: nDCG@10 {figures.NdcgAt10:F4}, AUC {figures.Auc:F4} over {figures.Sessions} held-out sessions"));
        }
        var gain = evaluation.Against("retrained on the logs").Single(d => d.Baseline.StartsWith("shipped", StringComparison.Ordinal));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Retrained vs shipped: nDCG@10 {gain.NdcgGain:+0.0000;-0.0000} ± {1.96 * gain.NdcgStandardError:F4}, AUC {gain.AucGain:+0.0000;-0.0000} ± {1.96 * gain.AucStandardError:F4} (95 %); "
            + $"logged {retrained.LoggedExamples:N0} impressions, simulated replay {retrained.SimulatedExamples:N0} ({retrained.SimulatedShare:P1} simulated); {clock.Elapsed.TotalSeconds:F0} s in all."));

        // The operator's verb reads the same log beside its simulation and records the shares of its run.
        var (exitCode, printed) = await Naviyam.IntegrationTests.MySql.ModelTrainingLogTests.RunSiloAsync(factory.Database,
            "train-ranker", "--out", Path.Combine(Path.GetTempPath(), "naviyam-retrain-" + Guid.NewGuid().ToString("N")[..8]),
            "--shops", "300", "--users", "40", "--sessions", "6", "--epochs", "1", "--logs", factory.Database.ConnectionString);
        exitCode.Should().BeOneOf([0, 1], printed);
        printed.Should().Contain(string.Create(CultureInfo.InvariantCulture, $"Read {shown:N0} logged impressions ({taken:N0} taken)"));
        (await factory.Database.CountAsync(
            "SELECT COUNT(*) FROM model_training_logs WHERE model_type = 'wide_deep' AND JSON_VALUE(evaluation_metrics, '$.logged_examples') = @logged "
            + "AND JSON_VALUE(evaluation_metrics, '$.simulated_share') < 1", ("@logged", shown))).Should().Be(1, printed);

        var figuresBy = evaluation.Figures().ToDictionary(f => f.Ranker);
        figuresBy["retrained on the logs"].NdcgAt10.Should().BeGreaterThan(figuresBy["shipped " + shipped.Version].NdcgAt10,
            "the retrained model learned these children's tastes from what they did");
        (gain.NdcgGain - 1.96 * gain.NdcgStandardError).Should().BeGreaterThan(0, "the gain is clear of the held-out sessions' noise");
    }

    /// <summary>What the child says: the budget they have, a hurry, the kind of food they want, as children write.</summary>
    private static string Request(SimulatedSession session)
    {
        var parts = new List<string>();
        if (session.Situation.BudgetCap is { } budget)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{budget}원 있어"));
        }
        if (session.Situation.Urgent)
        {
            parts.Add("급해");
        }
        parts.Add(session.Wish is { } wish && Asked.TryGetValue(wish, out var food) ? $"{food} 먹고 싶어" : "배고파 뭐 먹지");
        return string.Join(" ", parts);
    }

    /// <summary>A shown pick as the child sees it: the shop itself, the price and distance the card shows, open how much longer.</summary>
    private static CandidateFacts FactsOf(WireRecommendation view, ShopRecord shop, RankingSituation situation, FoodCategory? wish) => new(
        shop.Id,
        shop.Category,
        view.DistanceMeters,
        view.FinalPrice ?? view.Price,
        view.Price is not null,
        shop.Popularity,
        OpeningMargin.MinutesLeft(shop.Hours, situation.LocalTime),
        wish == shop.Category,
        shop.MealCard,
        shop.IsGoodInfluenceShop);

    private static float[] Score(IScoringModel model, EvaluationSession session)
    {
        var scores = new float[session.Candidates.Count];
        model.Score(WideDeepFeatures.Build(session.Candidates, session.Situation), WideDeepFeatures.Count, scores);
        return scores;
    }
}
