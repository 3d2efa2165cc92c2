using Naviyam.Embeddings;

namespace Naviyam.Training.Embedding;

/// <summary>
/// The text encoder's parameters. Both of its channels read the same hashed n-grams, averaged with one learned weight per
/// bucket (<c>exp</c> of <see cref="LogWeights"/>; the padding weighs 0):
/// <list type="bullet">
/// <item>the <b>semantic</b> channel: learned rows (<c>(Buckets + 1) × Width</c>, padding row zero) → weighted mean →
/// projection (<c>Width × Dimension</c>) → unit vector;</item>
/// <item>the <b>lexical</b> channel: fixed seeded ±1 rows (<c>(Buckets + 1) × LexicalWidth</c>) → weighted mean → unit
/// vector, a random projection of the weighted n-gram bag that keeps what a word looks like even when training never
/// saw it.</item>
/// </list>
/// The output is <c>[√(1−s)·semantic, √s·lexical]</c> with s = <see cref="LexicalShare"/>, so the cosine of two texts is
/// (1−s)·semantic cosine + s·lexical cosine: a hybrid score in one vector, and the semantic channel is trained to add
/// what the lexical one misses. <see cref="Encode"/> is the reference forward pass the ONNX graph reproduces.
/// </summary>
/// <remarks>
/// The weights are a learned IDF: n-grams that say nothing about the dish (먹고싶, 어디) learn to weigh little, so a dish
/// name the encoder never saw still dominates the sentence it stands in.
/// </remarks>
public sealed class EncoderModel
{
    public EncoderModel(int buckets, int width, int dimension, int lexicalWidth, float lexicalShare)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(buckets, 16);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(lexicalWidth, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(lexicalShare, 0f);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(lexicalShare, 1f);
        Buckets = buckets;
        Width = width;
        Dimension = dimension;
        LexicalWidth = lexicalWidth;
        LexicalShare = lexicalWidth == 0 ? 0 : lexicalShare;
        Embeddings = new float[(buckets + 1) * width];
        LogWeights = new float[buckets];
        Projection = new float[width * dimension];
        Lexical = new sbyte[(buckets + 1) * lexicalWidth];
    }

    public int Buckets { get; }

    public int Width { get; }

    /// <summary>Dimension of the semantic channel.</summary>
    public int Dimension { get; }

    /// <summary>Dimension of the lexical channel (0: none).</summary>
    public int LexicalWidth { get; }

    /// <summary>The share of the cosine the lexical channel carries.</summary>
    public float LexicalShare { get; }

    /// <summary>Length of the output vector.</summary>
    public int OutputDimension => Dimension + LexicalWidth;

    public float SemanticScale => MathF.Sqrt(1 - LexicalShare);

    public float LexicalScale => MathF.Sqrt(LexicalShare);

    public long PaddingId => Buckets;

    /// <summary>Row-major <c>(Buckets + 1) × Width</c>.</summary>
    public float[] Embeddings { get; }

    /// <summary>Natural log of each bucket's weight in the means (0 = weight 1, where every bucket starts).</summary>
    public float[] LogWeights { get; }

    /// <summary>Row-major <c>Width × Dimension</c>.</summary>
    public float[] Projection { get; }

    /// <summary>Row-major <c>(Buckets + 1) × LexicalWidth</c> of ±1 (the padding row 0); fixed, never trained.</summary>
    public sbyte[] Lexical { get; }

    /// <summary>Fills the lexical rows with seeded ±1 values (the padding row stays 0).</summary>
    public void SeedLexical(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        for (var i = 0; i < Buckets * LexicalWidth; i++)
        {
            Lexical[i] = random.Next(2) == 0 ? (sbyte)-1 : (sbyte)1;
        }
    }

    /// <summary>Each bucket's weight, the padding's 0: the table the exported graph gathers from.</summary>
    public float[] Weights()
    {
        var weights = new float[Buckets + 1];
        for (var b = 0; b < Buckets; b++)
        {
            weights[b] = MathF.Exp(LogWeights[b]);
        }
        return weights;
    }

    /// <summary>
    /// The weighted means of the semantic rows (<paramref name="hidden"/>) and of the lexical rows
    /// (<paramref name="lexical"/>) of the non-padding ids, zero when there are none; returns the total weight.
    /// </summary>
    public float Hidden(ReadOnlySpan<long> ids, Span<float> hidden, Span<float> lexical)
    {
        hidden.Clear();
        lexical.Clear();
        var total = 0f;
        foreach (var id in ids)
        {
            if (id == PaddingId)
            {
                continue;
            }
            if ((ulong)id >= (ulong)Buckets)
            {
                throw new ArgumentOutOfRangeException(nameof(ids), id, "feature id outside the embedding table");
            }
            var weight = MathF.Exp(LogWeights[id]);
            var row = Embeddings.AsSpan((int)id * Width, Width);
            for (var d = 0; d < Width; d++)
            {
                hidden[d] += weight * row[d];
            }
            var signs = Lexical.AsSpan((int)id * LexicalWidth, LexicalWidth);
            for (var d = 0; d < LexicalWidth; d++)
            {
                lexical[d] += weight * signs[d];
            }
            total += weight;
        }
        var scale = 1f / Math.Max(total, TextEncoderFormat.NormFloor);
        for (var d = 0; d < Width; d++)
        {
            hidden[d] *= scale;
        }
        for (var d = 0; d < LexicalWidth; d++)
        {
            lexical[d] *= scale;
        }
        return total;
    }

    /// <summary>z = hidden · Projection.</summary>
    public void Project(ReadOnlySpan<float> hidden, Span<float> projected)
    {
        projected.Clear();
        for (var w = 0; w < Width; w++)
        {
            var h = hidden[w];
            var row = Projection.AsSpan(w * Dimension, Dimension);
            for (var d = 0; d < Dimension; d++)
            {
                projected[d] += h * row[d];
            }
        }
    }

    /// <summary>The norm a vector is divided by (never below the floor, so an empty text embeds as zero).</summary>
    public static float Norm(ReadOnlySpan<float> vector)
    {
        var sum = 0f;
        foreach (var value in vector)
        {
            sum += value * value;
        }
        return Math.Max(MathF.Sqrt(sum), TextEncoderFormat.NormFloor);
    }

    /// <summary>The output vector of one row of featurizer ids: [√(1−s)·semantic unit, √s·lexical unit].</summary>
    public float[] Encode(ReadOnlySpan<long> ids)
    {
        Span<float> hidden = stackalloc float[Width];
        Span<float> lexical = stackalloc float[LexicalWidth];
        Span<float> projected = stackalloc float[Dimension];
        Hidden(ids, hidden, lexical);
        Project(hidden, projected);
        var output = new float[OutputDimension];
        var semanticNorm = Norm(projected) / SemanticScale;
        for (var d = 0; d < Dimension; d++)
        {
            output[d] = projected[d] / semanticNorm;
        }
        if (LexicalWidth > 0)
        {
            var lexicalNorm = Norm(lexical) / LexicalScale;
            for (var d = 0; d < LexicalWidth; d++)
            {
                output[Dimension + d] = lexical[d] / lexicalNorm;
            }
        }
        return output;
    }
}
