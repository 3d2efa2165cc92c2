using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Naviyam.Ranking;

public static class WideDeepRankingServiceCollectionExtensions
{
    /// <summary>
    /// Makes the trained Wide&amp;Deep ranker the <see cref="IScoringModel"/>, with its <see cref="IRankingFeatureBuilder"/>,
    /// when the model file exists; otherwise the registered heuristic and its features stay (turns then log the
    /// "heuristic-1" model version). Call after <c>AddNaviyamGrainServices</c>. The model is scoped, so every
    /// <see cref="RankerGrain"/> activation gets its own ONNX Runtime session, disposed with the activation; the file is
    /// read once per silo.
    /// </summary>
    public static IServiceCollection AddWideDeepRanking(this IServiceCollection services, string modelPath)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(modelPath);
        if (!File.Exists(modelPath))
        {
            return services;
        }
        services.TryAddSingleton(_ => WideDeepModelFile.Load(modelPath));
        services.Replace(ServiceDescriptor.Scoped<IScoringModel>(sp => new OnnxWideDeepScoringModel(sp.GetRequiredService<WideDeepModelFile>())));
        services.Replace(ServiceDescriptor.Singleton<IRankingFeatureBuilder, WideDeepFeatureBuilder>());
        return services;
    }
}
