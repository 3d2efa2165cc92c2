namespace Naviyam.Ranking;

/// <summary>
/// Where a turn's feature matrix is scored. The served path is <see cref="RankerGrainScorer"/>; the model itself
/// (<see cref="IScoringModel"/>: the heuristic or the Wide&amp;Deep model, by the request's arm) is the same either way.
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

/// <summary>
/// Scores on the caller's thread with the models directly: for hosts without grains (tools, unit tests). One model
/// serves every request; with a map, each arm's model serves its requests.
/// </summary>
public sealed class InProcessScorer : IFeatureScorer
{
    private readonly IScoringModel fallback;
    private readonly IReadOnlyDictionary<RankingArm, IScoringModel> byArm;

    public InProcessScorer(IScoringModel model)
    {
        fallback = model;
        byArm = new Dictionary<RankingArm, IScoringModel>();
    }

    public InProcessScorer(IReadOnlyDictionary<RankingArm, IScoringModel> models)
    {
        byArm = models;
        fallback = models[RankingArm.Heuristic];
    }

    public Task<RankResult> ScoreAsync(RankRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var model = request.Arm is { } arm && byArm.TryGetValue(arm, out var armModel) ? armModel : fallback;
        return Task.FromResult(model.Score(request));
    }
}
