using Microsoft.Extensions.DependencyInjection;
using Orleans.Concurrency;

namespace Naviyam.Ranking;

/// <summary>
/// Stateless worker: activations are created on the calling silo as load demands, so a turn's scoring
/// stays local and scales with the cores of every silo. Each arm's model comes from the activation's own service
/// scope, so the Wide&amp;Deep model (scoped) is one ONNX Runtime session per activation, disposed with it.
/// </summary>
[StatelessWorker]
public sealed class RankerGrain(IServiceProvider services) : Grain, IRankerGrain
{
    private readonly IScoringModel?[] models = new IScoringModel?[Enum.GetValues<RankingArm>().Length];

    Task<RankResult> IRankerGrain.ScoreAsync(RankRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.FromResult(ModelFor(request.Arm).Score(request));
    }

    private IScoringModel ModelFor(RankingArm? arm)
    {
        if (arm is not { } chosen)
        {
            return services.GetRequiredService<IScoringModel>();
        }
        return models[(int)chosen] ??= services.GetKeyedService<IScoringModel>(chosen)
            ?? throw new ArgumentException($"The {chosen} arm is not served by this silo.", nameof(arm));
    }
}
