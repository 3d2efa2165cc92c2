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
/// The log reader (to come with the interaction tables) produces these from the spec's tables: one row per shop in a
/// <c>recommendations_log</c> row's <c>recommendations</c> list, in its <c>ranking</c> order (<see cref="Position"/>,
/// 1-based, counting the shops shown by "다른 데 보여줘" after the first three); <see cref="SessionId"/> is
/// <c>session_id</c> + "/" + <c>turn_id</c>; the <see cref="RankingSituation"/> comes from <c>user_id</c>,
/// <c>created_at</c> (converted to Seoul time) and <c>request_entities</c> (budget cap, urgency, food or dish wished);
/// the <see cref="CandidateFacts"/> from the matching <c>recommendation_features</c> row (same user, session, turn and
/// <c>shop_id</c>) and the catalog's shop; <see cref="Chosen"/> is true when a <c>user_interactions</c> row of that
/// turn selects the shop ("여기 갈래", or an order through <c>POST /api/me/orders</c>) or <c>user_final_selection</c>
/// names it. A turn whose list nobody reacted to still counts: all its rows are negatives.
/// </remarks>
public sealed record RankingExample(
    string SessionId,
    RankingSituation Situation,
    CandidateFacts Candidate,
    int Position,
    bool Chosen,
    ExampleSource Source);

/// <summary>Logged impressions for training, read from wherever the product records them.</summary>
public interface IRankingExampleSource
{
    /// <summary>What the source is, for the training report ("mysql recommendations_log", a file …).</summary>
    string Description { get; }

    IEnumerable<RankingExample> Read();
}
