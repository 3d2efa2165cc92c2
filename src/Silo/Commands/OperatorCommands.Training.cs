using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using MySqlConnector;
using Naviyam.Infrastructure.MySql;
using Naviyam.Training;
using Naviyam.Training.Ranking;

namespace Naviyam.Silo.Commands;

/// <summary>The ranker's verbs, and the <c>model_training_logs</c> row every training verb writes in MySQL mode.</summary>
public static partial class OperatorCommands
{
    private static int TrainRanker(string[] args)
    {
        var (options, configuration) = Split(args, "--out", "--shops", "--users", "--sessions", "--epochs", "--seed", "--logs", "--logs-days");
        var output = options.GetValueOrDefault("--out") ?? Path.Combine(RepositoryData(), "models", "ranker");
        var defaults = new RankerTrainingOptions();
        var training = defaults with
        {
            Simulation = defaults.Simulation with
            {
                Shops = Int(options, "--shops", defaults.Simulation.Shops, 50, 100_000),
                Users = Int(options, "--users", defaults.Simulation.Users, 10, 100_000),
                SessionsPerUser = Int(options, "--sessions", defaults.Simulation.SessionsPerUser, 2, 1_000),
                Seed = Int(options, "--seed", defaults.Simulation.Seed, int.MinValue, int.MaxValue),
            },
            WideDeep = defaults.WideDeep with { Epochs = Int(options, "--epochs", defaults.WideDeep.Epochs, 1, 200) },
            WideOnly = defaults.WideOnly with { Epochs = Int(options, "--epochs", defaults.WideOnly.Epochs, 1, 200) },
        };
        var start = new TrainingRunStart(RunId("ranker"), "wide_deep", "naviyam-wide-deep-ranker", DateTimeOffset.UtcNow,
            training.WideDeep.LearningRate, training.WideDeep.BatchSize, training.WideDeep.Epochs);
        var logs = options.GetValueOrDefault("--logs") is { } connectionString
            ? ReadLogs(connectionString, Int(options, "--logs-days", 90, 1, 3_650))
            : null;
        var run = RecordTraining(configuration, start, () => RankerTrainingCommand.TrainModel(training, output, Console.Out, logs), RankerRunEnd);
        return run.Report.Shipped ? 0 : 1;
    }

    /// <summary>
    /// The behaviour log of the last <paramref name="days"/> days in the MySQL database at <paramref name="connectionString"/>,
    /// read once (impressions with their labels), to train beside the simulation.
    /// </summary>
    private static LoggedExamples ReadLogs(string connectionString, int days)
    {
        MySqlConnectionStringBuilder builder;
        try
        {
            builder = new MySqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            throw new UsageException($"--logs is not a MySQL connection string: {ex.Message}");
        }
        var since = DateTimeOffset.UtcNow.AddDays(-days);
        var impressions = new List<Naviyam.Learning.LoggedImpression>();
        using var dataSource = new MySqlDataSource(builder.ConnectionString);
        var reader = new MySqlImpressionReader(dataSource).ReadAsync(since).GetAsyncEnumerator();
        try
        {
            while (reader.MoveNextAsync().AsTask().GetAwaiter().GetResult())
            {
                impressions.Add(reader.Current);
            }
        }
        finally
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        Console.WriteLine($"Read {impressions.Count:N0} logged impressions ({impressions.Count(i => i.Label > 0):N0} taken) of the last {days} days from {builder.Server}/{builder.Database}.");
        return new LoggedExamples(impressions, $"recommendation_features + user_interactions of the last {days} days in {builder.Database}");
    }

    /// <summary>For whoever retunes the ranker: the winners go into the defaults of <see cref="RankerTrainingOptions"/> (docs/ranking.md).</summary>
    private static int TuneRanker()
    {
        var best = RankerTrainingCommand.Tune(new RankerTrainingOptions(), Console.Out);
        Console.WriteLine(JsonSerializer.Serialize(best, NluTrainingCommand.JsonOptions));
        return 0;
    }

    private static int EvaluateRanker(string[] args)
    {
        var (options, _) = Split(args, "--model");
        var model = options.GetValueOrDefault("--model") ?? Path.Combine(RepositoryData(), "models", "ranker");
        RankerTrainingCommand.EvaluateModel(model, Console.Out);
        return 0;
    }

    /// <summary>
    /// Runs <paramref name="train"/>; in MySQL mode first inserts its <c>model_training_logs</c> row ('training'), then
    /// completes it from the result, or marks it 'failed' when training throws. The embedded mode keeps no database.
    /// </summary>
    private static T RecordTraining<T>(IConfiguration configuration, TrainingRunStart start, Func<T> train, Func<T, TrainingRunEnd> end)
    {
        if (Storage(configuration) is not { IsMySql: true } storage)
        {
            return train();
        }
        var log = new MySqlModelTrainingLog(new MySqlDataSource(storage.RequireConnectionString(configuration)));
        log.StartAsync(start).GetAwaiter().GetResult();
        T result;
        try
        {
            result = train();
        }
        catch (Exception ex) when (ex is not MySqlException)
        {
            log.FinishAsync(start.SessionId, TrainingRunEnd.Failed(DateTimeOffset.UtcNow)).GetAwaiter().GetResult();
            throw;
        }
        log.FinishAsync(start.SessionId, end(result)).GetAwaiter().GetResult();
        Console.WriteLine($"Recorded training run {start.SessionId} in model_training_logs.");
        return result;
    }

    private static string RunId(string model) => $"{model}-{DateTimeOffset.UtcNow:yyyyMMddTHHmmss}-{Guid.NewGuid().ToString("N")[..8]}";

    private static TrainingRunEnd RankerRunEnd(RankerTrainingRun run)
    {
        var report = run.Report;
        var best = report.WideDeepEpochs.Single(e => e.Epoch == report.WideDeepBestEpoch);
        var picks = report.Data.TrainPicks;
        return new TrainingRunEnd
        {
            EndedAt = DateTimeOffset.UtcNow,
            Status = run.ModelPath is null ? TrainingStatus.Completed : TrainingStatus.Deployed,
            EpochsRun = report.WideDeepEpochs.Count,
            Steps = run.Steps,
            TrainingLoss = best.Train,
            ValidationLoss = report.WideDeepEpochs[^1].Validation,
            BestValidationLoss = best.Validation,
            TrainingSamples = report.Data.TrainExamples,
            ValidationSamples = report.Data.ValidationExamples,
            ClassBalance = new Dictionary<string, int> { ["picked"] = picks, ["not_picked"] = report.Data.TrainExamples - picks },
            ModelPath = run.ModelPath,
            EvaluationMetricsJson = JsonSerializer.Serialize(new
            {
                model_version = report.ModelVersion,
                shipped = report.Shipped,
                logged_examples = report.Data.LoggedExamples,
                simulated_examples = report.Data.SimulatedExamples,
                simulated_share = report.Data.SimulatedShare,
                test_sessions = report.Data.TestSessions,
                test = report.Test,
                wide_deep_against = report.WideDeepAgainst,
            }),
            PeakMemoryGb = PeakMemoryGb(),
        };
    }

    private static TrainingRunStart NluRunStart()
    {
        var options = new FastTextOptions();
        // Plain SGD, one example per update.
        return new TrainingRunStart(RunId("nlu"), "intent_classifier", "naviyam-intent-fasttext", DateTimeOffset.UtcNow, options.LearningRate, 1, options.Epochs);
    }

    private static TrainingRunEnd NluRunEnd(NluTrainingReport report, string data, string output)
    {
        var train = NluDataset.LoadSplit(data, NluDataset.Train);
        return new TrainingRunEnd
        {
            EndedAt = DateTimeOffset.UtcNow,
            Status = TrainingStatus.Deployed,
            EpochsRun = report.HyperParameters.Epochs,
            Steps = (long)report.HyperParameters.Epochs * train.Count,
            ValidationLoss = report.DevNllCalibrated,
            BestValidationLoss = report.DevNllCalibrated,
            TrainingSamples = train.Count,
            ValidationSamples = report.Examples[NluDataset.Dev],
            ClassBalance = train.GroupBy(e => e.Intent).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            ModelPath = Path.GetFullPath(Path.Combine(output, NluTrainingCommand.ModelFileName)),
            EvaluationMetricsJson = JsonSerializer.Serialize(new
            {
                model_version = report.ModelVersion,
                dev_accuracy = report.Dev.Accuracy,
                dev_macro_f1 = report.Dev.MacroF1,
                test_accuracy = report.Test.Accuracy,
                test_macro_f1 = report.Test.MacroF1,
            }),
            PeakMemoryGb = PeakMemoryGb(),
        };
    }

    private static double PeakMemoryGb()
    {
        using var process = Process.GetCurrentProcess();
        return Math.Round(process.PeakWorkingSet64 / (double)(1L << 30), 3);
    }
}
