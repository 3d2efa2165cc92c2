using Naviyam.Ranking;

namespace Naviyam.Learning;

/// <summary>
/// One logged pick as the ranker saw it and what the user did with it: the unit a ranker retrains on. Built by a log
/// reader from <c>recommendations_log</c>, <c>recommendation_features</c> and <c>user_interactions</c> joined by session,
/// turn and shop.
/// </summary>
/// <param name="Position">The pick's 1-based place in the turn's list.</param>
/// <param name="Label">How strongly the user took the pick (<see cref="ImpressionLabels"/>): 0 for shown and not acted on, or rejected.</param>
/// <param name="Method">The ranking arm that ordered the list (<c>wide_deep</c>, <c>heuristic</c>).</param>
public sealed record LoggedImpression(
    string SessionId,
    string TurnId,
    RankingSituation Situation,
    CandidateFacts Candidate,
    int Position,
    float Label,
    string? Method);

/// <summary>
/// The training label of a logged pick from the interactions on it. An order or "여기 갈래" is a pick (1); a question
/// about the pick or opening its card is interest short of a choice (0.6, 0.4: a soft label, so the model learns they
/// are likelier picks than silence without counting them as one); "다른 데 보여줘" without a later choice, or nothing,
/// is 0.
/// </summary>
public static class ImpressionLabels
{
    public const float Order = 1f;
    public const float Go = 1f;
    public const float FollowUp = 0.6f;
    public const float Opened = 0.4f;

    public static float Of(IEnumerable<string> interactionTypes)
    {
        ArgumentNullException.ThrowIfNull(interactionTypes);
        float label = 0;
        var rejected = false;
        foreach (var type in interactionTypes)
        {
            label = Math.Max(label, type switch
            {
                InteractionTypes.Order => Order,
                InteractionTypes.Selection => Go,
                InteractionTypes.FollowUp => FollowUp,
                InteractionTypes.DetailView => Opened,
                _ => 0f,
            });
            rejected |= type == InteractionTypes.Feedback;
        }
        // "다른 데 보여줘" outweighs having looked at the card or asked about it, not a choice the user made.
        return rejected && label < Go ? 0f : label;
    }
}
