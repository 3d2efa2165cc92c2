using Naviyam.Retrieval;

namespace Naviyam.Ranking;

/// <summary>
/// Builds the feature matrix that the registered <see cref="IScoringModel"/> reads: each model has its own columns,
/// so the builder and the model are registered together (the heuristic's by default, the Wide&amp;Deep pair by
/// <see cref="WideDeepRankingServiceCollectionExtensions.AddWideDeepRanking"/>).
/// </summary>
public interface IRankingFeatureBuilder
{
    /// <summary>Columns per row, as <see cref="RankRequest.FeatureCount"/>.</summary>
    int FeatureCount { get; }

    /// <summary>One row per candidate, in candidate order.</summary>
    float[] Build(IReadOnlyList<Candidate> candidates, RankingSituation situation);
}

/// <summary>The heuristic's <see cref="RankingFeatures"/>: it reads only the budget of the situation.</summary>
public sealed class HeuristicFeatureBuilder : IRankingFeatureBuilder
{
    public int FeatureCount => RankingFeatures.Count;

    public float[] Build(IReadOnlyList<Candidate> candidates, RankingSituation situation)
    {
        ArgumentNullException.ThrowIfNull(situation);
        return RankingFeatures.Build(candidates, situation.BudgetCap);
    }
}

/// <summary>The Wide&amp;Deep ranker's <see cref="WideDeepFeatures"/>.</summary>
public sealed class WideDeepFeatureBuilder : IRankingFeatureBuilder
{
    public int FeatureCount => WideDeepFeatures.Count;

    public float[] Build(IReadOnlyList<Candidate> candidates, RankingSituation situation) => WideDeepFeatures.Build(candidates, situation);
}
