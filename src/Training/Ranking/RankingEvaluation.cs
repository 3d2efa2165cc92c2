using System.Text.Json.Serialization;
using Naviyam.Ranking;
using Naviyam.Retrieval;

namespace Naviyam.Training.Ranking;

/// <summary>Today's served ranker as a baseline: <see cref="RankingFeatures"/> scored by <see cref="HeuristicScoringModel"/>.</summary>
public static class HeuristicBaseline
{
    private static readonly HeuristicScoringModel Model = new();

    public static float[] Scores(IReadOnlyList<Candidate> candidates, int? budgetCap)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var scores = new float[candidates.Count];
        Model.Score(RankingFeatures.Build(candidates, budgetCap), RankingFeatures.Count, scores);
        return scores;
    }

    /// <summary>Candidate indices best first, ties by shop id, as <see cref="Ranker"/> orders them.</summary>
    public static int[] Order(IReadOnlyList<Candidate> candidates, int? budgetCap) =>
        RankingMetrics.Order(Scores(candidates, budgetCap), candidates);
}

/// <summary>nDCG@10 and AUC of one session's scores, with the pick as the one relevant candidate.</summary>
public static class RankingMetrics
{
    public const int Cutoff = 10;

    /// <summary>Indices best first; equal scores by shop id (ordinal), exactly as the served ranker breaks ties.</summary>
    public static int[] Order(IReadOnlyList<float> scores, IReadOnlyList<Candidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(candidates);
        var order = Enumerable.Range(0, candidates.Count).ToArray();
        Array.Sort(order, (a, b) => scores[a] != scores[b] ? scores[b].CompareTo(scores[a]) : string.CompareOrdinal(candidates[a].Shop.Id, candidates[b].Shop.Id));
        return order;
    }

    /// <summary>1 / log2(1 + rank) when the pick ranks in the top 10 (ties broken as <see cref="Order"/> does), else 0.</summary>
    public static double NdcgAt10(IReadOnlyList<float> scores, IReadOnlyList<Candidate> candidates, int chosen)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(candidates);
        var rank = 1;
        var chosenScore = scores[chosen];
        var chosenId = candidates[chosen].Shop.Id;
        for (var i = 0; i < scores.Count; i++)
        {
            if (i != chosen && (scores[i] > chosenScore || scores[i] == chosenScore && string.CompareOrdinal(candidates[i].Shop.Id, chosenId) < 0))
            {
                rank++;
            }
        }
        return rank <= Cutoff ? 1 / Math.Log2(1 + rank) : 0;
    }

    /// <summary>The share of other candidates scored below the pick (ties count half).</summary>
    public static double Auc(IReadOnlyList<float> scores, int chosen)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Count < 2)
        {
            throw new ArgumentException("AUC needs at least two candidates.", nameof(scores));
        }
        double below = 0;
        for (var i = 0; i < scores.Count; i++)
        {
            if (i != chosen)
            {
                below += scores[i] < scores[chosen] ? 1 : scores[i] == scores[chosen] ? 0.5 : 0;
            }
        }
        return below / (scores.Count - 1);
    }
}

/// <summary>One ranker's figures on the held-out sessions.</summary>
public sealed record RankerFigures(
    [property: JsonPropertyName("ranker")] string Ranker,
    [property: JsonPropertyName("ndcg_at_10")] double NdcgAt10,
    [property: JsonPropertyName("auc")] double Auc,
    [property: JsonPropertyName("sessions")] int Sessions);

/// <summary>The Wide&amp;Deep model against one baseline, session by session: mean difference and its standard error.</summary>
public sealed record PairedDifference(
    [property: JsonPropertyName("baseline")] string Baseline,
    [property: JsonPropertyName("ndcg_at_10_gain")] double NdcgGain,
    [property: JsonPropertyName("ndcg_at_10_se")] double NdcgStandardError,
    [property: JsonPropertyName("auc_gain")] double AucGain,
    [property: JsonPropertyName("auc_se")] double AucStandardError)
{
    /// <summary>The ship rule: both gains positive with the lower end of their 95 % interval above zero.</summary>
    [JsonPropertyName("significant")]
    public bool Significant => NdcgGain - 1.96 * NdcgStandardError > 0 && AucGain - 1.96 * AucStandardError > 0;
}

/// <summary>Scores every held-out session with several rankers and compares them session by session.</summary>
public sealed class RankingEvaluation
{
    private readonly IReadOnlyList<EvaluationSession> sessions;
    private readonly Dictionary<string, (double[] Ndcg, double[] Auc)> results = new(StringComparer.Ordinal);
    private readonly List<string> order = [];
    private readonly HashSet<string> references = new(StringComparer.Ordinal);

    public RankingEvaluation(IReadOnlyList<EvaluationSession> sessions)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        if (sessions.Count == 0)
        {
            throw new ArgumentException("No held-out sessions to evaluate on.", nameof(sessions));
        }
        this.sessions = sessions;
    }

    public const string Popularity = "popularity";
    public const string Heuristic = "heuristic";
    public const string WideOnly = "wide-only (logistic)";
    public const string WideAndDeep = "wide&deep";
    public const string Oracle = "oracle (the simulation's own utilities)";

    /// <summary>
    /// Scores each session with <paramref name="scorer"/> (one score per candidate) and records nDCG@10 and AUC. A
    /// <paramref name="reference"/> row is reported but never compared with (it is not a ranker one could serve).
    /// </summary>
    public void Add(string ranker, Func<EvaluationSession, float[]> scorer, bool reference = false)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        var ndcg = new double[sessions.Count];
        var auc = new double[sessions.Count];
        for (var i = 0; i < sessions.Count; i++)
        {
            var session = sessions[i];
            var scores = scorer(session);
            if (scores.Length != session.Candidates.Count)
            {
                throw new InvalidOperationException($"{ranker} gave {scores.Length} scores for {session.Candidates.Count} candidates.");
            }
            ndcg[i] = RankingMetrics.NdcgAt10(scores, session.Candidates, session.Chosen);
            auc[i] = RankingMetrics.Auc(scores, session.Chosen);
        }
        results[ranker] = (ndcg, auc);
        order.Add(ranker);
        if (reference)
        {
            references.Add(ranker);
        }
    }

    /// <summary>The two baselines that need no training: shop popularity and today's heuristic.</summary>
    public void AddUntrainedBaselines()
    {
        Add(Popularity, s => s.Candidates.Select(c => (float)c.Shop.Popularity).ToArray());
        Add(Heuristic, s => HeuristicBaseline.Scores(s.Candidates, s.Situation.BudgetCap));
    }

    /// <summary>The reference row: the children's own utilities, what no model can beat on average (the picks are noisy).</summary>
    public void AddOracle() => Add(Oracle, s => s.Utilities, reference: true);

    public IReadOnlyList<RankerFigures> Figures() =>
        order.Select(name => new RankerFigures(name, Math.Round(results[name].Ndcg.Average(), 4), Math.Round(results[name].Auc.Average(), 4), sessions.Count)).ToArray();

    /// <summary><paramref name="subject"/> against every other ranker added, references excepted.</summary>
    public IReadOnlyList<PairedDifference> Against(string subject)
    {
        var (ndcg, auc) = results[subject];
        return order.Where(name => name != subject && !references.Contains(name)).Select(name =>
        {
            var (baseNdcg, baseAuc) = results[name];
            var (ndcgGain, ndcgSe) = MeanAndStandardError(ndcg, baseNdcg);
            var (aucGain, aucSe) = MeanAndStandardError(auc, baseAuc);
            return new PairedDifference(name, Math.Round(ndcgGain, 4), Math.Round(ndcgSe, 4), Math.Round(aucGain, 4), Math.Round(aucSe, 4));
        }).ToArray();
    }

    private static (double Mean, double StandardError) MeanAndStandardError(double[] subject, double[] baseline)
    {
        var n = subject.Length;
        var mean = 0.0;
        for (var i = 0; i < n; i++)
        {
            mean += subject[i] - baseline[i];
        }
        mean /= n;
        var variance = 0.0;
        for (var i = 0; i < n; i++)
        {
            var d = subject[i] - baseline[i] - mean;
            variance += d * d;
        }
        return (mean, n < 2 ? 0 : Math.Sqrt(variance / (n - 1) / n));
    }
}
