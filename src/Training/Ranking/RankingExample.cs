using Naviyam.Ranking;

namespace Naviyam.Training.Ranking;

/// <summary>Where a training row came from. The trainer reports the share of each (docs/ranking.md says it plainly).</summary>
public enum ExampleSource
{
    Logged = 0,
    Simulated = 1,
}

/// <summary>
/// One shop shown to a child (an impression) and whether the child picked it: the unit the ranker learns from.
/// The facts are raw (distance, price, hours …), not features, so logs written today still train a model whose
/// features change tomorrow.
/// </summary>
/// <remarks>
/// Logged examples come from <c>MySqlImpressionReader</c> (<c>src/Infrastructure.MySql/Training</c>): one per
/// <c>recommendation_features</c> row of a logged turn, with the candidate's raw facts and the turn's situation as the
/// ranker saw them (stored in <c>feature_contributions.facts</c>), its list <see cref="Position"/> (1-based), and
/// <see cref="SessionId"/> = <c>session_id</c> + "/" + <c>turn_id</c>. <see cref="Chosen"/> and <see cref="Strength"/>
/// come from the <c>user_interactions</c> rows of that session, turn and shop (<see cref="Naviyam.Learning.ImpressionLabels"/>).
/// A turn whose list nobody reacted to still counts: all its rows are negatives.
/// </remarks>
public sealed record RankingExample(
    string SessionId,
    RankingSituation Situation,
    CandidateFacts Candidate,
    int Position,
    bool Chosen,
    ExampleSource Source)
{
    /// <summary>
    /// The training label of a chosen example: 1 for a pick; less for interest short of a choice in the logs (a card
    /// opened, a question about the pick; <see cref="Naviyam.Learning.ImpressionLabels"/>). Ignored when not chosen.
    /// </summary>
    public float Strength { get; init; } = 1f;

    /// <summary>Logged picks as training examples (the session id is the turn's: <c>session_id/turn_id</c>).</summary>
    public static RankingExample Of(Naviyam.Learning.LoggedImpression impression)
    {
        ArgumentNullException.ThrowIfNull(impression);
        return new RankingExample($"{impression.SessionId}/{impression.TurnId}", impression.Situation, impression.Candidate,
            impression.Position, impression.Label > 0, ExampleSource.Logged)
        {
            Strength = impression.Label > 0 ? impression.Label : 1f,
        };
    }
}

/// <summary>Logged impressions for training, read from wherever the product records them.</summary>
public interface IRankingExampleSource
{
    /// <summary>What the source is, for the training report ("mysql recommendations_log", a file …).</summary>
    string Description { get; }

    IEnumerable<RankingExample> Read();
}

/// <summary>Logged impressions already read (e.g. by the MySQL log reader), as a training source.</summary>
public sealed class LoggedExamples(IEnumerable<Naviyam.Learning.LoggedImpression> impressions, string description) : IRankingExampleSource
{
    public string Description => description;

    public IEnumerable<RankingExample> Read() => impressions.Select(RankingExample.Of);
}
