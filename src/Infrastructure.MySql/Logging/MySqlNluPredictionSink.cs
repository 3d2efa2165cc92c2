using System.Globalization;
using System.Text;
using System.Text.Json;
using MySqlConnector;
using Naviyam.Logging;

namespace Naviyam.Infrastructure.MySql;

/// <summary>Writes a batch of predictions into <c>nlu_training_data</c> with one multi-row insert.</summary>
public sealed class MySqlNluPredictionSink(MySqlDataSource dataSource) : INluPredictionSink
{
    public async Task WriteAsync(IReadOnlyList<NluPrediction> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }
        var sql = new StringBuilder("""
            INSERT INTO nlu_training_data (input_text, normalized_text, predicted_intent, intent_confidence, extracted_entities,
                                           data_source, model_version, created_at) VALUES
            """);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new MySqlCommand { Connection = connection };
        for (var i = 0; i < batch.Count; i++)
        {
            var p = batch[i];
            sql.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture, $"(@t{i}, @n{i}, @i{i}, @c{i}, @e{i}, 'chat', @v{i}, @a{i})");
            command.Parameters.AddWithValue($"@t{i}", p.Text.Length > 4_000 ? p.Text[..4_000] : p.Text);
            command.Parameters.AddWithValue($"@n{i}", p.NormalizedText);
            command.Parameters.AddWithValue($"@i{i}", p.Result.Intent);
            command.Parameters.AddWithValue($"@c{i}", Math.Round((decimal)Math.Clamp(p.Result.Confidence, 0, 1), 3));
            command.Parameters.AddWithValue($"@e{i}", JsonSerializer.Serialize(p.Result.Entities, MySqlTurnJournal.Json));
            command.Parameters.AddWithValue($"@v{i}", p.ModelVersion.Length > 20 ? p.ModelVersion[..20] : p.ModelVersion);
            command.Parameters.AddWithValue($"@a{i}", p.At.UtcDateTime);
        }
        command.CommandText = sql.ToString();
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
