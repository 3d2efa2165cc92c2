namespace Naviyam.Logging;

/// <summary>
/// The turn journal. <see cref="CommitAsync"/> returns only when the turn is durable where the storage mode
/// keeps it; a turn is acknowledged to the user only after that.
/// </summary>
public interface ITurnJournal
{
    Task CommitAsync(TurnRecord turn, CancellationToken cancellationToken = default);

    /// <summary>The most recent turns of a session, oldest first (diagnostics and tests).</summary>
    Task<IReadOnlyList<TurnRecord>> RecentAsync(string sessionId, int max, CancellationToken cancellationToken = default);
}
