using Naviyam.Chat;

namespace Naviyam.Logging;

/// <summary>Everything one turn leaves behind: the <c>conversations</c>, <c>recommendations_log</c> and <c>performance_logs</c> rows.</summary>
public sealed record TurnRecord(
    string SessionId,
    string UserId,
    string TurnId,
    DateTimeOffset At,
    string Text,
    string NormalizedText,
    ChatReply Reply,
    string NluModelVersion,
    string RankingModelVersion);

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

/// <summary>The embedded default's journal: bounded, in memory, lost on restart like the rest of that mode.</summary>
public sealed class InMemoryTurnJournal : ITurnJournal
{
    private const int MaxTurnsPerSession = 200;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Queue<TurnRecord>> sessions = new(StringComparer.Ordinal);

    public Task CommitAsync(TurnRecord turn, CancellationToken cancellationToken = default)
    {
        var queue = sessions.GetOrAdd(turn.SessionId, _ => new Queue<TurnRecord>());
        lock (queue)
        {
            queue.Enqueue(turn);
            while (queue.Count > MaxTurnsPerSession)
            {
                queue.Dequeue();
            }
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<TurnRecord>> RecentAsync(string sessionId, int max, CancellationToken cancellationToken = default)
    {
        if (!sessions.TryGetValue(sessionId, out var queue))
        {
            return Task.FromResult<IReadOnlyList<TurnRecord>>([]);
        }
        lock (queue)
        {
            return Task.FromResult<IReadOnlyList<TurnRecord>>(queue.TakeLast(max).ToArray());
        }
    }
}
