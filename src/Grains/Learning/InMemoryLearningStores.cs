using System.Collections.Concurrent;

namespace Naviyam.Learning;

/// <summary>
/// The embedded default's behaviour log: bounded, in memory, lost on restart like the rest of that mode. It keeps the
/// shown turns itself (MySQL mode reads them from <c>recommendations_log</c>), so the A/B report works in both modes.
/// </summary>
public sealed class InMemoryInteractionLog : IInteractionLog
{
    /// <summary>Oldest rows are dropped beyond this many of each kind: a demo host must not grow without end.</summary>
    private const int MaxRows = 200_000;

    private readonly Queue<(string UserId, LearningTurn Turn)> shown = new();
    private readonly Queue<InteractionRecord> interactions = new();
    private readonly Lock gate = new();

    public Task RecordShownAsync(string userId, LearningTurn turn, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            shown.Enqueue((userId, turn));
            if (shown.Count > MaxRows)
            {
                shown.Dequeue();
            }
        }
        return Task.CompletedTask;
    }

    public Task RecordAsync(InteractionRecord interaction, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            interactions.Enqueue(interaction);
            if (interactions.Count > MaxRows)
            {
                interactions.Dequeue();
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>The picks shown to a user (diagnostics and tests).</summary>
    public IReadOnlyList<LearningTurn> ShownTo(string userId)
    {
        lock (gate)
        {
            return [.. shown.Where(s => s.UserId == userId).Select(s => s.Turn)];
        }
    }

    public Task<IReadOnlyList<ArmSummary>> SummarizeArmsAsync(DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            var reactions = interactions.Where(i => i.TurnId is not null)
                .GroupBy(i => (i.SessionId, i.TurnId))
                .ToDictionary(g => g.Key, g => (Clicked: g.Any(i => InteractionTypes.Clicks.Contains(i.Type)), Ordered: g.Any(i => i.Type == InteractionTypes.Order)));
            IReadOnlyList<ArmSummary> summary = shown
                .Where(s => s.Turn.At >= since && s.Turn.Method is not null && s.Turn.Shown.Count > 0)
                .GroupBy(s => s.Turn.Method!)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g =>
                {
                    var outcomes = g.Select(s => reactions.GetValueOrDefault((s.Turn.SessionId, s.Turn.TurnId))).ToList();
                    return new ArmSummary(g.Key, g.Count(), g.Select(s => s.UserId).Distinct(StringComparer.Ordinal).Count(),
                        outcomes.Count(o => o.Clicked), outcomes.Count(o => o.Ordered));
                })
                .ToArray();
            return Task.FromResult(summary);
        }
    }

    public Task<IReadOnlyList<InteractionRecord>> InteractionsSinceAsync(DateTimeOffset since, int max, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<InteractionRecord>>([.. interactions.Where(i => i.At >= since).Take(max)]);
        }
    }
}

/// <summary>The embedded default's journeys, one per user, in memory.</summary>
public sealed class InMemoryJourneyStore : IJourneyStore
{
    private readonly ConcurrentDictionary<string, JourneyState> journeys = new(StringComparer.Ordinal);

    public Task<JourneyState?> ReadAsync(string userId, CancellationToken cancellationToken = default) =>
        Task.FromResult(journeys.GetValueOrDefault(userId));

    public Task SaveAsync(JourneyState journey, CancellationToken cancellationToken = default)
    {
        journeys[journey.UserId] = journey;
        return Task.CompletedTask;
    }
}
