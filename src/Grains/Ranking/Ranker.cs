using Microsoft.Extensions.Options;
using Naviyam.Hosting;
using Naviyam.Learning;
using Naviyam.Retrieval;

namespace Naviyam.Ranking;

/// <summary>A candidate with the score the model gave it, and the feature row the model read (for the learning logs).</summary>
public sealed record ScoredCandidate(Candidate Candidate, double Score)
{
    public IReadOnlyList<float> Features { get; init; } = [];

    /// <summary>The features that raised this candidate's score most, by name (most first): the model's explanation.</summary>
    public IReadOnlyList<string> Drivers { get; init; } = [];

    /// <summary>What the behaviour features (<see cref="FeatureMemory"/>) say about this user and shop; null without them.</summary>
    public PersonalSignals? Personal { get; init; }
}

/// <summary>
/// The user's and the shop's behaviour features as they bear on one candidate: the share of the user's choices in the
/// shop's category, whether the user chose the shop before, and the shop's repeat rate among its customers.
/// </summary>
public sealed record PersonalSignals(double CategoryShare, bool ChosenBefore, double ShopRepeatRate, double ShopPopularity, double? UserAveragePaid)
{
    public static PersonalSignals? Of(FeatureMemory memory, string? userId, Candidate candidate)
    {
        var user = memory.User(userId);
        var shop = memory.Shop(candidate.Shop.Id);
        if (user is null && shop is null)
        {
            return null;
        }
        return new PersonalSignals(
            user?.Distribution("categories").GetValueOrDefault(candidate.Shop.Category.ToString()) ?? 0,
            user?.Distribution("shops").ContainsKey(candidate.Shop.Id) ?? false,
            shop?["repeat_rate"] ?? 0,
            shop?["popularity"] ?? 0,
            user is not null && user["avg_paid"] > 0 ? user["avg_paid"] : null);
    }
}

/// <summary>The best candidates of a turn, best first, the version of the model that scored them and the arm it serves.</summary>
public sealed record RankedShops(IReadOnlyList<ScoredCandidate> Top, string ModelVersion)
{
    /// <summary>Nothing to rank: no model was asked.</summary>
    public static RankedShops None { get; } = new([], "none");

    public RankingArm Arm { get; init; } = RankingArm.Heuristic;

    /// <summary>The turn as the ranker saw it (who, when, budget, hurry, food asked): with each pick's candidate, what the learning log records.</summary>
    public RankingSituation? Situation { get; init; }
}

/// <summary>
/// The ranking stage: picks the user's arm (<see cref="RankingArms"/>), builds that arm's feature matrix of a turn's
/// candidates, has it scored in one batch (by whatever <see cref="IFeatureScorer"/> serves the model), and keeps the
/// best <see cref="RecommendationOptions.MaxResults"/>, not all of one chain or category unless asked
/// (<see cref="PickDiversity"/>), each with the factors that drove its score (<see cref="ScoreDrivers"/>, a second
/// batch). Ties go to the nearer shop, then the shop id, so equal scores always list alike. A shop of which nothing is
/// known (no priced meal, no hours) comes after every shop with a priced meal or known hours, whatever its score: it may
/// be shut or sell nothing a child can afford, and on lists without hours (Jeju's) the models, which read "unknown" as
/// a middling value, would otherwise let it lead. It only orders: every candidate already passed retrieval's hard rules.
/// </summary>
public sealed class Ranker(IFeatureScorer scorer, RankingArms arms, IOptions<RecommendationOptions> options, FeatureMemory behaviour)
{
    /// <summary>The heuristic alone (tools and tests without the learned model).</summary>
    public Ranker(IFeatureScorer scorer, IOptions<RecommendationOptions> options) : this(scorer, RankingArms.HeuristicOnly, options, new FeatureMemory())
    {
    }

    /// <summary>An anonymous turn with only a budget known (tools, benchmarks): the heuristic arm.</summary>
    public Task<RankedShops> RankAsync(IReadOnlyList<Candidate> candidates, int? budgetCap) =>
        RankAsync(candidates, new RankingSituation(null, DateTimeOffset.UnixEpoch, budgetCap));

    public async Task<RankedShops> RankAsync(IReadOnlyList<Candidate> candidates, RankingSituation situation)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(situation);
        if (candidates.Count == 0)
        {
            return RankedShops.None;
        }
        var arm = arms.ArmFor(situation.UserId);
        var builder = arms.BuilderFor(arm);
        var features = builder.Build(candidates, situation);
        var result = await scorer.ScoreAsync(new RankRequest(builder.FeatureCount, features, arm));
        var width = builder.FeatureCount;
        var ordered = Enumerable.Range(0, candidates.Count)
            .OrderBy(i => KnowsNothing(candidates[i]))
            .ThenByDescending(i => result.Scores[i])
            .ThenBy(i => candidates[i].DistanceMeters ?? double.MaxValue)
            .ThenBy(i => candidates[i].Shop.Id, StringComparer.Ordinal)
            .ToArray();
        var chosen = PickDiversity.Choose(ordered, candidates, options.Value.MaxResults, situation.FoodAsked);
        var drivers = await ScoreDrivers.ExplainAsync(scorer, builder, arm, candidates,
            [.. chosen.Select(i => (candidates[i], (double)result.Scores[i]))], situation);
        var top = chosen
            .Select((i, n) => new ScoredCandidate(candidates[i], result.Scores[i])
            {
                Features = features.AsSpan(i * width, width).ToArray(),
                Personal = PersonalSignals.Of(behaviour, situation.UserId, candidates[i]),
                Drivers = drivers[n],
            })
            .ToArray();
        return new RankedShops(top, result.ModelVersion) { Arm = arm, Situation = situation };
    }

    /// <summary>No priced meal and no hours: nothing says the shop is open or what a meal there costs.</summary>
    public static bool KnowsNothing(Candidate candidate) => candidate.Meal?.Price is not > 0 && candidate.OpenNow is null;
}
