namespace Naviyam.Learning;

/// <summary>
/// The behaviour log: picks shown with their features (<c>recommendation_features</c>; the turn's own
/// <c>recommendations_log</c> row is the turn journal's) and what users did (<c>user_interactions</c>), with the reads
/// the A/B report and the feature refresh need. In memory or in MySQL, as the storage mode says.
/// </summary>
public interface IInteractionLog
{
    Task RecordShownAsync(string userId, LearningTurn turn, CancellationToken cancellationToken = default);

    Task RecordAsync(InteractionRecord interaction, CancellationToken cancellationToken = default);

    /// <summary>Per ranking arm, the turns since <paramref name="since"/> that showed picks and how many got a click or an order.</summary>
    Task<IReadOnlyList<ArmSummary>> SummarizeArmsAsync(DateTimeOffset since, CancellationToken cancellationToken = default);

    /// <summary>Interactions since <paramref name="since"/>, oldest first, at most <paramref name="max"/> (the feature refresh's input).</summary>
    Task<IReadOnlyList<InteractionRecord>> InteractionsSinceAsync(DateTimeOffset since, int max, CancellationToken cancellationToken = default);
}

/// <summary>A user's journey row (<c>user_journey_analytics</c>).</summary>
public interface IJourneyStore
{
    Task<JourneyState?> ReadAsync(string userId, CancellationToken cancellationToken = default);

    Task SaveAsync(JourneyState journey, CancellationToken cancellationToken = default);
}
