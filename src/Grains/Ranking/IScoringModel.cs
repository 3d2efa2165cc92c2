namespace Naviyam.Ranking;

/// <summary>A scorer over the <see cref="RankingFeatures"/> matrix: the heuristic now, a learned model later.</summary>
public interface IScoringModel
{
    string Version { get; }

    /// <summary>Scores <c>features.Length / featureCount</c> rows into <paramref name="scores"/>.</summary>
    void Score(ReadOnlySpan<float> features, int featureCount, Span<float> scores);
}

public static class ScoringModelExtensions
{
    /// <summary>Scores a whole request, however it arrived (through <see cref="RankerGrain"/> or in process).</summary>
    public static RankResult Score(this IScoringModel model, RankRequest request)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(request);
        if (request.FeatureCount <= 0 || request.Features.Length % request.FeatureCount != 0)
        {
            throw new ArgumentException("The feature matrix does not divide into whole rows.", nameof(request));
        }
        var scores = new float[request.Features.Length / request.FeatureCount];
        model.Score(request.Features, request.FeatureCount, scores);
        return new RankResult(scores, model.Version);
    }
}

/// <summary>
/// A transparent weighted sum: whether the shop is open and serves what was asked for matters most,
/// then distance and budget fit. Easy to explain to a parent, and a baseline for any learned model.
/// </summary>
public sealed class HeuristicScoringModel : IScoringModel
{
    private static readonly float[] Weights = CreateWeights();

    public string Version => "heuristic-1";

    public void Score(ReadOnlySpan<float> features, int featureCount, Span<float> scores)
    {
        if (featureCount != RankingFeatures.Count)
        {
            throw new ArgumentException($"Expected {RankingFeatures.Count} features per row, got {featureCount}.", nameof(featureCount));
        }
        var total = Weights.Sum();
        for (var row = 0; row < scores.Length; row++)
        {
            var rowFeatures = features.Slice(row * featureCount, featureCount);
            var sum = 0f;
            for (var i = 0; i < featureCount; i++)
            {
                sum += rowFeatures[i] * Weights[i];
            }
            scores[row] = sum / total;
        }
    }

    private static float[] CreateWeights()
    {
        var weights = new float[RankingFeatures.Count];
        weights[RankingFeatures.BudgetFit] = 1.0f;
        weights[RankingFeatures.OpenNow] = 1.5f;
        weights[RankingFeatures.MealCard] = 0.5f;
        weights[RankingFeatures.Nearness] = 1.2f;
        weights[RankingFeatures.Popularity] = 0.6f;
        weights[RankingFeatures.FoodMatch] = 1.5f;
        weights[RankingFeatures.PriceKnown] = 0.5f;
        weights[RankingFeatures.GoodInfluence] = 0.2f;
        return weights;
    }
}
