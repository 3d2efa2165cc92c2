namespace Naviyam.Training;

/// <summary>
/// The parameters of a fastText-style classifier: an embedding bag (<c>(Buckets + 1) × Dimension</c>, the last
/// row being the all-zero padding row), a linear layer (<c>Dimension × Classes</c>, row-major) and a bias.
/// <see cref="Probabilities(ReadOnlySpan{long})"/> is the reference forward pass the ONNX graph reproduces:
/// mean of the embeddings → linear → divide by <see cref="Temperature"/> → softmax.
/// </summary>
public sealed class FastTextModel
{
    public FastTextModel(int buckets, int dimension, int classes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(buckets, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        Buckets = buckets;
        Dimension = dimension;
        Classes = classes;
        Embeddings = new float[(buckets + 1) * dimension];
        Weights = new float[dimension * classes];
        Bias = new float[classes];
    }

    public int Buckets { get; }

    public int Dimension { get; }

    public int Classes { get; }

    /// <summary>The padding id: its embedding row is zero and it never counts towards the mean.</summary>
    public long PaddingId => Buckets;

    /// <summary>Row-major <c>(Buckets + 1) × Dimension</c>.</summary>
    public float[] Embeddings { get; }

    /// <summary>Row-major <c>Dimension × Classes</c>.</summary>
    public float[] Weights { get; }

    public float[] Bias { get; }

    /// <summary>Logits are divided by this before the softmax (temperature scaling); 1 means uncalibrated.</summary>
    public float Temperature { get; set; } = 1f;

    /// <summary>The mean embedding of the non-padding ids (zero when there are none).</summary>
    public void Hidden(ReadOnlySpan<long> ids, Span<float> hidden)
    {
        hidden.Clear();
        var count = 0;
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
            var row = Embeddings.AsSpan((int)id * Dimension, Dimension);
            for (var d = 0; d < Dimension; d++)
            {
                hidden[d] += row[d];
            }
            count++;
        }
        var scale = 1f / Math.Max(count, 1);
        for (var d = 0; d < Dimension; d++)
        {
            hidden[d] *= scale;
        }
    }

    /// <summary>Uncalibrated logits (before the temperature).</summary>
    public void Logits(ReadOnlySpan<float> hidden, Span<float> logits)
    {
        for (var c = 0; c < Classes; c++)
        {
            logits[c] = Bias[c];
        }
        for (var d = 0; d < Dimension; d++)
        {
            var h = hidden[d];
            var row = Weights.AsSpan(d * Classes, Classes);
            for (var c = 0; c < Classes; c++)
            {
                logits[c] += h * row[c];
            }
        }
    }

    public float[] Logits(ReadOnlySpan<long> ids)
    {
        Span<float> hidden = stackalloc float[Dimension];
        Hidden(ids, hidden);
        var logits = new float[Classes];
        Logits(hidden, logits);
        return logits;
    }

    /// <summary>Calibrated probabilities: softmax(logits / <see cref="Temperature"/>).</summary>
    public float[] Probabilities(ReadOnlySpan<long> ids)
    {
        var logits = Logits(ids);
        Softmax(logits, Temperature, logits);
        return logits;
    }

    /// <summary>Numerically stable softmax of <c>logits / temperature</c> into <paramref name="probabilities"/>.</summary>
    public static void Softmax(ReadOnlySpan<float> logits, float temperature, Span<float> probabilities)
    {
        var max = float.NegativeInfinity;
        foreach (var z in logits)
        {
            max = Math.Max(max, z / temperature);
        }
        var sum = 0f;
        for (var c = 0; c < logits.Length; c++)
        {
            probabilities[c] = MathF.Exp(logits[c] / temperature - max);
            sum += probabilities[c];
        }
        for (var c = 0; c < logits.Length; c++)
        {
            probabilities[c] /= sum;
        }
    }
}
