namespace Naviyam.Logging;

/// <summary>
/// The embedded default's journal: in memory, lost on restart like the rest of that mode, and bounded to the last
/// <see cref="MaxTurnsPerSession"/> turns of a session (the limit of how old a replayed turn id it can still recognise).
/// </summary>
public sealed class InMemoryTurnJournal : ITurnJournal
{
    public const int MaxTurnsPerSession = 200;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Queue<TurnRecord>> sessions = new(StringComparer.Ordinal);

    public Task<TurnRecord> CommitAsync(TurnRecord turn, CancellationToken cancellationToken = default)
    {
        var queue = sessions.GetOrAdd(turn.SessionId, _ => new Queue<TurnRecord>());
        lock (queue)
        {
            if (Find(queue, turn.TurnId) is { } stored)
            {
                return Task.FromResult(stored);
            }
            queue.Enqueue(turn);
            while (queue.Count > MaxTurnsPerSession)
            {
                queue.Dequeue();
            }
        }
        return Task.FromResult(turn);
    }

    public Task<TurnRecord?> FindAsync(string sessionId, string turnId, CancellationToken cancellationToken = default)
    {
        if (!sessions.TryGetValue(sessionId, out var queue))
        {
            return Task.FromResult<TurnRecord?>(null);
        }
        lock (queue)
        {
            return Task.FromResult(Find(queue, turnId));
        }
    }

    /// <summary>The session's record of <paramref name="turnId"/>, or null; the caller holds the queue's lock.</summary>
    private static TurnRecord? Find(Queue<TurnRecord> queue, string turnId)
    {
        foreach (var stored in queue)
        {
            if (stored.TurnId == turnId)
            {
                return stored;
            }
        }
        return null;
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
