using Naviyam.Retrieval;
using Naviyam.Shops;

namespace Naviyam.Ranking;

/// <summary>
/// Explanations from the model: what drove a pick's score. Each factor is taken away in turn — set to what the turn's
/// candidates typically have (the median distance, price and popularity; and, where most candidates lack them, hours
/// unknown, not the asked food, a card accepted in part, not a good-influence shop; an anonymous user instead of this
/// one) — and the pick is scored again by the same model;
/// the factors whose removal lowers the score most are the drivers, most first. Every counterfactual row of a turn is
/// scored in one extra batch, so any model (the heuristic, the Wide&amp;Deep network) is explained the same way.
/// </summary>
public static class ScoreDrivers
{
    public const string Distance = "distance";
    public const string Price = "price";
    public const string OpenHours = "open_hours";
    public const string FoodMatch = "food_match";
    public const string Popularity = "popularity";
    public const string MealCard = "meal_card";
    public const string GoodInfluence = "good_influence";
    /// <summary>What the model learned of this user (their embedding and user × category weights).</summary>
    public const string Personal = "personal";

    /// <summary>A factor drives a score when taking it away costs at least this much (scores are 0..1).</summary>
    public const double MinimumEffect = 0.005;

    /// <summary>At most this many drivers per pick: the reasons a child reads stay short.</summary>
    public const int MaxDrivers = 3;

    private static readonly string[] CandidateFactors = [Distance, Price, OpenHours, FoodMatch, Popularity, MealCard, GoodInfluence];

    /// <summary>The drivers of each pick, in pick order.</summary>
    public static async Task<IReadOnlyList<string>[]> ExplainAsync(IFeatureScorer scorer, IRankingFeatureBuilder builder, RankingArm arm,
        IReadOnlyList<Candidate> candidates, IReadOnlyList<(Candidate Candidate, double Score)> picks, RankingSituation situation)
    {
        if (picks.Count == 0)
        {
            return [];
        }
        var typical = Typical.Of(candidates);
        var rows = new List<Candidate>();
        var owners = new List<(int Pick, string Factor)>();
        for (var p = 0; p < picks.Count; p++)
        {
            foreach (var factor in CandidateFactors)
            {
                if (Without(picks[p].Candidate, factor, typical) is { } changed)
                {
                    rows.Add(changed);
                    owners.Add((p, factor));
                }
            }
        }
        var features = builder.Build(rows, situation);
        var anonymous = situation.UserId is null ? null : builder.Build([.. picks.Select(p => p.Candidate)], situation with { UserId = null });
        var all = anonymous is null ? features : [.. features, .. anonymous];
        var scores = rows.Count + (anonymous is null ? 0 : picks.Count) == 0
            ? []
            : (await scorer.ScoreAsync(new RankRequest(builder.FeatureCount, all, arm))).Scores;

        var effects = picks.Select(_ => new List<(string Factor, double Effect)>()).ToArray();
        for (var r = 0; r < rows.Count; r++)
        {
            effects[owners[r].Pick].Add((owners[r].Factor, picks[owners[r].Pick].Score - scores[r]));
        }
        if (anonymous is not null)
        {
            for (var p = 0; p < picks.Count; p++)
            {
                effects[p].Add((Personal, picks[p].Score - scores[rows.Count + p]));
            }
        }
        return [.. effects.Select(e => (IReadOnlyList<string>)[.. e.Where(x => x.Effect >= MinimumEffect)
            .OrderByDescending(x => x.Effect).ThenBy(x => x.Factor, StringComparer.Ordinal).Take(MaxDrivers).Select(x => x.Factor)])];
    }

    /// <summary>The candidate with <paramref name="factor"/> taken away, or null when it has nothing to take away.</summary>
    private static Candidate? Without(Candidate candidate, string factor, Typical typical) => factor switch
    {
        Distance when candidate.DistanceMeters is not null && typical.DistanceMeters is { } meters => candidate with { DistanceMeters = meters },
        Price when candidate.Meal is { Price: > 0 } meal && typical.Price is { } price =>
            candidate with { Meal = meal with { Price = price }, Coupon = null },
        Price when candidate.Meal is null && candidate.TypicalPrice is not null && typical.Price is { } price => candidate with { TypicalPrice = price },
        // A yes/no factor sets a pick apart only when most of the turn's candidates lack it.
        OpenHours when candidate.OpenNow == true && !typical.MostlyOpen => candidate with { OpenNow = null, Shop = candidate.Shop with { Hours = null } },
        FoodMatch when candidate.FoodMatched && !typical.MostlyMatched => candidate with { FoodMatched = false },
        Popularity => candidate with { Shop = candidate.Shop with { Popularity = typical.Popularity } },
        MealCard when candidate.Shop.MealCard == MealCardAcceptance.Yes && !typical.MostlyFullCard =>
            candidate with { Shop = candidate.Shop with { MealCard = MealCardAcceptance.Partial } },
        GoodInfluence when candidate.Shop.IsGoodInfluenceShop => candidate with { Shop = candidate.Shop with { IsGoodInfluenceShop = false } },
        _ => null,
    };

    /// <summary>What the turn's candidates typically have: the reference a factor is set to when it is taken away.</summary>
    private sealed record Typical(double? DistanceMeters, int? Price, double Popularity, bool MostlyOpen, bool MostlyMatched, bool MostlyFullCard)
    {
        public static Typical Of(IReadOnlyList<Candidate> candidates) => new(
            Median(candidates.Where(c => c.DistanceMeters is not null).Select(c => c.DistanceMeters!.Value)),
            Median(candidates.Select(c => c.Meal?.Price is > 0 ? c.Meal.Price : c.TypicalPrice).Where(p => p is not null).Select(p => (double)p!.Value)) is { } price
                ? (int)Math.Round(price) : null,
            Median(candidates.Select(c => c.Shop.Popularity)) ?? 0,
            Mostly(candidates, c => c.OpenNow == true),
            Mostly(candidates, c => c.FoodMatched),
            Mostly(candidates, c => c.Shop.MealCard == MealCardAcceptance.Yes));

        private static bool Mostly(IReadOnlyList<Candidate> candidates, Func<Candidate, bool> has) => candidates.Count(has) * 2 >= candidates.Count;

        private static double? Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            return sorted.Length == 0 ? null : sorted[sorted.Length / 2];
        }
    }
}

/// <summary>
/// Diversity of the best picks: the top ones are not all shops of one chain or all of one category unless that was
/// asked (a food or dish wished for makes one category the point). When the best list would be uniform, its last
/// place goes to the best candidate that breaks the uniformity, if any exists.
/// </summary>
public static class PickDiversity
{
    public static IReadOnlyList<int> Choose(IReadOnlyList<int> ordered, IReadOnlyList<Candidate> candidates, int count, bool categoryAsked)
    {
        var top = ordered.Take(count).ToList();
        if (top.Count < 2 || top.Count < count)
        {
            return top;
        }
        var head = top[..^1];
        bool Uniform(Func<Candidate, string> key, int last) => head.Append(last).Select(i => key(candidates[i])).Distinct(StringComparer.Ordinal).Count() == 1;
        bool Breaks(int i) => !Uniform(ChainOf, i) && (categoryAsked || !Uniform(CategoryOf, i));
        if (Breaks(top[^1]))
        {
            return top;
        }
        foreach (var i in ordered.Skip(count))
        {
            if (Breaks(i))
            {
                return [.. head, i];
            }
        }
        return top;
    }

    private static string CategoryOf(Candidate candidate) => candidate.Shop.Category.ToString();

    /// <summary>
    /// The chain a shop belongs to, from its name: "김밥천국 역삼점" and "김밥천국 강남역점" are one chain ("김밥천국"). A name
    /// without a branch word is its own chain. Lists carry no brand column, so the name is all there is.
    /// </summary>
    public static string ChainOf(Candidate candidate)
    {
        var name = candidate.Shop.Name.Trim();
        var paren = name.IndexOf('(', StringComparison.Ordinal);
        if (paren > 0)
        {
            name = name[..paren].TrimEnd();
        }
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 1 && words[^1].EndsWith('점') ? string.Join(' ', words[..^1]) : name;
    }
}
