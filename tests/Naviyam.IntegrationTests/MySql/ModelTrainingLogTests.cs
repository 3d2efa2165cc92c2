using System.Diagnostics;
using System.Text.Json;
using MySqlConnector;
using Naviyam.Infrastructure.MySql;
using Naviyam.IntegrationTests.Infrastructure;

namespace Naviyam.IntegrationTests.MySql;

/// <summary><c>model_training_logs</c> in MySQL mode: the store, and the real silo executable's training verbs writing it.</summary>
public sealed class ModelTrainingLogTests : IDisposable
{
    private readonly string work = Directory.CreateTempSubdirectory("naviyam-training-log-").FullName;

    public void Dispose() => Directory.Delete(work, recursive: true);

    [Fact]
    public async Task A_run_is_inserted_as_training_and_completed_with_its_figures()
    {
        await using var database = await TestDatabase.CreateAsync();
        var log = new MySqlModelTrainingLog(new MySqlDataSource(database.ConnectionString));
        var started = new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

        await log.StartAsync(new TrainingRunStart("ranker-test-1", "wide_deep", "naviyam-wide-deep-ranker", started, 0.003, 256, 8));
        var running = await log.ReadAsync("ranker-test-1");

        running!.Status.Should().Be(TrainingStatus.Training);
        running.StartedAtUtc.Should().Be(started.UtcDateTime);
        running.EndedAtUtc.Should().BeNull();

        await log.FinishAsync("ranker-test-1", new TrainingRunEnd
        {
            EndedAt = started.AddMinutes(2),
            Status = TrainingStatus.Deployed,
            EpochsRun = 8,
            Steps = 13_488,
            TrainingLoss = 0.1923456789,
            ValidationLoss = 0.2,
            BestValidationLoss = 0.1995,
            TrainingSamples = 431_501,
            ValidationSamples = 53_499,
            ClassBalance = new Dictionary<string, int> { ["picked"] = 28_706, ["not_picked"] = 402_795 },
            ModelPath = "/data/models/ranker/wide-deep.onnx",
            EvaluationMetricsJson = """{"ndcg_at_10": 0.51}""",
            PeakMemoryGb = 0.5,
        });
        var row = await log.ReadAsync("ranker-test-1");

        row!.Status.Should().Be(TrainingStatus.Deployed);
        row.EndedAtUtc.Should().Be(started.AddMinutes(2).UtcDateTime);
        row.DeployedAtUtc.Should().Be(row.EndedAtUtc);
        row.LearningRate.Should().Be(0.003m);
        row.BatchSize.Should().Be(256);
        row.TotalSteps.Should().Be(13_488);
        row.TrainingLoss.Should().Be(0.192346m);
        row.BestValidationLoss.Should().Be(0.1995m);
        row.TrainingSamples.Should().Be(431_501);
        JsonDocument.Parse(row.ClassBalanceJson!).RootElement.GetProperty("picked").GetInt32().Should().Be(28_706);
        JsonDocument.Parse(row.EvaluationMetricsJson!).RootElement.GetProperty("ndcg_at_10").GetDouble().Should().Be(0.51);
        (await log.ReadAsync("no-such-run")).Should().BeNull();
        await log.Invoking(l => l.FinishAsync("no-such-run", TrainingRunEnd.Failed(started))).Should().ThrowAsync<InvalidOperationException>();
    }

    [Fact]
    public async Task Train_ranker_records_its_run()
    {
        await using var database = await TestDatabase.CreateAsync();
        var output = Path.Combine(work, "ranker");

        var (exitCode, printed) = await RunSiloAsync(database,
            "train-ranker", "--out", output, "--shops", "300", "--users", "40", "--sessions", "6", "--epochs", "1");

        exitCode.Should().BeOneOf([0, 1], printed);
        var row = await SingleRunAsync(database, "wide_deep");
        row.Status.Should().Be(exitCode == 0 ? TrainingStatus.Deployed : TrainingStatus.Completed, printed);
        row.ModelPath.Should().Be(exitCode == 0 ? Path.Combine(output, "wide-deep.onnx") : null);
        File.Exists(Path.Combine(output, "wide-deep.onnx")).Should().Be(exitCode == 0);
        row.Epochs.Should().Be(1);
        row.TrainingSamples.Should().BePositive();
        row.EndedAtUtc.Should().BeOnOrAfter(row.StartedAtUtc!.Value);
        using var metrics = JsonDocument.Parse(row.EvaluationMetricsJson!);
        metrics.RootElement.GetProperty("simulated_share").GetDouble().Should().Be(1);
        metrics.RootElement.GetProperty("test").GetArrayLength().Should().Be(5, "popularity, heuristic, wide-only, wide&deep and the oracle");
        printed.Should().Contain("Recorded training run ranker-");
    }

    [Fact]
    public async Task Train_nlu_records_its_run()
    {
        await using var database = await TestDatabase.CreateAsync();
        var data = SmallNluData();
        var output = Path.Combine(work, "nlu-model");

        var (exitCode, printed) = await RunSiloAsync(database, "train-nlu", "--data", data, "--out", output);

        exitCode.Should().Be(0, printed);
        var row = await SingleRunAsync(database, "intent_classifier");
        row.Status.Should().Be(TrainingStatus.Deployed);
        row.TrainingSamples.Should().Be(300);
        row.ValidationSamples.Should().Be(60);
        row.ModelPath.Should().Be(Path.Combine(output, "intent.onnx"));
        File.Exists(row.ModelPath).Should().BeTrue();
        JsonDocument.Parse(row.ClassBalanceJson!).RootElement.EnumerateObject().Sum(p => p.Value.GetInt32()).Should().Be(300);
        JsonDocument.Parse(row.EvaluationMetricsJson!).RootElement.GetProperty("test_accuracy").GetDouble().Should().BeInRange(0, 1);
    }

    /// <summary>The repository's lexicons with the first lines of each NLU split: a training run of a few seconds.</summary>
    private string SmallNluData()
    {
        var source = Path.Combine(SharedData.RepositoryRoot, "data");
        var data = Path.Combine(work, "data");
        Directory.CreateDirectory(Path.Combine(data, "lexicons"));
        Directory.CreateDirectory(Path.Combine(data, "nlu"));
        foreach (var file in Directory.GetFiles(Path.Combine(source, "lexicons")))
        {
            File.Copy(file, Path.Combine(data, "lexicons", Path.GetFileName(file)));
        }
        foreach (var (split, lines) in new[] { ("train", 300), ("dev", 60), ("test", 60) })
        {
            File.WriteAllLines(Path.Combine(data, "nlu", split + ".jsonl"),
                File.ReadLines(Path.Combine(source, "nlu", split + ".jsonl")).Where(l => l.Length > 0).Take(lines));
        }
        return data;
    }

    private static async Task<TrainingRunRow> SingleRunAsync(TestDatabase database, string modelType)
    {
        (await database.CountAsync("SELECT COUNT(*) FROM model_training_logs WHERE model_type = @type", ("@type", modelType))).Should().Be(1);
        await using var connection = new MySqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand("SELECT training_session_id FROM model_training_logs WHERE model_type = @type", connection);
        command.Parameters.AddWithValue("@type", modelType);
        var sessionId = (string)(await command.ExecuteScalarAsync())!;
        return (await new MySqlModelTrainingLog(new MySqlDataSource(database.ConnectionString)).ReadAsync(sessionId))!;
    }

    internal static async Task<(int ExitCode, string Output)> RunSiloAsync(TestDatabase database, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(SiloProcess.SiloAssembly());
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.ArgumentList.Add("--Naviyam:Storage:Mode=MySql");
        start.ArgumentList.Add($"--ConnectionStrings:Naviyam={database.ConnectionString}");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
