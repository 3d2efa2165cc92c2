using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Naviyam.Hosting;

namespace Naviyam.Ranking;

public static class WideDeepRankingServiceCollectionExtensions
{
    /// <summary>
    /// The heuristic ranker, the A/B test's control arm, keyed by <see cref="RankingArm.Heuristic"/> and as the default
    /// model, with the split's options. Called by <c>AddNaviyamGrainServices</c>.
    /// </summary>
    public static IServiceCollection AddHeuristicRanking(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddValidatedOptions<RankingExperimentOptions>(configuration, RankingExperimentOptions.Section);
        services.TryAddSingleton<IScoringModel, HeuristicScoringModel>();
        services.TryAddSingleton<IRankingFeatureBuilder, HeuristicFeatureBuilder>();
        services.TryAddKeyedSingleton<IScoringModel, HeuristicScoringModel>(RankingArm.Heuristic);
        services.TryAddKeyedSingleton<IRankingFeatureBuilder, HeuristicFeatureBuilder>(RankingArm.Heuristic);
        services.TryAddSingleton(RankingArms.From);
        return services;
    }

    /// <summary>
    /// Serves the trained Wide&amp;Deep ranker as the <see cref="RankingArm.WideDeep"/> arm (and the default
    /// <see cref="IScoringModel"/>), with its <see cref="IRankingFeatureBuilder"/>, when the model file exists; otherwise
    /// only the heuristic is served (every user then gets the heuristic arm and turns log the "heuristic-1" model version).
    /// Call after <c>AddNaviyamGrainServices</c>. The model is scoped, so every <see cref="RankerGrain"/> activation gets
    /// its own ONNX Runtime session, disposed with the activation; the file is read once per silo.
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
        services.TryAddKeyedScoped<IScoringModel>(RankingArm.WideDeep, (sp, _) => new OnnxWideDeepScoringModel(sp.GetRequiredService<WideDeepModelFile>()));
        services.TryAddKeyedSingleton<IRankingFeatureBuilder, WideDeepFeatureBuilder>(RankingArm.WideDeep);
        return services;
    }
}
