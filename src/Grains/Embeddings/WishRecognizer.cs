using Microsoft.Extensions.AI;

namespace Naviyam.Embeddings;

/// <summary>
/// Tells a free wish ("비 오니까 뜨끈한 게 땡겨", "든든한 거") from a request that wishes for nothing in particular
/// ("근처 맛집 추천해줘", "아무거나 괜찮아"): a text is a wish when its hybrid similarity to the nearest phrasing of the
/// team's wishes (<c>data/embedding/wishes.json</c>) reaches the threshold the trainer chose on the dev split
/// (<see cref="TfIdfVectorizer.WishThreshold"/>). Without a threshold nothing is a wish. Thread-safe.
/// </summary>
public sealed class WishRecognizer
{
    private readonly IEmbeddingGenerator<string, Embedding<float>> generator;
    private readonly TfIdfVectorizer lexical;
    private readonly IReadOnlyList<string> phrases;
    // The phrasings are embedded once, on first use (again after a failure, which is not kept).
    private Task<(float[][] Vectors, Dictionary<string, double>[] Grams)>? anchors;

    public WishRecognizer(IEmbeddingGenerator<string, Embedding<float>> generator, TfIdfVectorizer lexical, IReadOnlyList<string> phrases)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(lexical);
        ArgumentNullException.ThrowIfNull(phrases);
        (this.generator, this.lexical, this.phrases) = (generator, lexical, phrases);
    }

    /// <summary>The similarity of the text to the nearest wish phrasing (−1 when there are none).</summary>
    public async Task<double> NearestAsync(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (phrases.Count == 0)
        {
            return -1;
        }
        var pending = Volatile.Read(ref anchors);
        if (pending is null || pending.IsFaulted || pending.IsCanceled)
        {
            pending = EmbedAnchorsAsync();
            Volatile.Write(ref anchors, pending);
        }
        var (vectors, grams) = await pending.ConfigureAwait(false);
        var vector = await generator.GenerateVectorAsync(text, cancellationToken: cancellationToken).ConfigureAwait(false);
        var textGrams = lexical.Vector(text);
        var best = -1.0;
        for (var i = 0; i < vectors.Length; i++)
        {
            best = Math.Max(best, lexical.Fuse(TfIdfVectorizer.Cosine(textGrams, grams[i]), VectorIndex.Dot(vector.Span, vectors[i])));
        }
        return best;
    }

    /// <summary>The text is a wish by the dev-chosen threshold.</summary>
    public async Task<bool> IsWishAsync(string text, CancellationToken cancellationToken = default) =>
        lexical.WishThreshold is { } threshold && await NearestAsync(text, cancellationToken).ConfigureAwait(false) >= threshold;

    private async Task<(float[][] Vectors, Dictionary<string, double>[] Grams)> EmbedAnchorsAsync()
    {
        var embeddings = await generator.GenerateAsync(phrases).ConfigureAwait(false);
        return ([.. embeddings.Select(e => e.Vector.ToArray())], [.. phrases.Select(lexical.Vector)]);
    }
}
