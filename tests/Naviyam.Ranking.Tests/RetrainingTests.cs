using Naviyam.Learning;
using Naviyam.Training.Ranking;
using Xunit.Abstractions;

namespace Naviyam.Ranking.Tests;

public class RetrainingTests
{
    [Fact]
    public void A_model_read_back_from_its_onnx_file_has_the_same_parameters()
    {
        var model = TestModels.Random(seed: 11, dimension: 16);

        var read = WideDeepOnnxImporter.Import(TestModels.Export(model));

        read.Bias.Should().Be(model.Bias);
        for (var i = 0; i < model.Tensors.Length; i++)
        {
            read.Tensors[i].Should().Equal(model.Tensors[i]);
        }
    }

    [Theory]
    [InlineData(new string[0], 0f)]
    [InlineData(new[] { InteractionTypes.DetailView }, ImpressionLabels.Opened)]
    [InlineData(new[] { InteractionTypes.DetailView, InteractionTypes.FollowUp }, ImpressionLabels.FollowUp)]
    [InlineData(new[] { InteractionTypes.DetailView, InteractionTypes.Selection }, ImpressionLabels.Go)]
    [InlineData(new[] { InteractionTypes.DetailView, InteractionTypes.Feedback }, 0f)]
    [InlineData(new[] { InteractionTypes.Feedback, InteractionTypes.Order }, ImpressionLabels.Order)]
    public void An_impression_is_labelled_by_the_strongest_action_and_a_rejection_cancels_mere_interest(string[] types, float label) =>
        ImpressionLabels.Of(types).Should().Be(label);

    [Fact]
    public void Logged_examples_carry_their_soft_label_into_the_training_rows()
    {
        var situation = new RankingSituation("u", new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.FromHours(9)), 8_000);
        var facts = new CandidateFacts("s", Naviyam.Shops.FoodCategory.Bunsik, 300, 6_000, true, 0.5, 120, false, Naviyam.Shops.MealCardAcceptance.Yes, false);
        var source = new LoggedExamples(
            [
                new LoggedImpression("sess", "t1", situation, facts, 1, ImpressionLabels.Opened, "wide_deep"),
                new LoggedImpression("sess", "t1", situation, facts with { ShopId = "s2" }, 2, 0f, "wide_deep"),
            ], "two rows");

        var examples = source.Read().ToList();
        var (_, labels) = RankerTrainingCommand.Featurize(examples);

        examples.Should().OnlyContain(e => e.Source == ExampleSource.Logged && e.SessionId == "sess/t1");
        labels.Should().Equal(ImpressionLabels.Opened, 0f);
    }
}

/// <summary>
/// The retraining step alone, without the product (the MySQL-mode integration test plays the same population through the
/// real silo): a new population's sessions are listed three at a time by the shipped model, as the reply lists picks,
/// the children choose as their hidden preferences say, and the shipped model retrained on those impressions must rank
/// the same children's held-out sessions better than before.
/// </summary>
public class RetrainingOnLogsTests(ITestOutputHelper output)
{
    [Fact]
    public void Retraining_the_shipped_model_on_a_new_populations_choices_ranks_their_held_out_sessions_better()
    {
        // As in the MySQL-mode test: 55 sessions of each child are logged, 45 % of the planned ones are held out.
        var options = new SimulationOptions { Users = 20, SessionsPerUser = 160, TestShare = 0.45, Seed = 9_001, UserPrefix = "new-" };
        var playedBy = new Dictionary<string, int>(StringComparer.Ordinal);
        var population = BehaviourSimulation.Population(options);
        var shipped = WideDeepModelFile.Load(TestModels.CommittedModelPath);
        using var before = new OnnxWideDeepScoringModel(shipped);
        var logged = new List<LoggedImpression>();
        var heldOut = new List<EvaluationSession>();
        foreach (var session in BehaviourSimulation.Sessions(population, options).Where(s => s.Candidates.Count >= 2))
        {
            if (session.Split == SessionSplit.Test)
            {
                heldOut.Add(session.SeeingAll());
                continue;
            }
            if ((playedBy[session.Child.UserId] = playedBy.GetValueOrDefault(session.Child.UserId) + 1) > 55)
            {
                continue;
            }
            var shown = RankingMetrics.Order(Score(before, session.Situation, session.Candidates), session.Candidates).Take(3).ToArray();
            var picked = ChildBehaviour.ChooseFromList(shown.Select(i => session.Utilities[i]).ToArray(), session.Random);
            logged.AddRange(shown.Select((candidate, p) => new LoggedImpression(session.SessionId, "t1", session.Situation,
                CandidateFacts.Of(session.Candidates[candidate], session.Situation.LocalTime), p + 1, picked == p ? ImpressionLabels.Go : 0f, "wide_deep")));
        }

        var log = new StringWriter();
        var run = RankerTrainingCommand.Retrain(shipped, new LoggedExamples(logged, "simulated lists of three"), new RankerRetrainingOptions(), log);
        output.WriteLine(log.ToString());
        using var after = new OnnxWideDeepScoringModel(new WideDeepModelFile(run.ModelBytes));
        var evaluation = new RankingEvaluation(heldOut);
        evaluation.Add("shipped", s => Score(before, s.Situation, s.Candidates));
        evaluation.Add("retrained", s => Score(after, s.Situation, s.Candidates));
        var gain = evaluation.Against("retrained").Single();
        output.WriteLine($"{string.Join("; ", evaluation.Figures())}; gain {gain}");

        run.LoggedExamples.Should().Be(logged.Count);
        run.SimulatedShare.Should().BeInRange(0.01, 0.99);
        gain.Significant.Should().BeTrue("both gains' 95 % intervals are above zero");
    }

    private static float[] Score(IScoringModel model, RankingSituation situation, IReadOnlyList<Naviyam.Retrieval.Candidate> candidates)
    {
        var scores = new float[candidates.Count];
        model.Score(WideDeepFeatures.Build(candidates, situation), WideDeepFeatures.Count, scores);
        return scores;
    }
}
