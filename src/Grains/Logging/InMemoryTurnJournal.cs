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
            foreach (var stored in queue)
            {
                if (stored.TurnId == turn.TurnId)
                {
                    return Task.FromResult(stored);
                }
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
            return Task.FromResult(queue.FirstOrDefault(turn => turn.TurnId == turnId));
        }
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
