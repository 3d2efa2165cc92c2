using System.Globalization;
using System.Text;
using Naviyam.Lexicons;
using Naviyam.Nlu.Model;

namespace Naviyam.Embeddings;

/// <summary>
/// Turns a text into the hashed n-gram ids the text encoder reads: syllable 1–3-grams and jamo 2–3-grams of the
/// space-free text (with begin/end markers), plus one token per word. Training and serving call this same code, so a
/// text has the same ids in both. Every id lies in [0, <see cref="Buckets"/>); <see cref="PaddingId"/> = Buckets
/// pads a batch and is never produced. Thread-safe (no mutable state).
/// </summary>
/// <remarks>
/// Jamo n-grams make a typo cost what it looks like (떡뽀끼 shares ㄸㅓㄱ, ㅗㄲ with 떡볶이), syllable n-grams carry the
/// morphemes, and word tokens let whole words such as 든든한 act as one unit. Hashing is the intent featurizer's FNV-1a
/// (<see cref="NgramFeaturizer.Hash"/>), never <see cref="string.GetHashCode()"/>, so ids are stable across processes.
/// </remarks>
public sealed class EmbeddingFeaturizer
{
    /// <summary>Changes whenever the ids of a given text change; stored in (and checked against) the model.</summary>
    public const string Version = "embed-ngram-v1";

    public const int DefaultBuckets = 1 << 14;

    private const char Begin = '\u0002';
    private const char End = '\u0003';

    public EmbeddingFeaturizer(int buckets = DefaultBuckets)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(buckets, 16);
        Buckets = buckets;
    }

    public int Buckets { get; }

    /// <summary>The id used to pad a batch; its embedding row is zero.</summary>
    public long PaddingId => Buckets;

    /// <summary>
    /// NFC, lower case, every character that is not a letter or a digit replaced by a space, spaces collapsed:
    /// "엽떡!! 먹고싶다ㅠ" → "엽떡 먹고싶다ㅠ". The cache keys use it too, so two spellings that embed alike share an entry.
    /// </summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        var source = text.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(source.Length);
        var pendingSpace = false;
        foreach (var c in source)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }
                pendingSpace = false;
                builder.Append(char.ToLower(c, CultureInfo.InvariantCulture));
            }
            else
            {
                pendingSpace = true;
            }
        }
        return builder.ToString();
    }

    /// <summary>The ids of a text (normalized here); empty when the text has no letter or digit.</summary>
    public long[] Featurize(string? text)
    {
        var ids = new List<long>(96);
        Featurize(text, ids);
        return [.. ids];
    }

    /// <summary>Appends the ids of <paramref name="text"/> to <paramref name="ids"/>.</summary>
    public void Featurize(string? text, List<long> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var normalized = Normalize(text);
        if (normalized.Length == 0)
        {
            return;
        }
        var compact = normalized.Replace(" ", "", StringComparison.Ordinal);
        AddNgrams(compact, 's', 1, 3, ids);
        AddNgrams(Jamo.Decompose(compact), 'j', 2, 3, ids);
        Span<char> key = stackalloc char[normalized.Length + 1];
        key[0] = 'w';
        foreach (var range in normalized.AsSpan().Split(' '))
        {
            var word = normalized.AsSpan(range);
            word.CopyTo(key[1..]);
            ids.Add(Bucket(NgramFeaturizer.Hash(key[..(word.Length + 1)])));
        }
    }

    private void AddNgrams(string text, char family, int minimum, int maximum, List<long> ids)
    {
        var length = text.Length + 2;
        Span<char> padded = length <= 512 ? stackalloc char[length] : new char[length];
        padded[0] = Begin;
        text.AsSpan().CopyTo(padded[1..]);
        padded[^1] = End;
        // The hashed key is the family letter, the n and the gram ("s2국밥"): one table, no collisions between families by design.
        Span<char> key = stackalloc char[maximum + 2];
        key[0] = family;
        for (var n = minimum; n <= maximum; n++)
        {
            key[1] = (char)('0' + n);
            for (var start = 0; start + n <= length; start++)
            {
                if (n == 1 && (start == 0 || start == length - 1))
                {
                    continue; // a bare boundary marker says nothing
                }
                padded.Slice(start, n).CopyTo(key[2..]);
                ids.Add(Bucket(NgramFeaturizer.Hash(key[..(n + 2)])));
            }
        }
    }

    private long Bucket(uint hash) => hash % (uint)Buckets;
}
