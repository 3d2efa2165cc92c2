using System.ComponentModel.DataAnnotations;

namespace Naviyam.Embeddings;

/// <summary>Bound from <c>Naviyam:SemanticRetrieval</c>: how vector similarity joins retrieval, and how long results are cached.</summary>
public sealed class SemanticRetrievalOptions
{
    public const string Section = "Naviyam:SemanticRetrieval";

    /// <summary>Weight of the lexical score in the hybrid score; the vector similarity gets the rest.</summary>
    [Range(0.0, 1.0)]
    public double LexicalWeight { get; set; } = 0.5;

    /// <summary>A vector match below this cosine is no match at all (unrelated texts of this encoder score about 0–0.2; free wishes reach their dishes at 0.25–0.5).</summary>
    [Range(-1.0, 1.0)]
    public double MinimumSimilarity { get; set; } = 0.2;

    /// <summary>How long a hybrid retrieval result stays fresh (the spec's rag_query_cache TTL: one hour).</summary>
    [Range(1, 86_400)]
    public int QueryCacheTtlSeconds { get; set; } = 3_600;
}
