using Orleans.Concurrency;

namespace Naviyam.Ranking;

/// <summary>
/// Stateless worker: activations are created on the calling silo as load demands, so a turn's scoring
/// stays local and scales with the cores of every silo.
/// </summary>
[StatelessWorker]
public sealed class RankerGrain(IScoringModel model) : Grain, IRankerGrain
{
    Task<RankResult> IRankerGrain.ScoreAsync(RankRequest request)
    {
        if (request.FeatureCount <= 0 || request.Features.Length % request.FeatureCount != 0)
        {
            throw new ArgumentException("The feature matrix does not divide into whole rows.", nameof(request));
        }
        var scores = new float[request.Features.Length / request.FeatureCount];
        model.Score(request.Features, request.FeatureCount, scores);
        return Task.FromResult(new RankResult(scores, model.Version));
    }
}
