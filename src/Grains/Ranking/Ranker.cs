using Microsoft.Extensions.Options;
using Naviyam.Hosting;
using Naviyam.Retrieval;

namespace Naviyam.Ranking;

/// <summary>A candidate with the score the model gave it.</summary>
public sealed record ScoredCandidate(Candidate Candidate, double Score);

/// <summary>The best candidates of a turn, best first, and the version of the model that scored them.</summary>
public sealed record RankedShops(IReadOnlyList<ScoredCandidate> Top, string ModelVersion)
{
    /// <summary>Nothing to rank: no model was asked.</summary>
    public static RankedShops None { get; } = new([], "none");
}

/// <summary>
/// The ranking stage: builds the <see cref="RankingFeatures"/> matrix of a turn's candidates, has it scored in one
/// batch (by whatever <see cref="IFeatureScorer"/> serves the model), and keeps the best
/// <see cref="RecommendationOptions.MaxResults"/>. Ties go to the nearer shop, then the shop id, so equal scores always
/// list alike.
/// </summary>
public sealed class Ranker(IFeatureScorer scorer, IOptions<RecommendationOptions> options)
{
    public async Task<RankedShops> RankAsync(IReadOnlyList<Candidate> candidates, int? budgetCap)
    {
        if (candidates.Count == 0)
        {
            return RankedShops.None;
        }
        var features = RankingFeatures.Build(candidates, budgetCap);
        var result = await scorer.ScoreAsync(new RankRequest(RankingFeatures.Count, features));
        var top = Enumerable.Range(0, candidates.Count)
            .OrderByDescending(i => result.Scores[i])
            .ThenBy(i => candidates[i].DistanceMeters ?? double.MaxValue)
            .ThenBy(i => candidates[i].Shop.Id, StringComparer.Ordinal)
            .Take(options.Value.MaxResults)
            .Select(i => new ScoredCandidate(candidates[i], result.Scores[i]))
            .ToArray();
        return new RankedShops(top, result.ModelVersion);
    }
}
