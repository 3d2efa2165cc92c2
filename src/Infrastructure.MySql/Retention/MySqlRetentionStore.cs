using System.Collections.Frozen;
using Microsoft.Extensions.DependencyInjection;
using MySqlConnector;
using Naviyam.Retention;

namespace Naviyam.Infrastructure.MySql.Retention;

/// <summary>
/// One bounded <c>DELETE … ORDER BY &lt;time&gt; LIMIT n</c> per call, on an index of the time column (V017 adds the ones
/// the spec's schema lacked), so each statement locks at most n rows and the index range in front of them. Each
/// statement commits on its own (autocommit).
/// </summary>
public sealed class MySqlRetentionStore(MySqlDataSource dataSource) : IRetentionStore
{
    /// <summary>The statement per table: which column tells a row's age, and which rows must stay.</summary>
    private static readonly FrozenDictionary<string, string> Deletes = new Dictionary<string, string>
    {
        // A session's turns go together, once its newest turn has expired: a session still in use is rebuilt from its
        // last turns and answers replays of its turn ids from them, so none of its rows is deleted.
        ["conversations"] = """
            DELETE FROM conversations
            WHERE created_at < @cutoff
              AND NOT EXISTS (SELECT 1 FROM conversations AS newer
                              WHERE newer.session_id = conversations.session_id AND newer.created_at >= @cutoff)
            ORDER BY created_at LIMIT @batch
            """,
        ["conversation_contexts"] = "DELETE FROM conversation_contexts WHERE created_at < @cutoff ORDER BY created_at LIMIT @batch",
        ["recommendations_log"] = "DELETE FROM recommendations_log WHERE created_at < @cutoff ORDER BY created_at LIMIT @batch",
        ["recommendation_features"] = "DELETE FROM recommendation_features WHERE created_at < @cutoff ORDER BY created_at LIMIT @batch",
        ["user_interactions"] = "DELETE FROM user_interactions WHERE created_at < @cutoff ORDER BY created_at LIMIT @batch",
        // The conversation grains' rows of Orleans' grain-state table (the grain's state name is its GrainTypeString);
        // V018 indexes them by age. Every other grain's state (profiles, cards, wallets) stays.
        [RetentionPolicy.ConversationSnapshots] = """
            DELETE FROM OrleansStorage WHERE GrainTypeString = 'conversation' AND ModifiedOn < @cutoff
            ORDER BY ModifiedOn LIMIT @batch
            """,
        ["performance_logs"] = "DELETE FROM performance_logs WHERE created_at < @cutoff ORDER BY created_at LIMIT @batch",
        ["nlu_training_data"] = "DELETE FROM nlu_training_data WHERE created_at < @cutoff ORDER BY created_at LIMIT @batch",
        // Rewritten by every feature refresh: a row not refreshed for the whole period describes an entity with no
        // behaviour left in the window.
        ["feature_vectors"] = "DELETE FROM feature_vectors WHERE updated_at < @cutoff ORDER BY updated_at LIMIT @batch",
        // Caches by last use, so an entry still being hit stays (an expired query entry is never served anyway).
        ["rag_query_cache"] = "DELETE FROM rag_query_cache WHERE last_accessed < @cutoff ORDER BY last_accessed LIMIT @batch",
        ["embedding_cache"] = "DELETE FROM embedding_cache WHERE last_accessed < @cutoff ORDER BY last_accessed LIMIT @batch",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The tables this store can trim (every rule of <see cref="RetentionPolicy"/>).</summary>
    public static IReadOnlyCollection<string> Tables => Deletes.Keys;

    public async Task<int> DeleteBatchAsync(string table, DateTimeOffset cutoff, int batchSize, CancellationToken cancellationToken = default)
    {
        if (!Deletes.TryGetValue(table, out var sql))
        {
            throw new ArgumentOutOfRangeException(nameof(table), table, "Retention has no statement for this table.");
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new MySqlCommand(sql, connection);
        command.Parameters.AddWithValue("@cutoff", cutoff.UtcDateTime);
        command.Parameters.AddWithValue("@batch", batchSize);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

public static class MySqlRetentionExtensions
{
    /// <summary>MySQL mode's retention store: the job deletes from the spec's tables.</summary>
    public static IServiceCollection AddNaviyamMySqlRetention(this IServiceCollection services)
    {
        services.AddSingleton<IRetentionStore, MySqlRetentionStore>();
        return services;
    }
}
