using Naviyam.Embeddings;

namespace Naviyam.Training.Embedding;

/// <summary>
/// The text encoder's parameters: an embedding bag (<c>(Buckets + 1) × Width</c>, the last row the all-zero padding
/// row) and a projection (<c>Width × Dimension</c>, row-major). <see cref="Encode"/> is the reference forward pass the
/// ONNX graph reproduces: mean of the rows → projection → divide by max(‖z‖, <see cref="TextEncoderFormat.NormFloor"/>).
/// </summary>
public sealed class EncoderModel
{
    public EncoderModel(int buckets, int width, int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(buckets, 16);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 2);
        Buckets = buckets;
        Width = width;
        Dimension = dimension;
        Embeddings = new float[(buckets + 1) * width];
        Projection = new float[width * dimension];
    }

    public int Buckets { get; }

    public int Width { get; }

    public int Dimension { get; }

    public long PaddingId => Buckets;

    /// <summary>Row-major <c>(Buckets + 1) × Width</c>.</summary>
    public float[] Embeddings { get; }

    /// <summary>Row-major <c>Width × Dimension</c>.</summary>
    public float[] Projection { get; }

    /// <summary>The mean embedding row of the non-padding ids (zero when there are none).</summary>
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
            var row = Embeddings.AsSpan((int)id * Width, Width);
            for (var d = 0; d < Width; d++)
            {
                hidden[d] += row[d];
            }
            count++;
        }
        var scale = 1f / Math.Max(count, 1);
        for (var d = 0; d < Width; d++)
        {
            hidden[d] *= scale;
        }
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

    /// <summary>The norm z is divided by (never below the floor, so an empty text embeds as zero).</summary>
    public static float Norm(ReadOnlySpan<float> projected)
    {
        var sum = 0f;
        foreach (var value in projected)
        {
            sum += value * value;
        }
        return Math.Max(MathF.Sqrt(sum), TextEncoderFormat.NormFloor);
    }

    /// <summary>The unit vector of one row of featurizer ids.</summary>
    public float[] Encode(ReadOnlySpan<long> ids)
    {
        Span<float> hidden = stackalloc float[Width];
        var output = new float[Dimension];
        Hidden(ids, hidden);
        Project(hidden, output);
        var norm = Norm(output);
        for (var d = 0; d < Dimension; d++)
        {
            output[d] /= norm;
        }
        return output;
    }
}
