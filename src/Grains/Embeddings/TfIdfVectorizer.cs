using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Naviyam.Embeddings;

/// <summary>
/// The lexical half of hybrid retrieval, and the baseline the encoder is measured against: TF-IDF vectors of character
/// 1–3-grams of the space-free normalized text (with begin/end markers), sublinear term frequency (1 + ln tf), IDF
/// smoothed as ln((1 + N) / (1 + df)) + 1, exact n-gram strings (no hashing). Training fits it on the texts the encoder
/// trains on plus the candidates and writes it beside the encoder (<see cref="FileName"/>) with the lexical weight chosen
/// on the dev split, so serving scores exactly what was measured. Immutable and thread-safe.
/// </summary>
public sealed class TfIdfVectorizer
{
    public const string FileName = "lexical.json";
    public const int FileVersion = 1;

    private readonly SortedDictionary<string, int> documentFrequencies;
    private readonly Dictionary<string, double> idf;
    private readonly double unseenIdf;

    public TfIdfVectorizer(IEnumerable<string> documents, double lexicalWeight = 0)
    {
        ArgumentNullException.ThrowIfNull(documents);
        documentFrequencies = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var count = 0;
        foreach (var document in documents)
        {
            count++;
            foreach (var gram in Grams(document).Keys)
            {
                documentFrequencies[gram] = documentFrequencies.GetValueOrDefault(gram) + 1;
            }
        }
        (DocumentCount, LexicalWeight) = (count, lexicalWeight);
        (idf, unseenIdf) = Fit(documentFrequencies, count);
    }

    private TfIdfVectorizer(SortedDictionary<string, int> frequencies, int documentCount, double lexicalWeight, double? wishThreshold)
    {
        documentFrequencies = frequencies;
        WishThreshold = wishThreshold;
        (DocumentCount, LexicalWeight) = (documentCount, lexicalWeight);
        (idf, unseenIdf) = Fit(frequencies, documentCount);
    }

    public int DocumentCount { get; }

    /// <summary>The weight of the TF-IDF cosine in the hybrid similarity; the encoder's cosine gets the rest.</summary>
    public double LexicalWeight { get; }

    /// <summary>
    /// The hybrid similarity to the nearest wish phrasing from which a text counts as a free wish (chosen on the dev
    /// split, <see cref="WishRecognizer"/>); null: none chosen, nothing is a wish.
    /// </summary>
    public double? WishThreshold { get; }

    /// <summary>The same table with another lexical weight.</summary>
    public TfIdfVectorizer WithLexicalWeight(double weight) => new(documentFrequencies, DocumentCount, weight, WishThreshold);

    /// <summary>The same table with a wish threshold.</summary>
    public TfIdfVectorizer WithWishThreshold(double? threshold) => new(documentFrequencies, DocumentCount, LexicalWeight, threshold);

    /// <summary><c>w · tfidf + (1 − w) · encoder</c>.</summary>
    public double Fuse(double tfIdfCosine, double encoderCosine) => LexicalWeight * tfIdfCosine + (1 - LexicalWeight) * encoderCosine;

    /// <summary>The unit TF-IDF vector of a text, sparse (empty for a text with no letter or digit).</summary>
    public Dictionary<string, double> Vector(string text)
    {
        var vector = Grams(text).ToDictionary(
            pair => pair.Key, pair => (1 + Math.Log(pair.Value)) * idf.GetValueOrDefault(pair.Key, unseenIdf), StringComparer.Ordinal);
        var norm = Math.Sqrt(vector.Values.Sum(v => v * v));
        if (norm > 0)
        {
            foreach (var key in vector.Keys.ToArray())
            {
                vector[key] /= norm;
            }
        }
        return vector;
    }

    public static double Cosine(Dictionary<string, double> a, Dictionary<string, double> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var sum = 0.0;
        foreach (var (key, value) in small)
        {
            if (large.TryGetValue(key, out var other))
            {
                sum += value * other;
            }
        }
        return sum;
    }

    /// <summary>Writes the table (document count, document frequencies in ordinal order, the weight): the same table, the same bytes.</summary>
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(
        new LexicalFile(FileVersion, DocumentCount, Math.Round(LexicalWeight, 4), WishThreshold is { } t ? Math.Round(t, 4) : null, documentFrequencies), FileOptions);

    /// <exception cref="InvalidDataException">The file is malformed or of another version.</exception>
    public static TfIdfVectorizer Load(string path)
    {
        var file = JsonSerializer.Deserialize<LexicalFile>(File.ReadAllBytes(path), FileOptions)
            ?? throw new InvalidDataException($"{path}: empty.");
        if (file.Version != FileVersion || file.Documents < 1 || file.DocumentFrequencies is null || file.LexicalWeight is < 0 or > 1)
        {
            throw new InvalidDataException($"{path}: not a version {FileVersion} lexical table with a weight in [0, 1].");
        }
        return new TfIdfVectorizer(new SortedDictionary<string, int>(file.DocumentFrequencies, StringComparer.Ordinal), file.Documents, file.LexicalWeight, file.WishThreshold);
    }

    private static (Dictionary<string, double> Idf, double Unseen) Fit(SortedDictionary<string, int> frequencies, int count) => (
        frequencies.ToDictionary(pair => pair.Key, pair => Math.Log((1.0 + count) / (1.0 + pair.Value)) + 1, StringComparer.Ordinal),
        Math.Log(1.0 + count) + 1);

    private static Dictionary<string, int> Grams(string text)
    {
        var compact = "\u0002" + EmbeddingFeaturizer.Normalize(text).Replace(" ", "", StringComparison.Ordinal) + "\u0003";
        var grams = new Dictionary<string, int>(StringComparer.Ordinal);
        if (compact.Length == 2)
        {
            return grams;
        }
        for (var n = 1; n <= 3; n++)
        {
            for (var start = 0; start + n <= compact.Length; start++)
            {
                if (n == 1 && (start == 0 || start == compact.Length - 1))
                {
                    continue;
                }
                var gram = compact.Substring(start, n);
                grams[gram] = grams.GetValueOrDefault(gram) + 1;
            }
        }
        return grams;
    }

    private static readonly JsonSerializerOptions FileOptions = new() { Encoder = JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) };

    private sealed record LexicalFile(
        [property: JsonPropertyName("version")] int Version,
        [property: JsonPropertyName("documents")] int Documents,
        [property: JsonPropertyName("lexical_weight")] double LexicalWeight,
        [property: JsonPropertyName("wish_threshold")] double? WishThreshold,
        [property: JsonPropertyName("document_frequencies")] IDictionary<string, int>? DocumentFrequencies);
}
