namespace Naviyam.Training.Embedding;

/// <summary>
/// The baseline the encoder must beat: cosine between TF-IDF vectors of character 1–3-grams of the space-free
/// normalized text (with begin/end markers), sublinear term frequency (1 + ln tf), IDF smoothed as ln((1 + N) / (1 + df)) + 1
/// and fitted on the same texts the encoder trains on plus the candidates. Exact n-gram strings, no hashing.
/// </summary>
public sealed class TfIdfBaseline
{
    private readonly Dictionary<string, double> idf;
    private readonly double unseenIdf;

    public TfIdfBaseline(IEnumerable<string> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        var count = 0;
        foreach (var document in documents)
        {
            count++;
            foreach (var gram in Grams(document).Keys)
            {
                frequency[gram] = frequency.GetValueOrDefault(gram) + 1;
            }
        }
        idf = frequency.ToDictionary(pair => pair.Key, pair => Math.Log((1.0 + count) / (1.0 + pair.Value)) + 1, StringComparer.Ordinal);
        unseenIdf = Math.Log(1.0 + count) + 1;
    }

    /// <summary>The unit TF-IDF vector of a text, sparse.</summary>
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

    private static Dictionary<string, int> Grams(string text)
    {
        var compact = "\u0002" + EmbeddingDataset.Compact(text) + "\u0003";
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
}
