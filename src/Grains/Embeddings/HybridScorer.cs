using Microsoft.Extensions.Options;

namespace Naviyam.Embeddings;

/// <summary>A candidate retrieval already made eligible, with its lexical score (1 = the lexicon named its dish; 0 = nothing).</summary>
public readonly record struct LexicalCandidate(string ShopId, double Lexical);

/// <summary>
/// Joins the lexical score and the vector similarity of candidates that retrieval has already filtered:
/// <c>w · lexical + (1 − w) · vector</c>, where the vector part is the cosine rescaled from
/// [<see cref="SemanticRetrievalOptions.MinimumSimilarity"/>, 1] to [0, 1] (below the minimum it is 0, so an unrelated
/// shop gains nothing from a weak cosine). Pure and thread-safe.
/// </summary>
public sealed class HybridScorer(IOptions<SemanticRetrievalOptions> options)
{
    private readonly double lexicalWeight = options.Value.LexicalWeight;
    private readonly double minimum = options.Value.MinimumSimilarity;

    public double VectorPart(double similarity) =>
        similarity <= minimum ? 0 : Math.Min(1, (similarity - minimum) / (1 - minimum));

    public double Score(double lexical, double similarity) =>
        lexicalWeight * Math.Clamp(lexical, 0, 1) + (1 - lexicalWeight) * VectorPart(similarity);

    /// <summary>
    /// The candidates best first by hybrid score (ties: higher lexical, then shop id), each with its best-matching menu.
    /// Candidates the snapshot does not hold keep their lexical part alone.
    /// </summary>
    /// <param name="similarities">The query's similarity with every row of the snapshot (<see cref="CatalogVectorSnapshot.Similarities"/>).</param>
    public IReadOnlyList<RetrievedDocument> Rank(IEnumerable<LexicalCandidate> candidates, CatalogVectorSnapshot snapshot, float[] similarities)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(snapshot);
        var ranked = new List<RetrievedDocument>();
        foreach (var candidate in candidates)
        {
            var match = snapshot.BestMatch(similarities, candidate.ShopId);
            var similarity = match?.Similarity ?? 0f;
            ranked.Add(new RetrievedDocument(candidate.ShopId, match?.Menu?.Name, Score(candidate.Lexical, similarity), candidate.Lexical, similarity));
        }
        return ranked
            .OrderByDescending(d => d.Score).ThenByDescending(d => d.Lexical).ThenBy(d => d.ShopId, StringComparer.Ordinal)
            .ToArray();
    }
}
