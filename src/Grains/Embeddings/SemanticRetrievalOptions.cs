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

    /// <summary>
    /// A menu of the catalog joins a free wish's (or an unknown menu name's) preference from this hybrid similarity to
    /// it. Set by looking at examples, not on a split: wishes reach their best menus at 0.18–0.31, and a text of no
    /// particular wish reaches some menu at up to 0.22, which is why <see cref="WishRecognizer"/> decides first whether
    /// a text is a wish at all.
    /// </summary>
    [Range(-1.0, 1.0)]
    public double WishMenuSimilarity { get; set; } = 0.15;

    /// <summary>How many of the catalog's nearest menu names a free wish prefers.</summary>
    [Range(1, 200)]
    public int WishMenus { get; set; } = 20;

    /// <summary>
    /// A dish sold is offered for an asked dish nobody eligible serves from this hybrid similarity (set on examples: 콩국수
    /// reaches 물냉면 at 0.12, unrelated dishes stay under 0.1).
    /// </summary>
    [Range(-1.0, 1.0)]
    public double SimilarDishSimilarity { get; set; } = 0.1;

    /// <summary>How many of the nearest dishes sold are offered for an asked dish nobody eligible serves.</summary>
    [Range(1, 50)]
    public int SimilarDishes { get; set; } = 5;

    /// <summary>How long a hybrid retrieval result stays fresh (the spec's rag_query_cache TTL: one hour).</summary>
    [Range(1, 86_400)]
    public int QueryCacheTtlSeconds { get; set; } = 3_600;
}
