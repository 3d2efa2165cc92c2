using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Naviyam.Lexicons;

namespace Naviyam.Embeddings;

public static class SemanticRetrievalServiceCollectionExtensions
{
    /// <summary>
    /// Registers the text encoder (<c>data/models/embedder/encoder.onnx</c>, or <paramref name="modelPath"/>) as
    /// <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> behind the embedding cache, the catalog's vector index, the
    /// query cache, <see cref="HybridScorer"/> and <see cref="SemanticSearch"/>. The caches use the L3 stores
    /// (<see cref="IEmbeddingStore"/>, <see cref="IRagQueryStore"/>) when the storage mode registered them. Call after
    /// <c>AddNaviyamGrainServices</c> (the catalog, the memory cache and the data paths). Without the model file nothing
    /// is registered, and retrieval stays lexical.
    /// </summary>
    public static IServiceCollection AddNaviyamSemanticRetrieval(this IServiceCollection services, IConfiguration configuration, string? modelPath = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var path = modelPath ?? TextEncoder.PathIn(configuration.GetSection(DataPaths.Section).Get<DataPaths>() ?? new DataPaths());
        if (!File.Exists(path))
        {
            return services;
        }
        services.AddOptions<SemanticRetrievalOptions>().Bind(configuration.GetSection(SemanticRetrievalOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => TextEncoder.Load(path));
        services.TryAddSingleton(sp => new OnnxEmbeddingGenerator(sp.GetRequiredService<TextEncoder>()));
        services.TryAddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(sp => new CachedEmbeddingGenerator(
            sp.GetRequiredService<OnnxEmbeddingGenerator>(),
            sp.GetRequiredService<IMemoryCache>(),
            sp.GetService<IEmbeddingStore>(),
            new CacheCounters(sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), "embedding_cache")));
        services.TryAddSingleton<CatalogVectorIndex>();
        services.TryAddSingleton(sp => new QueryResultCache(
            sp.GetRequiredService<IMemoryCache>(),
            sp.GetService<IRagQueryStore>(),
            sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<SemanticRetrievalOptions>>()));
        services.TryAddSingleton<HybridScorer>();
        services.TryAddSingleton<SemanticSearch>();
        return services;
    }
}
