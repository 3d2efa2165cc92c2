namespace Naviyam.Ranking;

/// <summary>
/// Where a turn's feature matrix is scored. The served path is <see cref="RankerGrainScorer"/>; the model itself
/// (<see cref="IScoringModel"/>: the heuristic today, a learned model later) is the same either way.
/// </summary>
public interface IFeatureScorer
{
    Task<RankResult> ScoreAsync(RankRequest request);
}

/// <summary>
/// Scores through <see cref="RankerGrain"/>, a stateless worker: its activations run on the calling silo and grow
/// with load, so a turn's scoring stays local while the model's work is spread over the silo's cores.
/// </summary>
public sealed class RankerGrainScorer(IGrainFactory grains) : IFeatureScorer
{
    public Task<RankResult> ScoreAsync(RankRequest request) => grains.GetGrain<IRankerGrain>(0).ScoreAsync(request);
}

/// <summary>Scores on the caller's thread with the model directly: for hosts without grains (tools, unit tests).</summary>
public sealed class InProcessScorer(IScoringModel model) : IFeatureScorer
{
    public Task<RankResult> ScoreAsync(RankRequest request) => Task.FromResult(model.Score(request));
}
