using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Naviyam.Hosting;
using Naviyam.Lexicons;

namespace Naviyam.Embeddings;

public static class SemanticRetrievalServiceCollectionExtensions
{
    /// <summary>
    /// Registers the text encoder (<c>data/models/embedder/encoder.onnx</c>, or <paramref name="modelPath"/>) as
    /// <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> behind the embedding cache, the catalog's vector index, the
    /// query cache, <see cref="HybridScorer"/>, <see cref="SemanticSearch"/> and the turn's hook
    /// <see cref="SemanticCandidates"/>. The caches use the L3 stores
    /// (<see cref="IEmbeddingStore"/>, <see cref="IRagQueryStore"/>) when the storage mode registered them. Call after
    /// <c>AddNaviyamGrainServices</c> (the catalog, the memory cache and the data paths). Without the model file nothing
    /// is registered, and retrieval stays lexical.
    /// </summary>
    public static IServiceCollection AddNaviyamSemanticRetrieval(this IServiceCollection services, IConfiguration configuration, string? modelPath = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var dataPaths = configuration.GetSection(DataPaths.Section).Get<DataPaths>() ?? new DataPaths();
        var path = modelPath ?? TextEncoder.PathIn(dataPaths);
        if (!File.Exists(path))
        {
            return services;
        }
        services.AddValidatedOptions<SemanticRetrievalOptions>(configuration, SemanticRetrievalOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => TextEncoder.Load(path));
        // The TF-IDF half of the hybrid similarity, written beside the encoder with the weight chosen on the dev split.
        var lexicalPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, TfIdfVectorizer.FileName);
        services.TryAddSingleton(_ => File.Exists(lexicalPath) ? TfIdfVectorizer.Load(lexicalPath) : new TfIdfVectorizer([]));
        services.TryAddSingleton(sp => new OnnxEmbeddingGenerator(sp.GetRequiredService<TextEncoder>()));
        services.TryAddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(sp => new CachedEmbeddingGenerator(
            sp.GetRequiredService<OnnxEmbeddingGenerator>(),
            sp.GetRequiredService<IMemoryCache>(),
            sp.GetService<IEmbeddingStore>(),
            new CacheCounters(sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), "embedding_cache")));
        // The catalog's documents are embedded once per snapshot and kept in it: straight from the encoder, so that a
        // city's menus neither crowd the silo's memory cache nor fill embedding_cache (queries go through both).
        services.TryAddSingleton(sp => new CatalogVectorIndex(
            sp.GetRequiredService<Naviyam.Catalog.IShopCatalog>(),
            sp.GetRequiredService<OnnxEmbeddingGenerator>(),
            sp.GetRequiredService<TfIdfVectorizer>(),
            sp.GetService<Microsoft.Extensions.Logging.ILogger<CatalogVectorIndex>>()));
        services.TryAddSingleton(sp => new QueryResultCache(
            sp.GetRequiredService<IMemoryCache>(),
            sp.GetService<IRagQueryStore>(),
            sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<SemanticRetrievalOptions>>()));
        services.TryAddSingleton<HybridScorer>();
        services.TryAddSingleton<SemanticSearch>();
        var wishesPath = Path.Combine(dataPaths.Root, "embedding", "wishes.json");
        services.TryAddSingleton(sp => new WishRecognizer(
            sp.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>(),
            sp.GetRequiredService<TfIdfVectorizer>(),
            File.Exists(wishesPath) ? [.. WishFile.Load(wishesPath).SelectMany(w => w.Phrases)] : []));
        services.TryAddSingleton<SemanticCandidates>();
        return services;
    }
}
