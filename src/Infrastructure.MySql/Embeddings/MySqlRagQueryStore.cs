using System.Text.Json;
using System.Text.Json.Serialization;
using MySqlConnector;
using Naviyam.Embeddings;

namespace Naviyam.Infrastructure.MySql.Embeddings;

/// <summary>
/// The query cache's L3 level in <c>rag_query_cache</c>: one row per query hash (normalized query + filters). The ranked
/// documents and the filters go to <c>retrieved_documents</c>, the vector hits to <c>vector_search_results</c> and each
/// shop's cosine to <c>semantic_similarity_scores</c>; a row is fresh until its generated <c>expires_at</c>.
/// </summary>
public sealed class MySqlRagQueryStore(MySqlDataSource dataSource) : IRagQueryStore
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public async Task<CachedRetrieval?> FindAsync(string queryHash, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queryHash);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new MySqlCommand("""
            SELECT retrieved_documents, search_time_ms, total_documents_searched FROM rag_query_cache
            WHERE query_hash = @hash AND expires_at > @now
            """, connection);
        command.Parameters.AddWithValue("@hash", queryHash);
        command.Parameters.AddWithValue("@now", now.UtcDateTime);
        CachedRetrieval? found = null;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                var stored = JsonSerializer.Deserialize<StoredDocuments>(reader.GetString(0), Json)
                    ?? throw new InvalidDataException($"rag_query_cache row {queryHash} has no documents");
                found = new CachedRetrieval(stored.Documents, reader.IsDBNull(1) ? 0 : reader.GetInt32(1), reader.IsDBNull(2) ? 0 : reader.GetInt32(2));
            }
        }
        if (found is not null)
        {
            command.CommandText = """
                UPDATE rag_query_cache SET cache_hit_count = cache_hit_count + 1, access_count = access_count + 1, last_accessed = @now
                WHERE query_hash = @hash
                """;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        return found;
    }

    public async Task SaveAsync(string queryHash, string originalQuery, string normalizedQuery, string filters, CachedRetrieval result,
        DateTimeOffset now, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new MySqlCommand("""
            INSERT INTO rag_query_cache (query_hash, original_query, normalized_query, retrieved_documents, vector_search_results,
                                         semantic_similarity_scores, search_time_ms, total_documents_searched, created_at, last_accessed, ttl_seconds)
            VALUES (@hash, @original, @normalized, @documents, @vectors, @similarities, @ms, @searched, @now, @now, @ttl)
            ON DUPLICATE KEY UPDATE original_query = VALUES(original_query), normalized_query = VALUES(normalized_query),
                retrieved_documents = VALUES(retrieved_documents), vector_search_results = VALUES(vector_search_results),
                semantic_similarity_scores = VALUES(semantic_similarity_scores), search_time_ms = VALUES(search_time_ms),
                total_documents_searched = VALUES(total_documents_searched), created_at = VALUES(created_at),
                last_accessed = VALUES(last_accessed), ttl_seconds = VALUES(ttl_seconds), access_count = access_count + 1
            """, connection);
        command.Parameters.AddWithValue("@hash", queryHash);
        command.Parameters.AddWithValue("@original", originalQuery);
        command.Parameters.AddWithValue("@normalized", normalizedQuery);
        command.Parameters.AddWithValue("@documents", JsonSerializer.Serialize(new StoredDocuments(filters, result.Documents), Json));
        command.Parameters.AddWithValue("@vectors", JsonSerializer.Serialize(
            result.Documents.Select(d => new { d.ShopId, d.MenuName, d.Similarity }), Json));
        command.Parameters.AddWithValue("@similarities", JsonSerializer.Serialize(
            result.Documents.GroupBy(d => d.ShopId).ToDictionary(g => g.Key, g => g.Max(d => d.Similarity)), Json));
        command.Parameters.AddWithValue("@ms", result.SearchMilliseconds);
        command.Parameters.AddWithValue("@searched", result.DocumentsSearched);
        command.Parameters.AddWithValue("@now", now.UtcDateTime);
        command.Parameters.AddWithValue("@ttl", (int)Math.Ceiling(ttl.TotalSeconds));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private sealed record StoredDocuments(string Filters, IReadOnlyList<RetrievedDocument> Documents);
}
