using Naviyam.Ranking;
using Naviyam.Training.Ranking;
using Xunit.Abstractions;

namespace Naviyam.Ranking.Tests;

public class SimulationTests
{
    private static readonly SimulationOptions Tiny = new() { Shops = 400, Users = 40, SessionsPerUser = 10, Seed = 3 };

    [Fact]
    public void The_same_options_give_the_same_sessions()
    {
        var first = BehaviourSimulation.Run(Tiny);
        var second = BehaviourSimulation.Run(Tiny);

        second.Train.Should().Equal(first.Train);
        second.Validation.Should().Equal(first.Validation);
        second.Test.Select(s => (s.SessionId, s.Chosen, s.Candidates.Count)).Should().Equal(first.Test.Select(s => (s.SessionId, s.Chosen, s.Candidates.Count)));
        BehaviourSimulation.Run(Tiny with { Seed = 4 }).Train.Should().NotEqual(first.Train);
    }

    [Fact]
    public void Sessions_split_by_id_and_no_session_is_in_two_splits()
    {
        var result = BehaviourSimulation.Run(Tiny);
        var train = result.Train.Select(e => e.SessionId).ToHashSet();
        var validation = result.Validation.Select(e => e.SessionId).ToHashSet();
        var test = result.Test.Select(s => s.SessionId).ToHashSet();

        train.Should().NotBeEmpty().And.NotIntersectWith(validation).And.NotIntersectWith(test);
        validation.Should().NotBeEmpty().And.NotIntersectWith(test);
        test.Should().NotBeEmpty().And.OnlyContain(id => BehaviourSimulation.SplitOf(id, Tiny) == SessionSplit.Test);
        result.Train.Concat(result.Validation).Should().OnlyContain(e => e.Source == ExampleSource.Simulated);
    }

    [Fact]
    public void Logged_sessions_list_positions_in_order_with_at_most_one_pick()
    {
        var result = BehaviourSimulation.Run(Tiny);
        foreach (var session in result.Train.GroupBy(e => e.SessionId))
        {
            session.Select(e => e.Position).Should().Equal(Enumerable.Range(1, session.Count()));
            session.Count().Should().BeLessThanOrEqualTo(Tiny.ShownPerSession);
            session.Count(e => e.Chosen).Should().BeLessThanOrEqualTo(1);
        }
        result.Statistics.PickRate.Should().BeInRange(0.2, 0.95);
    }

    [Fact]
    public void Candidates_obey_the_hard_rules_retrieval_applies()
    {
        foreach (var session in BehaviourSimulation.Run(Tiny).Test)
        {
            session.Chosen.Should().BeInRange(0, session.Candidates.Count - 1);
            foreach (var candidate in session.Candidates)
            {
                candidate.Shop.NotForChildren.Should().BeFalse();
                candidate.Shop.MealCard.Should().BeOneOf(Naviyam.Shops.MealCardAcceptance.Yes, Naviyam.Shops.MealCardAcceptance.Partial);
                candidate.OpenNow.Should().NotBe(false);
                candidate.Meal!.IsPricedMeal.Should().BeTrue();
                if (session.Situation.BudgetCap is { } cap)
                {
                    candidate.Meal.Price.Should().BeLessThanOrEqualTo(cap);
                }
            }
        }
    }
}

public class TrainingTests(ITestOutputHelper output)
{
    /// <summary>
    /// Half the committed run's children and four epochs: about 15 s. The baselines keep their tuned settings. At this
    /// size Wide&amp;Deep's lead over wide-only is real but within noise; the committed run's is significant (CommittedModelTests).
    /// </summary>
    internal static readonly RankerTrainingOptions Small = new()
    {
        Simulation = new SimulationOptions { Users = 1_000, SessionsPerUser = 30, Seed = 11 },
        WideDeep = new WideDeepOptions { Epochs = 4 },
    };

    [Fact]
    public void Training_twice_with_the_same_seed_gives_identical_onnx_bytes()
    {
        var simulation = BehaviourSimulation.Run(new SimulationOptions { Shops = 400, Users = 40, SessionsPerUser = 10, Seed = 5 });
        var (rows, labels) = RankerTrainingCommand.Featurize(simulation.Train);
        var (validationRows, validationLabels) = RankerTrainingCommand.Featurize(simulation.Validation);
        var options = new WideDeepOptions { Epochs = 2, Seed = 7 };
        byte[] Train(WideDeepOptions o) => WideDeepOnnxExporter.Export(
            WideDeepTrainer.Train(rows, labels, validationRows, validationLabels, o).Model, new WideDeepModelInfo(o.Seed, 1, "{}"));

        var first = Train(options);

        Train(options).Should().Equal(first);
        Train(options with { Seed = 8 }).Should().NotEqual(first);
    }

    [Fact]
    public void Training_lowers_the_validation_loss_below_the_base_rate()
    {
        var simulation = BehaviourSimulation.Run(new SimulationOptions { Shops = 600, Users = 120, SessionsPerUser = 12, Seed = 6 });
        var (rows, labels) = RankerTrainingCommand.Featurize(simulation.Train);
        var (validationRows, validationLabels) = RankerTrainingCommand.Featurize(simulation.Validation);

        var trained = WideDeepTrainer.Train(rows, labels, validationRows, validationLabels, new WideDeepOptions { Epochs = 3 });

        // The base rate's log-loss: what predicting the average pick rate for every row scores.
        var rate = labels.Average();
        var baseRate = -validationLabels.Average(y => y * Math.Log(rate) + (1 - y) * Math.Log(1 - rate));
        trained.Epochs.Min(e => e.Validation).Should().BeLessThan(baseRate * 0.95);
        WideDeepTrainer.MeanLogLoss(trained.Model, validationRows, validationLabels)
            .Should().BeApproximately(trained.Epochs.Single(e => e.Epoch == trained.BestEpoch).Validation, 1e-5, "the best epoch is kept");
    }

    [Fact]
    public void On_held_out_sessions_wide_and_deep_beats_popularity_the_heuristic_and_wide_only()
    {
        var run = RankerTrainingCommand.TrainModel(Small, modelDirectory: null, new TestOutputWriter(output));
        var figures = run.Report.Test.ToDictionary(f => f.Ranker);
        var wideDeep = figures[RankingEvaluation.WideAndDeep];

        run.Report.Data.SimulatedShare.Should().Be(1);
        run.Report.WideDeepAgainst.Select(d => d.Baseline).Should().BeEquivalentTo(
            RankingEvaluation.Popularity, RankingEvaluation.Heuristic, RankingEvaluation.WideOnly);
        foreach (var baseline in run.Report.WideDeepAgainst)
        {
            wideDeep.NdcgAt10.Should().BeGreaterThan(figures[baseline.Baseline].NdcgAt10, baseline.Baseline);
            wideDeep.Auc.Should().BeGreaterThan(figures[baseline.Baseline].Auc, baseline.Baseline);
        }
        run.Report.WideDeepAgainst.Where(d => d.Baseline != RankingEvaluation.WideOnly).Should().OnlyContain(d => d.Significant);
        run.ModelPath.Should().BeNull("no directory was given");
    }

    [Fact]
    public void Logged_examples_join_training_and_the_simulated_share_says_so()
    {
        var tiny = new RankerTrainingOptions
        {
            Simulation = new SimulationOptions { Shops = 400, Users = 40, SessionsPerUser = 10, Seed = 5 },
            WideDeep = new WideDeepOptions { Epochs = 1 },
            WideOnly = new RankerTrainingOptions().WideOnly with { Epochs = 1 },
        };
        var logged = BehaviourSimulation.Run(tiny.Simulation with { Seed = 99 }).Train
            .Select(e => e with { SessionId = "log/" + e.SessionId, Source = ExampleSource.Logged }).ToArray();

        var run = RankerTrainingCommand.TrainModel(tiny, modelDirectory: null, TextWriter.Null, new InMemoryLog(logged));

        run.Report.Data.LoggedExamples.Should().Be(logged.Length);
        run.Report.Data.SimulatedShare.Should().BeApproximately(
            (double)run.Report.Data.SimulatedExamples / (run.Report.Data.SimulatedExamples + logged.Length), 1e-4);
        (run.Report.Data.TrainExamples + run.Report.Data.ValidationExamples).Should().Be(run.Report.Data.SimulatedExamples + logged.Length);
    }

    private sealed class InMemoryLog(IReadOnlyList<RankingExample> examples) : IRankingExampleSource
    {
        public string Description => "in-memory test log";

        public IEnumerable<RankingExample> Read() => examples;
    }
}

/// <summary>Sends a training run's printout to the test's output.</summary>
internal sealed class TestOutputWriter(ITestOutputHelper output) : StringWriter
{
    public override void WriteLine(string? value) => output.WriteLine(value ?? "");
}
