using Orleans.Concurrency;

namespace Naviyam.Ranking;

/// <summary>
/// Stateless worker: activations are created on the calling silo as load demands, so a turn's scoring
/// stays local and scales with the cores of every silo.
/// </summary>
[StatelessWorker]
public sealed class RankerGrain(IScoringModel model) : Grain, IRankerGrain
{
    Task<RankResult> IRankerGrain.ScoreAsync(RankRequest request) => Task.FromResult(model.Score(request));
}
