using Naviyam.Chat;
using Naviyam.Learning;
using Naviyam.Ranking;

namespace Naviyam.Conversation;

/// <summary>The conversation's part in learning: what each turn showed goes to the user's learning grain, and feedback on a pick is checked here.</summary>
public sealed partial class ConversationGrain
{
    /// <summary>The arm that ordered the reply's picks, null when the turn ranked nothing.</summary>
    private static string? MethodOf(TurnOutcome outcome) =>
        outcome.Ranking.Top.Count > 0 ? RankingArms.MethodName(outcome.Ranking.Arm) : null;

    /// <summary>
    /// Tells the user's learning grain what this turn showed (every listed pick, in list order, with the feature row the
    /// ranker read) and which pick it asked about. Not awaited: learning never delays an answer.
    /// </summary>
    private void ObserveForLearning(ChatTurn turn, ChatReply reply, TurnOutcome outcome)
    {
        // A shop may stand in the ranked list more than once (one row per fitting meal); the list shows it once.
        var ranked = new Dictionary<string, ScoredCandidate>(StringComparer.Ordinal);
        foreach (var pick in outcome.Ranking.Top)
        {
            ranked.TryAdd(pick.Candidate.Shop.Id, pick);
        }
        var situation = outcome.Ranking.Situation;
        var listed = reply.Action is null ? reply.Recommendations.Concat(reply.PriceUnknown).ToList() : [];
        var shown = listed.Select((view, i) =>
        {
            var scored = ranked.GetValueOrDefault(view.ShopId);
            CandidateFacts? facts = scored is not null && situation is not null ? CandidateFacts.Of(scored.Candidate, situation.LocalTime) : null;
            return new ShownPick(view.ShopId, i + 1, view.Score, scored is null ? [] : [.. scored.Features], scored?.Drivers ?? [])
            {
                Category = scored?.Candidate.Shop.Category.ToString(),
                Price = view.FinalPrice ?? view.Price ?? scored?.Candidate.TypicalPrice,
                DistanceMeters = scored?.Candidate.DistanceMeters,
                Popularity = scored?.Candidate.Shop.Popularity ?? 0,
                BudgetCap = reply.Slots.Budget,
                CategoryShare = scored?.Personal?.CategoryShare,
                ChosenBefore = scored?.Personal?.ChosenBefore,
                UserAveragePaid = scored?.Personal?.UserAveragePaid,
                PriceKnown = facts?.PriceKnown ?? false,
                OpenMinutesLeft = facts?.OpenMinutesLeft,
                FoodMatched = facts?.FoodMatched ?? false,
                MealCard = facts?.MealCard ?? default,
                GoodInfluence = facts?.GoodInfluence ?? false,
            };
        }).ToArray();
        var learningTurn = new LearningTurn(this.GetPrimaryKeyString(), turn.TurnId, clock.UtcNow, reply.RankingMethod, outcome.RankingModelVersion, shown)
        {
            AskedAboutShopId = reply.Action == ChatActions.Pick && reply.Recommendations.Count == 1 ? reply.Recommendations[0].ShopId : null,
            EatAt = situation?.LocalTime,
            Urgent = situation?.Urgent ?? false,
            FoodAsked = situation?.FoodAsked ?? false,
        };
        GrainFactory.GetGrain<IUserLearningGrain>(turn.UserId).ObserveTurnAsync(learningTurn).Ignore();
    }

    async Task<FeedbackReceipt> ISessionFeedbackGrain.SendFeedbackAsync(string userId, PickFeedback feedback)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        if (!FeedbackKinds.All.Contains(feedback.Kind))
        {
            throw new ArgumentException($"Unknown feedback kind '{feedback.Kind}'.", nameof(feedback));
        }
        if (state.State.OwnerUserId is null)
        {
            return new FeedbackReceipt(FeedbackOutcome.UnknownTurn);
        }
        EnsureOwner(userId);
        if (state.State.RecentReplies.Find(r => r.TurnId == feedback.TurnId) is not { } reply)
        {
            return new FeedbackReceipt(FeedbackOutcome.UnknownTurn);
        }
        var listed = reply.Recommendations.Concat(reply.PriceUnknown).ToList();
        var index = listed.FindIndex(view => view.ShopId == feedback.ShopId);
        if (index < 0)
        {
            return new FeedbackReceipt(FeedbackOutcome.NotShown);
        }
        await GrainFactory.GetGrain<IUserLearningGrain>(userId).RecordFeedbackAsync(this.GetPrimaryKeyString(), feedback, index + 1, clock.UtcNow);
        return new FeedbackReceipt(FeedbackOutcome.Recorded, index + 1);
    }
}
