using System.Globalization;
using System.Text;
using System.Text.Json;
using MySqlConnector;
using Naviyam.Embeddings;

namespace Naviyam.Infrastructure.MySql.Embeddings;

/// <summary>
/// The embedding cache's L3 level in <c>embedding_cache</c>: one row per (content hash, model), the vector as a JSON array.
/// A lookup marks the rows it found accessed; a save keeps a row that exists (the same content embeds to the same vector).
/// </summary>
public sealed class MySqlEmbeddingStore(MySqlDataSource dataSource) : IEmbeddingStore
{
    public async Task<IReadOnlyDictionary<string, float[]>> FindAsync(
        string model, IReadOnlyCollection<string> contentHashes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(contentHashes);
        var found = new Dictionary<string, float[]>(StringComparer.Ordinal);
        if (contentHashes.Count == 0)
        {
            return found;
        }
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new MySqlCommand { Connection = connection };
        command.Parameters.AddWithValue("@model", model);
        var names = contentHashes.Select((hash, i) =>
        {
            command.Parameters.AddWithValue($"@h{i}", hash);
            return $"@h{i}";
        }).ToArray();
        var where = $"embedding_model = @model AND is_valid AND content_hash IN ({string.Join(",", names)})";
        command.CommandText = $"SELECT content_hash, embedding_vector FROM embedding_cache WHERE {where}";
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                found[reader.GetString(0)] = JsonSerializer.Deserialize<float[]>(reader.GetString(1))
                    ?? throw new InvalidDataException($"embedding_cache row {reader.GetString(0)} has no vector");
            }
        }
        if (found.Count > 0)
        {
            command.CommandText = $"UPDATE embedding_cache SET access_count = access_count + 1, last_accessed = CURRENT_TIMESTAMP(6) WHERE {where}";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        return found;
    }

    public async Task SaveAsync(string model, IReadOnlyList<StoredEmbedding> embeddings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(embeddings);
        if (embeddings.Count == 0)
        {
            return;
        }
        var sql = new StringBuilder("""
            INSERT INTO embedding_cache (content_hash, content_type, original_content, embedding_vector, embedding_model,
                                         embedding_dimension, computation_time_ms, vector_norm) VALUES
            """);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new MySqlCommand { Connection = connection };
        command.Parameters.AddWithValue("@model", model);
        for (var i = 0; i < embeddings.Count; i++)
        {
            var e = embeddings[i];
            sql.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture, $"(@h{i}, @t{i}, @c{i}, @v{i}, @model, @d{i}, @ms{i}, @n{i})");
            command.Parameters.AddWithValue($"@h{i}", e.ContentHash);
            command.Parameters.AddWithValue($"@t{i}", e.ContentType);
            command.Parameters.AddWithValue($"@c{i}", e.Content);
            command.Parameters.AddWithValue($"@v{i}", JsonSerializer.Serialize(e.Vector));
            command.Parameters.AddWithValue($"@d{i}", e.Vector.Length);
            command.Parameters.AddWithValue($"@ms{i}", (object?)e.ComputationMilliseconds ?? DBNull.Value);
            command.Parameters.AddWithValue($"@n{i}", MathF.Sqrt(e.Vector.Sum(x => x * x)));
        }
        sql.Append(" ON DUPLICATE KEY UPDATE last_accessed = CURRENT_TIMESTAMP(6)");
        command.CommandText = sql.ToString();
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
