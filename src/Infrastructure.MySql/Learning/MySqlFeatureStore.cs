using System.Globalization;
using System.Text;
using System.Text.Json;
using MySqlConnector;
using Naviyam.Learning;

namespace Naviyam.Infrastructure.MySql;

/// <summary>
/// <c>feature_vectors</c>: one row per (entity type, entity id, feature version), updated in place by each refresh
/// batch with one multi-row upsert. Dense numbers in <c>feature_vector_dense</c>, distributions in
/// <c>feature_vector_sparse</c>, <c>feature_extraction_method</c> <c>rule_based</c> (counted, not learned).
/// </summary>
public sealed class MySqlFeatureStore(MySqlDataSource dataSource) : IFeatureStore
{
    public async Task UpsertAsync(IReadOnlyList<FeatureVector> batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0)
        {
            return;
        }
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var rows = new StringBuilder();
        command.Parameters.AddWithValue("@version", FeatureVector.Version);
        for (var i = 0; i < batch.Count; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            rows.Append(i == 0 ? "" : ",\n").Append(CultureInfo.InvariantCulture,
                $"(@type{n}, @id{n}, @dense{n}, @sparse{n}, 'rule_based', @version)");
            command.Parameters.AddWithValue("@type" + n, batch[i].EntityType);
            command.Parameters.AddWithValue("@id" + n, batch[i].EntityId);
            command.Parameters.AddWithValue("@dense" + n, JsonSerializer.Serialize(batch[i].Dense, MySqlTurnJournal.Json));
            command.Parameters.AddWithValue("@sparse" + n, JsonSerializer.Serialize(batch[i].Sparse, MySqlTurnJournal.Json));
        }
        command.CommandText = $"""
            INSERT INTO feature_vectors (entity_type, entity_id, feature_vector_dense, feature_vector_sparse, feature_extraction_method, feature_version)
            VALUES {rows}
            ON DUPLICATE KEY UPDATE feature_vector_dense = VALUES(feature_vector_dense), feature_vector_sparse = VALUES(feature_vector_sparse),
                updated_at = CURRENT_TIMESTAMP(6)
            """;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<FeatureVector>> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new MySqlCommand("""
            SELECT entity_type, entity_id, feature_vector_dense, feature_vector_sparse
            FROM feature_vectors WHERE feature_version = @version AND entity_type IN ('user', 'shop')
            """, connection);
        command.Parameters.AddWithValue("@version", FeatureVector.Version);
        var vectors = new List<FeatureVector>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var dense = reader.IsDBNull(2) ? null : JsonSerializer.Deserialize<Dictionary<string, double>>(reader.GetString(2), MySqlTurnJournal.Json);
            var sparse = reader.IsDBNull(3) ? null : JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, double>>>(reader.GetString(3), MySqlTurnJournal.Json);
            vectors.Add(new FeatureVector(reader.GetString(0), reader.GetString(1), dense ?? new Dictionary<string, double>(),
                sparse?.ToDictionary(p => p.Key, p => (IReadOnlyDictionary<string, double>)p.Value) ?? new Dictionary<string, IReadOnlyDictionary<string, double>>()));
        }
        return vectors;
    }
}
