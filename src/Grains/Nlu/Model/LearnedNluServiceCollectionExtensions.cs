using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Naviyam.Lexicons;

namespace Naviyam.Nlu.Model;

public static class LearnedNluServiceCollectionExtensions
{
    /// <summary>
    /// Makes <see cref="LearnedNluEngine"/> the <see cref="INluEngine"/> when the model file exists (default
    /// <see cref="IntentModel.DefaultPath"/>); otherwise the registered rule engine stays, which the logged
    /// model version ("rules-1" instead of "fasttext-…") makes visible. Call after
    /// <c>AddNaviyamGrainServices</c>, which registers the lexicons and the entity extractor.
    /// </summary>
    public static IServiceCollection AddLearnedNlu(this IServiceCollection services, string? modelPath = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var path = modelPath ?? IntentModel.DefaultPath;
        if (!File.Exists(path))
        {
            return services;
        }
        // The featurizer gets its own base food lexicon: the shared one learns the catalog's menu names,
        // which the model never saw in training.
        services.TryAddSingleton(sp => IntentModel.Load(
            path, sp.GetRequiredService<CueLexicon>(), FoodLexicon.Load(sp.GetRequiredService<IOptions<DataPaths>>().Value.Lexicon("foods.json"))));
        services.TryAddSingleton(sp => new LearnedNluEngine(
            sp.GetRequiredService<IntentModel>(),
            sp.GetRequiredService<EntityExtractor>(),
            sp.GetRequiredService<CueLexicon>(),
            sp.GetService<IMeterFactory>()));
        services.Replace(ServiceDescriptor.Singleton<INluEngine>(sp => sp.GetRequiredService<LearnedNluEngine>()));
        return services;
    }
}
