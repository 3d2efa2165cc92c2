using System.Text.Json;
using MySqlConnector;

namespace Naviyam.Infrastructure.MySql;

/// <summary>The <c>deployment_status</c> values of <c>model_training_logs</c>.</summary>
public static class TrainingStatus
{
    public const string Training = "training";

    /// <summary>Trained and evaluated, but not written where the product loads models (e.g. it lost to a baseline).</summary>
    public const string Completed = "completed";

    /// <summary>Written where the product loads it (<c>data/models/…</c>).</summary>
    public const string Deployed = "deployed";

    public const string Failed = "failed";
}

/// <summary>What a training run records when it starts.</summary>
public sealed record TrainingRunStart(
    string SessionId,
    string ModelType,
    string ModelName,
    DateTimeOffset StartedAt,
    double? LearningRate,
    int? BatchSize,
    int? Epochs);

/// <summary>What a training run records when it ends. Counts and losses are null when the trainer does not have them.</summary>
public sealed record TrainingRunEnd
{
    public required DateTimeOffset EndedAt { get; init; }
    public required string Status { get; init; }
    public int? EpochsRun { get; init; }
    public long? Steps { get; init; }
    public double? TrainingLoss { get; init; }
    public double? ValidationLoss { get; init; }
    public double? BestValidationLoss { get; init; }
    public int? TrainingSamples { get; init; }
    public int? ValidationSamples { get; init; }
    public IReadOnlyDictionary<string, int>? ClassBalance { get; init; }
    public string? ModelPath { get; init; }
    /// <summary>A JSON object of evaluation figures (the spec's <c>evaluation_metrics</c>).</summary>
    public string? EvaluationMetricsJson { get; init; }
    public double? PeakMemoryGb { get; init; }

    public static TrainingRunEnd Failed(DateTimeOffset at) => new() { EndedAt = at, Status = TrainingStatus.Failed };
}

/// <summary>One <c>model_training_logs</c> row as read back.</summary>
public sealed record TrainingRunRow(
    long Id,
    string SessionId,
    string? ModelType,
    string? ModelName,
    string Status,
    DateTime? StartedAtUtc,
    DateTime? EndedAtUtc,
    decimal? LearningRate,
    int? BatchSize,
    int? Epochs,
    int? TotalSteps,
    decimal? TrainingLoss,
    decimal? BestValidationLoss,
    int? TrainingSamples,
    int? ValidationSamples,
    string? ClassBalanceJson,
    string? ModelPath,
    string? EvaluationMetricsJson,
    DateTime? DeployedAtUtc);

/// <summary>
/// Writes one <c>model_training_logs</c> row per training run (ranker and NLU alike): inserted as <c>training</c> when the
/// run starts, so a crash leaves a visible trace, and completed with its figures when it ends. Times are UTC.
/// </summary>
public sealed class MySqlModelTrainingLog(MySqlDataSource dataSource)
{
    public async Task StartAsync(TrainingRunStart start, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(start);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new MySqlCommand("""
            INSERT INTO model_training_logs (training_session_id, model_type, model_name, training_start_time,
                                             learning_rate, batch_size, epochs, deployment_status)
            VALUES (@session, @type, @name, @start, @rate, @batch, @epochs, 'training')
            """, connection);
        command.Parameters.AddWithValue("@session", start.SessionId);
        command.Parameters.AddWithValue("@type", start.ModelType);
        command.Parameters.AddWithValue("@name", start.ModelName);
        command.Parameters.AddWithValue("@start", start.StartedAt.UtcDateTime);
        command.Parameters.AddWithValue("@rate", start.LearningRate is { } rate ? Math.Round((decimal)rate, 8) : null);
        command.Parameters.AddWithValue("@batch", start.BatchSize);
        command.Parameters.AddWithValue("@epochs", start.Epochs);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task FinishAsync(string sessionId, TrainingRunEnd end, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        ArgumentNullException.ThrowIfNull(end);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new MySqlCommand("""
            UPDATE model_training_logs
               SET training_end_time = @end, deployment_status = @status,
                   current_epoch = @epoch, current_step = @steps, total_steps = @steps,
                   training_loss = @trainLoss, validation_loss = @validationLoss, best_validation_loss = @bestLoss,
                   training_samples_count = @trainSamples, validation_samples_count = @validationSamples,
                   class_balance = @balance, final_model_path = @path, evaluation_metrics = @metrics,
                   deployment_timestamp = IF(@status = 'deployed', @end, NULL),
                   gpu_hours = IF(@status = 'failed', NULL, 0), peak_memory_gb = @memory
             WHERE training_session_id = @session
            """, connection);
        command.Parameters.AddWithValue("@session", sessionId);
        command.Parameters.AddWithValue("@end", end.EndedAt.UtcDateTime);
        command.Parameters.AddWithValue("@status", end.Status);
        command.Parameters.AddWithValue("@epoch", end.EpochsRun);
        command.Parameters.AddWithValue("@steps", end.Steps is { } steps ? (int)Math.Min(steps, int.MaxValue) : null);
        command.Parameters.AddWithValue("@trainLoss", Loss(end.TrainingLoss));
        command.Parameters.AddWithValue("@validationLoss", Loss(end.ValidationLoss));
        command.Parameters.AddWithValue("@bestLoss", Loss(end.BestValidationLoss));
        command.Parameters.AddWithValue("@trainSamples", end.TrainingSamples);
        command.Parameters.AddWithValue("@validationSamples", end.ValidationSamples);
        command.Parameters.AddWithValue("@balance", end.ClassBalance is null ? null : JsonSerializer.Serialize(end.ClassBalance));
        command.Parameters.AddWithValue("@path", end.ModelPath);
        command.Parameters.AddWithValue("@metrics", end.EvaluationMetricsJson);
        command.Parameters.AddWithValue("@memory", end.PeakMemoryGb);
        if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            throw new InvalidOperationException($"No training run '{sessionId}' in model_training_logs to finish.");
        }
    }

    public async Task<TrainingRunRow?> ReadAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new MySqlCommand("""
            SELECT id, training_session_id, model_type, model_name, deployment_status, training_start_time, training_end_time,
                   learning_rate, batch_size, epochs, total_steps, training_loss, best_validation_loss,
                   training_samples_count, validation_samples_count, class_balance, final_model_path, evaluation_metrics,
                   deployment_timestamp
              FROM model_training_logs WHERE training_session_id = @session
            """, connection);
        command.Parameters.AddWithValue("@session", sessionId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        int? Int(int i) => reader.IsDBNull(i) ? null : reader.GetInt32(i);
        decimal? Decimal(int i) => reader.IsDBNull(i) ? null : reader.GetDecimal(i);
        DateTime? Time(int i) => reader.IsDBNull(i) ? null : reader.GetDateTime(i);
        return new TrainingRunRow(
            reader.GetInt64(0), reader.GetString(1), Text(2), Text(3), reader.GetString(4), Time(5), Time(6), Decimal(7), Int(8), Int(9),
            Int(10), Decimal(11), Decimal(12), Int(13), Int(14), Text(15), Text(16), Text(17), Time(18));
    }

    // DECIMAL(10, 6): round to its scale; a loss too large for the column is not a figure worth keeping.
    private static decimal? Loss(double? value) =>
        value is { } v && double.IsFinite(v) && Math.Abs(v) < 9_999 ? Math.Round((decimal)v, 6) : null;
}
