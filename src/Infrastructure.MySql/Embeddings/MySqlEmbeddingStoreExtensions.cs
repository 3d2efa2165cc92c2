using Microsoft.Extensions.DependencyInjection;
using Naviyam.Embeddings;

namespace Naviyam.Infrastructure.MySql.Embeddings;

public static class MySqlEmbeddingStoreExtensions
{
    /// <summary>
    /// The L3 levels of the embedding and query caches (<c>embedding_cache</c>, <c>rag_query_cache</c>). Call after
    /// <c>AddNaviyamMySqlStores</c> (it registers the data source) and before <c>AddNaviyamSemanticRetrieval</c>.
    /// </summary>
    public static IServiceCollection AddNaviyamMySqlEmbeddingStores(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<IEmbeddingStore, MySqlEmbeddingStore>();
        services.AddSingleton<IRagQueryStore, MySqlRagQueryStore>();
        return services;
    }
}
