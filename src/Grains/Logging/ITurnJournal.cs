namespace Naviyam.Logging;

/// <summary>
/// The turn journal. <see cref="CommitAsync"/> returns only when the turn is durable where the storage mode
/// keeps it; a turn is acknowledged to the user only after that.
/// </summary>
public interface ITurnJournal
{
    /// <summary>
    /// Stores <paramref name="turn"/> unless its turn id is already journaled, and returns the record that stands: this
    /// one, or the one an earlier attempt of the same turn stored (a client's retry that reached another activation of
    /// the session while a silo died, say). A caller given another record answers with that record's reply, so a turn
    /// id is answered one way only.
    /// </summary>
    Task<TurnRecord> CommitAsync(TurnRecord turn, CancellationToken cancellationToken = default);

    /// <summary>
    /// The answered turn <paramref name="turnId"/> of a session, however old, or null: how a client's replay of a turn
    /// older than the session's remembered replies is answered once instead of run again.
    /// </summary>
    Task<TurnRecord?> FindAsync(string sessionId, string turnId, CancellationToken cancellationToken = default);

    /// <summary>The most recent turns of a session, oldest first (diagnostics and tests).</summary>
    Task<IReadOnlyList<TurnRecord>> RecentAsync(string sessionId, int max, CancellationToken cancellationToken = default);
}
