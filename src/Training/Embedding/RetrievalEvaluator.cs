using System.Text.Json.Serialization;

namespace Naviyam.Training.Embedding;

/// <summary>Ranking figures of one group of queries: recall@10 (share with a right answer in the top 10) and MRR.</summary>
public sealed record RetrievalScore(
    [property: JsonPropertyName("queries")] int Queries,
    [property: JsonPropertyName("recall_at_10")] double RecallAt10,
    [property: JsonPropertyName("mrr")] double Mrr);

/// <summary>The encoder alone, the TF-IDF baseline alone, and the two fused (what serving uses) on one group of queries.</summary>
public sealed record RetrievalComparison(
    [property: JsonPropertyName("encoder")] RetrievalScore Encoder,
    [property: JsonPropertyName("tfidf_baseline")] RetrievalScore Baseline,
    [property: JsonPropertyName("hybrid")] RetrievalScore Hybrid);

/// <summary>
/// Ranks the candidates for every held-out query by a similarity and scores where the first right answer lands. The rank
/// counts the candidates scoring strictly higher, so ties do not flatter either side.
/// </summary>
public static class RetrievalEvaluator
{
    public const int K = 10;

    /// <summary>Scores per query source ("spelling", "menu", "corpus", "wish", "similar") and over all queries ("all").</summary>
    public static IReadOnlyDictionary<string, RetrievalScore> Evaluate(
        IReadOnlyList<EvaluationQuery> queries, IReadOnlyList<string> candidates, Func<int, int, double> similarity)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(similarity);
        var ranks = new int[queries.Count];
        var scores = new double[candidates.Count];
        for (var q = 0; q < queries.Count; q++)
        {
            for (var c = 0; c < candidates.Count; c++)
            {
                scores[c] = candidates[c] == queries[q].Excluded ? double.NegativeInfinity : similarity(q, c);
            }
            var best = double.NegativeInfinity;
            for (var c = 0; c < candidates.Count; c++)
            {
                if (queries[q].Relevant.Contains(candidates[c]))
                {
                    best = Math.Max(best, scores[c]);
                }
            }
            ranks[q] = 1 + scores.Count(s => s > best);
        }
        var result = new SortedDictionary<string, RetrievalScore>(StringComparer.Ordinal);
        foreach (var group in Enumerable.Range(0, queries.Count).GroupBy(q => queries[q].Source))
        {
            result[group.Key] = Score(group.Select(q => ranks[q]).ToArray());
        }
        result["all"] = Score(ranks);
        return result;
    }

    /// <summary>The mean MRR of the sources, each source counting once whatever its size: what the hybrid weight is chosen by.</summary>
    public static double MacroMrr(IReadOnlyDictionary<string, RetrievalScore> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        return scores.Where(p => p.Key != "all").Average(p => p.Value.Mrr);
    }

    private static RetrievalScore Score(int[] ranks) => ranks.Length == 0
        ? new RetrievalScore(0, 0, 0)
        : new RetrievalScore(ranks.Length, Math.Round(ranks.Count(r => r <= K) / (double)ranks.Length, 4), Math.Round(ranks.Average(r => 1.0 / r), 4));
}
