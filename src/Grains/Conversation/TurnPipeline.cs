using Naviyam.Chat;
using Naviyam.Coupons;
using Naviyam.Embeddings;
using Naviyam.Nlu;
using Naviyam.Preprocessing;
using Naviyam.Ranking;
using Naviyam.Reply;
using Naviyam.Retrieval;

namespace Naviyam.Conversation;

/// <summary>The result of running one message through every stage.</summary>
public sealed record TurnOutcome(ChatReply Reply, PreprocessedText Text, string NluModelVersion, string RankingModelVersion)
{
    /// <summary>What the ranking stage did (arm, feature rows of the picks), for the learning logs; None when nothing was ranked.</summary>
    public RankedShops Ranking { get; init; } = RankedShops.None;
}

/// <summary>
/// The spec's turn pipeline — preprocess → context → NLU → actions → retrieval → features and ranking → coupons →
/// reply — as one place that runs the stages in order and times each. The stages decide; this only sequences.
/// The actions stage may answer before retrieval (a refusal, a pick asked about, the balance, an order).
/// Session state and logging stay with the grain.
/// </summary>
public sealed class TurnPipeline(
    TextNormalizer normalizer,
    ITurnContextSource context,
    CachedNlu nlu,
    ConversationActions actions,
    SearchPlanner planner,
    CandidateSearch search,
    Ranker ranker,
    RecommendationPresenter presenter,
    SlotTracker slotTracker,
    SemanticCandidates? semantic = null)
{
    /// <param name="previousReply">The session's last answer, for follow-ups about it ("더 싼 데 없어?").</param>
    /// <param name="history">The session's id and last answers (the last list of shops, a proposal waiting for "응"); by
    /// default only <paramref name="previousReply"/>, in a session without an id.</param>
    public async Task<TurnOutcome> RunAsync(ChatTurn turn, Entities previousSlots, ChatReply? previousReply = null, SessionHistory? history = null)
    {
        ArgumentNullException.ThrowIfNull(turn);
        history ??= SessionHistory.Of("", previousReply);
        var stopwatch = new StageStopwatch();

        var text = normalizer.Normalize(turn.Text);
        var preprocessUs = stopwatch.Lap(TurnStage.Preprocess);

        var user = await context.GetAsync(turn.UserId);
        var contextUs = stopwatch.Lap();

        var understanding = TurnUnderstanding.Of(text, nlu.Analyze(text), previousSlots, slotTracker);
        var nluUs = stopwatch.Lap(TurnStage.Nlu);

        var action = await actions.RunAsync(new ActionInput(turn, history, understanding, user));
        if (action.Answer is { } answer)
        {
            return new TurnOutcome(WithDegraded(Answered(turn, understanding, answer, preprocessUs, contextUs, nluUs, stopwatch), user), text, nlu.ModelVersion, RankedShops.None.ModelVersion);
        }
        understanding = action.Understanding;

        var plan = planner.Plan(turn, understanding, user, previousReply, history);
        // With the encoder registered, free wishes, unknown menu names and "something similar" go through it (after the hard rules).
        var candidates = !plan.Searches ? CandidateSet.Empty
            : semantic is null ? search.Find(plan.Query) : await semantic.FindAsync(search, plan.Query, text.Normalized);
        var retrievalUs = stopwatch.Lap(TurnStage.Retrieval);

        // Nothing priced fits, but shops without prices whose kind usually fits do (most real merchant lists carry no
        // menus): offer those, and say plainly that their prices are unconfirmed. When nothing matches at all, the
        // alternatives (outside the area, a similar dish, might serve it) are offered after the reply says so.
        var pricesUnconfirmed = candidates.Fitting.Count == 0 && candidates.PriceUnknown.Count > 0;
        var found = candidates.Fitting.Count > 0 ? candidates.Fitting : pricesUnconfirmed ? candidates.PriceUnknown : candidates.Alternatives;
        // "다른 데 보여줘": what was offered before is not offered again.
        IReadOnlyList<Candidate> pool = plan.OtherThan.Count == 0 ? found : [.. found.Where(c => !plan.OtherThan.Contains(c.Shop.Id))];
        var ranked = await ranker.RankAsync(pool, new RankingSituation(turn.UserId, plan.EatAt, plan.BudgetCap,
            Urgent: understanding.Slots.Urgency == Urgency.High, FoodAsked: plan.FoodType is not null || plan.Wish is not null));
        var rankingUs = stopwatch.Lap();

        var coupons = CouponStage.BestFor(ranked.Top, user.Wallet, plan.Now);
        var couponUs = stopwatch.Lap(TurnStage.Coupons);

        var picks = presenter.Explain(ranked.Top, coupons, plan.BudgetCap, plan.AtNow, new AskedFor(plan.FoodType, plan.Area?.Name, plan.UnplacedName));
        // Decided before the reply is written, so that the reply asks it instead of its own "anything you'd like?".
        var question = OnboardingQuestion.For(user.Profile, plan, understanding, plan.AskedAbout is null ? picks.Count : 1, history);
        var presentation = plan.AskedAbout is { } asked
            ? presenter.PresentWhere(asked)
            : presenter.Present(ReplyContextFor(plan, understanding, user, picks, candidates, pricesUnconfirmed) with
            {
                NoOthersLeft = plan.OtherThan.Count > 0 && pool.Count == 0 && found.Count > 0,
                AsksPreference = question is not null,
            });
        var replyUs = stopwatch.Lap(TurnStage.Reply);

        var timings = new TurnTimings
        {
            PreprocessMicros = preprocessUs,
            ContextMicros = contextUs,
            NluMicros = nluUs,
            RetrievalMicros = retrievalUs,
            RankingMicros = rankingUs,
            CouponMicros = couponUs,
            ReplyMicros = replyUs,
            TotalMicros = stopwatch.TotalMicros,
            CpuNanos = stopwatch.CpuNanos,
            AllocatedBytes = stopwatch.AllocatedBytes,
        };
        var finished = actions.Finish(presentation.Text, plan.Intent, user, action.Note);
        var reply = ReplyTo(turn, understanding, question is null ? finished : $"{finished}\n{question}", timings) with
        {
            Recommendations = presentation.Recommendations,
            PriceUnknown = presentation.PriceUnknown,
            PreferenceQuestion = question,
        };
        return new TurnOutcome(WithDegraded(reply, user), text, nlu.ModelVersion, ranked.ModelVersion) { Ranking = ranked };
    }

    /// <summary>Names the context the turn went without, when a part of it did not answer.</summary>
    private static ChatReply WithDegraded(ChatReply reply, TurnContext user) =>
        user.Degraded.Count == 0 ? reply : reply with { Degraded = user.Degraded };

    /// <summary>A turn the actions stage answered: nothing was searched, ranked or priced (those stages take no time).</summary>
    private static ChatReply Answered(ChatTurn turn, TurnUnderstanding understanding, ActionAnswer answer,
        long preprocessUs, long contextUs, long nluUs, StageStopwatch stopwatch)
    {
        var timings = new TurnTimings { PreprocessMicros = preprocessUs, ContextMicros = contextUs, NluMicros = nluUs, ReplyMicros = stopwatch.Lap(TurnStage.Reply) };
        return ReplyTo(turn, understanding, answer.Text, timings with
        {
            TotalMicros = stopwatch.TotalMicros, CpuNanos = stopwatch.CpuNanos, AllocatedBytes = stopwatch.AllocatedBytes,
        }) with
        {
            Recommendations = answer.Recommendations,
            PendingOrder = answer.PendingOrder,
            Order = answer.Order,
            Card = answer.Card,
            Action = answer.Action,
        };
    }

    /// <summary>The reply's text with what the NLU understood of the turn.</summary>
    private static ChatReply ReplyTo(ChatTurn turn, TurnUnderstanding understanding, string text, TurnTimings timings) => new()
    {
        TurnId = turn.TurnId,
        Reply = text,
        Intent = understanding.Nlu.Intent,
        Confidence = understanding.Nlu.Confidence,
        Entities = understanding.Nlu.Entities,
        Slots = understanding.Slots,
        Timings = timings,
    };

    private static ReplyContext ReplyContextFor(SearchPlan plan, TurnUnderstanding understanding, TurnContext user,
        IReadOnlyList<RankedCandidate> picks, CandidateSet candidates, bool pricesUnconfirmed) => new()
    {
        Intent = plan.Intent,
        Slots = understanding.Slots,
        Picks = picks,
        Unsure = plan.Unsure,
        Urgent = understanding.Nlu.Entities.Urgency == Urgency.High,
        CompactText = understanding.Text.Compact,
        SlotsReset = understanding.SlotsReset,
        BudgetCap = plan.BudgetCap,
        BudgetFromCard = plan.BudgetFromCard,
        CheaperThan = plan.CheaperThan,
        OthersAsked = plan.OtherThan.Count > 0,
        CheaperUnknown = plan.CheaperUnknown,
        CheapestEligible = candidates.CheapestEligible,
        PricesUnconfirmed = pricesUnconfirmed,
        HasLocation = plan.Location is not null,
        UnlocatedPlace = plan.UnplacedName,
        LaterTime = plan.AtNow ? null : understanding.Slots.TimePreference,
        WishedDish = plan.Wish?.Label,
        DietApplied = plan.Restrictions.Count > 0,
        HasAllergy = plan.HasAllergy,
        UsableCoupons = user.Wallet,
        Now = plan.Now.ToUniversalTime(),
        Outcome = plan.Searches ? candidates.Outcome : SearchOutcome.Found,
        Area = plan.Area?.Name,
        AmbiguousPlaces = plan.AmbiguousPlaces,
        NotSpicy = plan.Exclusions.Contains("매운"),
        TurnedDown = understanding.Slots.Exclusions ?? [],
    };
}
