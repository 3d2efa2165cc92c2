namespace Naviyam.Logging;

/// <summary>
/// The turn journal. <see cref="CommitAsync"/> returns only when the turn is durable where the storage mode
/// keeps it; a turn is acknowledged to the user only after that.
/// </summary>
public interface ITurnJournal
{
    Task CommitAsync(TurnRecord turn, CancellationToken cancellationToken = default);

    /// <summary>
    /// The answered turn <paramref name="turnId"/> of a session, however old, or null: how a client's replay of a turn
    /// older than the session's remembered replies is answered once instead of run again.
    /// </summary>
    Task<TurnRecord?> FindAsync(string sessionId, string turnId, CancellationToken cancellationToken = default);

    /// <summary>The most recent turns of a session, oldest first (diagnostics and tests).</summary>
    Task<IReadOnlyList<TurnRecord>> RecentAsync(string sessionId, int max, CancellationToken cancellationToken = default);
}
