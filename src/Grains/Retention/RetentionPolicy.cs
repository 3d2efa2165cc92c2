namespace Naviyam.Retention;

/// <summary>The spec's retention classes (<c>DATA_RETENTION_POLICY</c>); each has its days in <see cref="RetentionOptions"/>.</summary>
public enum RetentionClass
{
    Conversations,
    Logs,
    Caches,
    Contexts,
}

/// <summary>One table the retention job trims, and the class that decides how long its rows live.</summary>
public sealed record RetentionRule(string Table, RetentionClass Class);

/// <summary>
/// Which tables the job trims. Money and audit tables (<c>product_orders</c>, <c>foodcard_ledger</c>,
/// <c>foodcard_users</c>, <c>user_coupon_wallet</c>, <c>coupons</c>), the users and their profiles and journeys, the
/// catalog, <c>model_training_logs</c> (the models' version history) and Orleans' own tables are never in this list,
/// except the conversation rows of Orleans' grain-state table (<see cref="ConversationSnapshots"/>).
/// How each table's age is read (and which rows a live session still needs) is the store's business.
/// </summary>
public static class RetentionPolicy
{
    /// <summary>
    /// A session's Orleans snapshot (its slots and last replies, in <c>OrleansStorage</c>): a session is a conversation,
    /// so its snapshot lives as long as its turns. It is rewritten on the session's first turn, every few turns and when
    /// its activation leaves, so one older than the cut-off belongs to a session whose last turn is older still.
    /// </summary>
    public const string ConversationSnapshots = "conversation_snapshots";

    public static IReadOnlyList<RetentionRule> Rules { get; } =
    [
        // Contexts first: they number a session's turns by counting its conversations rows (see RetentionOptions).
        new("conversation_contexts", RetentionClass.Contexts),
        new("conversations", RetentionClass.Conversations),
        new("recommendations_log", RetentionClass.Conversations),
        new("recommendation_features", RetentionClass.Conversations),
        new("user_interactions", RetentionClass.Conversations),
        new(ConversationSnapshots, RetentionClass.Conversations),
        new("performance_logs", RetentionClass.Logs),
        new("nlu_training_data", RetentionClass.Logs),
        new("feature_vectors", RetentionClass.Logs),
        new("rag_query_cache", RetentionClass.Caches),
        new("embedding_cache", RetentionClass.Caches),
    ];
}

/// <summary>Deletes one bounded batch of expired rows of one table (MySQL mode's tables).</summary>
public interface IRetentionStore
{
    /// <summary>Deletes at most <paramref name="batchSize"/> rows of <paramref name="table"/> older than <paramref name="cutoff"/>; returns how many.</summary>
    Task<int> DeleteBatchAsync(string table, DateTimeOffset cutoff, int batchSize, CancellationToken cancellationToken = default);
}
