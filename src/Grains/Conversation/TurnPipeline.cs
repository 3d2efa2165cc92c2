using System.Diagnostics;
using Microsoft.Extensions.Options;
using Naviyam.Cards;
using Naviyam.Chat;
using Naviyam.Coupons;
using Naviyam.Hosting;
using Naviyam.Nlu;
using Naviyam.Preprocessing;
using Naviyam.Profiles;
using Naviyam.Ranking;
using Naviyam.Reply;
using Naviyam.Retrieval;
using Naviyam.Shops;
using Naviyam.Time;

namespace Naviyam.Conversation;

/// <summary>The result of running one message through every stage.</summary>
public sealed record TurnOutcome(ChatReply Reply, PreprocessedText Text, string NluModelVersion, string RankingModelVersion);

/// <summary>
/// The spec's turn pipeline — preprocess → context → NLU → retrieval → features and ranking → coupons →
/// reply — as one place that times every stage. Session state and logging stay with the grain.
/// </summary>
public sealed class TurnPipeline(
    TextNormalizer normalizer,
    CachedNlu nlu,
    CandidateSearch search,
    PlaceLocator places,
    ReplyComposer composer,
    SeoulClock clock,
    Naviyam.Catalog.IShopCatalog catalog,
    IGrainFactory grains,
    IOptions<RecommendationOptions> options,
    DietaryRules dietaryRules,
    DishPreferences dishPreferences,
    FollowUps followUps,
    SlotTracker slotTracker)
{
    /// <param name="previousReply">The session's last answer, for follow-ups about it ("더 싼 데 없어?").</param>
    public async Task<TurnOutcome> RunAsync(ChatTurn turn, Entities previousSlots, ChatReply? previousReply = null)
    {
        var stopwatch = new StageStopwatch();

        var text = normalizer.Normalize(turn.Text);
        var preprocessUs = stopwatch.Lap();

        var profileTask = grains.GetGrain<IProfileGrain>(turn.UserId).GetAsync();
        var cardTask = grains.GetGrain<IFoodCardGrain>(turn.UserId).GetSummaryAsync();
        var walletTask = grains.GetGrain<ICouponWalletGrain>(turn.UserId).GetActiveAsync();
        var profile = await profileTask;
        var card = await cardTask;
        var wallet = await walletTask;
        var contextUs = stopwatch.Lap();

        var understood = nlu.Analyze(text);
        var reset = slotTracker.IsReset(text.Compact);
        var slots = reset
            ? SlotTracker.Merge(Entities.None, understood.Entities)
            : SlotTracker.Merge(previousSlots, understood.Entities);
        var nluUs = stopwatch.Lap();

        var plan = Plan(turn, text, understood, slots, profile, card, previousReply);
        var candidates = plan.Searches
            ? search.Find(new CandidateQuery(plan.Location, plan.BudgetCap, slots.FoodType, Exclusions(slots, plan.Restrictions), plan.IsMinor, plan.EatAt, plan.Wish))
            : CandidateSet.Empty;
        var retrievalUs = stopwatch.Lap();

        // Nothing priced fits, but shops without prices whose kind usually fits do (most real merchant lists carry no
        // menus): offer those, and say plainly that their prices are unconfirmed.
        var pricesUnconfirmed = candidates.Fitting.Count == 0 && candidates.PriceUnknown.Count > 0;
        var (picks, rankingVersion) = await RankAsync(
            pricesUnconfirmed ? candidates.PriceUnknown : candidates.Fitting, plan.BudgetCap, plan.AtNow);
        var rankingUs = stopwatch.Lap();

        picks = WithBestCoupons(picks, wallet, plan.Now);
        var couponUs = stopwatch.Lap();

        var replyText = plan.AskedAbout is { } asked
            ? composer.Where(asked, catalog.TryGet(asked.ShopId, out var shop) ? shop.Address : null)
            : composer.Compose(ReplyContextFor(plan, understood, slots, text, reset, picks, candidates, pricesUnconfirmed, wallet));
        // Shops whose prices are unconfirmed are never presented as fitting the budget: they go in their own list.
        var views = picks.Select(ToView).ToArray();
        RecommendationView[] recommendations = plan.AskedAbout is { } about ? [about] : pricesUnconfirmed ? [] : views;
        var replyUs = stopwatch.Lap();

        var reply = new ChatReply
        {
            TurnId = turn.TurnId,
            Reply = replyText,
            Intent = understood.Intent,
            Confidence = understood.Confidence,
            Entities = understood.Entities,
            Slots = slots,
            Recommendations = recommendations,
            PriceUnknown = plan.AskedAbout is null && pricesUnconfirmed ? views : [],
            Timings = new TurnTimings
            {
                PreprocessMicros = preprocessUs,
                ContextMicros = contextUs,
                NluMicros = nluUs,
                RetrievalMicros = retrievalUs,
                RankingMicros = rankingUs,
                CouponMicros = couponUs,
                ReplyMicros = replyUs,
                TotalMicros = stopwatch.TotalMicros,
            },
        };
        return new TurnOutcome(reply, text, nlu.ModelVersion, rankingVersion);
    }

    /// <summary>What this turn looks for, decided from the message, the session, the user and the last answer.</summary>
    private sealed record SearchPlan(
        bool IsMinor,
        IReadOnlyList<string> Restrictions,
        int? BudgetCap,
        bool BudgetFromCard,
        int? CheaperThan,
        bool Unsure,
        GeoPoint? Location,
        string? UnplacedName,
        DateTimeOffset Now,
        DateTimeOffset EatAt,
        DishPreference? Wish,
        RecommendationView? AskedAbout,
        bool WantsFood)
    {
        /// <summary>A follow-up about the last answer, social talk and a message too unclear to act on search nothing.</summary>
        public bool Searches => WantsFood && !Unsure && AskedAbout is null;

        public bool AtNow => EatAt - Now < LaterThanNow;
    }

    private SearchPlan Plan(ChatTurn turn, PreprocessedText text, NluResult understood, Entities slots, UserProfile profile,
        FoodCardSummary card, ChatReply? previousReply)
    {
        var (budgetCap, budgetFromCard) = EffectiveBudget(slots, card);
        // "더 싼 데 없어?": cheaper than anything offered last time, for this turn only.
        var cheaperThan = followUps.CheaperThan(text.Compact, previousReply);
        if (cheaperThan is { } ceiling)
        {
            budgetCap = Math.Min(budgetCap ?? int.MaxValue, ceiling - 1);
        }
        var now = clock.LocalNow;
        return new SearchPlan(
            IsMinor: IsMinor(turn.UserAge, profile, card),
            Restrictions: [.. (slots.DietaryRestrictions ?? []).Union(profile.DietaryRestrictions)],
            BudgetCap: budgetCap,
            BudgetFromCard: budgetFromCard,
            CheaperThan: cheaperThan,
            // Too unsure to act on: ask instead of recommending (the slots are still kept for the next turn).
            Unsure: !NluConfidence.IsConfident(understood) && text.Signals.Count == 0 && !text.IsEmpty,
            // A place named in this message beats the device's location ("신림동에서 먹을 거"); an earlier named
            // place comes after it.
            Location: places.Locate(understood.Entities.LocationPreference) ?? turn.Location ?? places.Locate(slots.LocationPreference),
            UnplacedName: places.Unplaced(understood.Entities.LocationPreference) ?? (turn.Location is null ? places.Unplaced(slots.LocationPreference) : null),
            Now: now,
            // The shops must be open when the user wants to eat ("저녁 7시"), which is usually now.
            EatAt: MealTimeResolver.Resolve(slots.TimePreference, now),
            Wish: slots.FoodType is null ? dishPreferences.From(text.Compact, slots.TastePreference) : null,
            // "거기 어떻게 가?" / "2번 주소 알려줘": about a shop just offered, not a new search.
            AskedAbout: followUps.ShopAskedAbout(text.Compact, previousReply),
            WantsFood: WantsFood(understood));
    }

    private static ReplyContext ReplyContextFor(SearchPlan plan, NluResult understood, Entities slots, PreprocessedText text, bool reset,
        IReadOnlyList<RankedCandidate> picks, CandidateSet candidates, bool pricesUnconfirmed, IReadOnlyList<WalletCoupon> wallet) => new(
        // Social talk that named a food is answered as the food request it also is.
        understood.Intent == Intents.GeneralChat && plan.WantsFood ? Intents.FoodRequest : understood.Intent,
        slots, plan.BudgetCap, plan.BudgetFromCard, picks, candidates.CheapestEligible, plan.IsMinor,
        HasLocation: plan.Location is not null,
        Unsure: plan.Unsure,
        UsableCoupons: wallet,
        Now: plan.Now.ToUniversalTime(),
        PricesUnconfirmed: pricesUnconfirmed,
        UnlocatedPlace: plan.UnplacedName,
        CompactText: text.Compact,
        LaterTime: plan.AtNow ? null : slots.TimePreference,
        SlotsReset: reset,
        CheaperThan: plan.CheaperThan,
        WishedDish: plan.Wish is not null && picks.Any(p => p.Candidate.FoodMatched) ? plan.Wish.Label : null,
        DietApplied: plan.Restrictions.Count > 0,
        HasAllergy: DietaryRules.HasAllergy(plan.Restrictions));

    /// <summary>How far ahead a meal time must be before the shops are judged for then rather than for now.</summary>
    private static readonly TimeSpan LaterThanNow = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Social talk gets no shop list; every other intent is about finding food, and so is social talk that names a food
    /// or an amount ("오늘 생일인데 케이크 살 수 있어?").
    /// </summary>
    private static bool WantsFood(NluResult understood) =>
        understood.Intent != Intents.GeneralChat || understood.Entities.FoodType is not null || understood.Entities.Budget is not null;

    /// <summary>
    /// What must not be offered: the words the user excluded, everything their dietary restrictions (said in this
    /// session or remembered by the profile) rule out, and spicy dishes for "안 매운".
    /// </summary>
    private IReadOnlyList<string> Exclusions(Entities slots, IReadOnlyList<string> restrictions)
    {
        var notSpicy = slots.TastePreference == "안 매운" ? (string[])["매운"] : [];
        if (restrictions.Count == 0 && notSpicy.Length == 0)
        {
            return slots.Exclusions ?? [];
        }
        return [.. (slots.Exclusions ?? []).Union(notSpicy).Union(dietaryRules.ForbiddenWords(restrictions))];
    }

    /// <summary>An unknown age counts as a minor: a bar must never reach a child because a form was skipped.</summary>
    private static bool IsMinor(int? userAge, UserProfile profile, FoodCardSummary card)
    {
        if (userAge is { } age)
        {
            return age < 19;
        }
        if (profile.AgeGroup is not null)
        {
            return profile.IsMinor;
        }
        return card.TargetAgeGroup is not "청년";
    }

    /// <summary>The stated budget, capped by an active card's balance; the balance alone when nothing was stated.</summary>
    private static (int? Cap, bool FromCard) EffectiveBudget(Entities slots, FoodCardSummary card)
    {
        var balance = card.IsActive ? card.Balance : (int?)null;
        if (slots.Budget is { } stated and > 0)
        {
            return balance is { } b && b < stated ? (b, true) : (stated, false);
        }
        if (slots.Budget == 0)
        {
            // "돈 없어": the card may still pay; without a card nothing is affordable.
            return balance is > 0 ? (balance, true) : (0, false);
        }
        return balance is { } onlyBalance ? (onlyBalance, true) : (null, false);
    }

    private async Task<(IReadOnlyList<RankedCandidate> Picks, string Version)> RankAsync(IReadOnlyList<Candidate> candidates, int? budgetCap, bool atNow)
    {
        if (candidates.Count == 0)
        {
            return ([], "none");
        }
        var features = RankingFeatures.Build(candidates, budgetCap);
        var result = await grains.GetGrain<IRankerGrain>(0).ScoreAsync(new RankRequest(RankingFeatures.Count, features));
        var picks = Enumerable.Range(0, candidates.Count)
            .OrderByDescending(i => result.Scores[i])
            .ThenBy(i => candidates[i].Shop.Id, StringComparer.Ordinal)
            .Take(options.Value.MaxResults)
            .Select(i => new RankedCandidate(candidates[i], result.Scores[i], ReasonsFor(candidates[i], budgetCap, atNow), FlagsFor(candidates[i])))
            .ToArray();
        return (picks, result.ModelVersion);
    }

    /// <summary>
    /// The spec's coupon step: each recommended meal gets the user's coupon that takes the most off it (the same pure
    /// rule checkout applies), so the reply can show the price the child will really pay.
    /// </summary>
    private static IReadOnlyList<RankedCandidate> WithBestCoupons(IReadOnlyList<RankedCandidate> picks, IReadOnlyList<WalletCoupon> wallet, DateTimeOffset localNow)
    {
        if (wallet.Count == 0 || picks.Count == 0)
        {
            return picks;
        }
        var now = localNow.ToUniversalTime();
        var today = DateOnly.FromDateTime(localNow.DateTime);
        return picks.Select(pick =>
        {
            var shop = pick.Candidate.Shop;
            if (pick.Candidate.Meal?.Price is not { } price)
            {
                return pick;
            }
            var target = new CouponTarget(shop.Id, shop.Category, shop.MealCard is MealCardAcceptance.Yes or MealCardAcceptance.Partial);
            return pick with { Coupon = CouponChooser.Best(wallet, price, target, now, today) };
        }).ToArray();
    }

    private static IReadOnlyList<string> ReasonsFor(Candidate candidate, int? budgetCap, bool atNow)
    {
        var reasons = new List<string>();
        if (candidate.Meal?.Price is { } price && budgetCap is { } cap)
        {
            reasons.Add($"예산 안({ReplyComposer.Won(price)} ≤ {ReplyComposer.Won(cap)})");
        }
        else if (candidate.TypicalPrice is not null && budgetCap is not null)
        {
            reasons.Add("보통 예산 안에서 먹을 수 있는 가게");
        }
        if (candidate.OpenNow == true)
        {
            reasons.Add(atNow ? "지금 영업 중" : "그 시간에 영업");
        }
        if (candidate.FoodMatched)
        {
            reasons.Add("찾는 음식");
        }
        if (candidate.DistanceMeters is { } meters)
        {
            reasons.Add($"{ReplyComposer.Distance(meters)} 거리");
        }
        reasons.Add("급식카드 가맹점");
        return reasons;
    }

    private static IReadOnlyList<string> FlagsFor(Candidate candidate)
    {
        var flags = new List<string>();
        if (candidate.OpenNow is null)
        {
            flags.Add(ReplyComposer.HoursUnknownFlag);
        }
        if (candidate.Meal?.Price is null)
        {
            flags.Add(ReplyComposer.PriceUnknownFlag);
        }
        if (candidate.Shop.MealCard == MealCardAcceptance.Partial)
        {
            flags.Add(ReplyComposer.PartialMealCardFlag);
        }
        return flags;
    }

    private static RecommendationView ToView(RankedCandidate pick) => new()
    {
        ShopId = pick.Candidate.Shop.Id,
        ShopName = pick.Candidate.Shop.Name,
        MenuName = pick.Candidate.Meal?.Name,
        Price = pick.Candidate.Meal?.Price,
        FinalPrice = pick.Coupon?.PriceAfterDiscount ?? pick.Candidate.Meal?.Price,
        CouponId = pick.Coupon?.Coupon.Coupon.Id,
        CouponName = pick.Coupon?.Coupon.Coupon.Name,
        Discount = pick.Coupon?.Discount,
        WalletCouponId = pick.Coupon?.Coupon.WalletCouponId,
        DistanceMeters = pick.Candidate.DistanceMeters is { } d ? (int)Math.Round(d) : null,
        Score = Math.Round(pick.Score, 4),
        Reasons = pick.Reasons,
        Flags = pick.Flags,
    };

    /// <summary>Microseconds per stage from one monotonic clock.</summary>
    private sealed class StageStopwatch
    {
        private readonly long start = Stopwatch.GetTimestamp();
        private long last = Stopwatch.GetTimestamp();

        public long TotalMicros => (long)Stopwatch.GetElapsedTime(start).TotalMicroseconds;

        public long Lap()
        {
            var now = Stopwatch.GetTimestamp();
            var micros = (long)Stopwatch.GetElapsedTime(last, now).TotalMicroseconds;
            last = now;
            return micros;
        }
    }
}
