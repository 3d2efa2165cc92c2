namespace Naviyam.Logging;

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
