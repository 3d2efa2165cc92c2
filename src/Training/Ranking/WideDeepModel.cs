using Naviyam.Ranking;

namespace Naviyam.Training.Ranking;

/// <summary>
/// The Wide&amp;Deep network's parameters and its C# forward pass, over <see cref="WideDeepFeatures"/> rows:
/// <code>
/// deep  = w3 · relu(W2ᵀ relu(W1ᵀ [e(user) e(shop) e(category) x] + b1) + b2) + b3
/// wide  = Σ wide[i] over the row's wide indices + v · x
/// score = sigmoid(deep + wide)
/// </code>
/// x is the row's continuous columns; e(·) rows of one embedding table. Matrices are row-major [in, out], as ONNX's
/// MatMul reads them. A wide-only model (<see cref="HasDeep"/> false) is the logistic regression on the wide features
/// plus x: the baseline, and the same code.
/// </summary>
public sealed class WideDeepModel
{
    public WideDeepModel(int embeddingDimension, int hidden1, int hidden2, bool hasDeep = true)
    {
        HasDeep = hasDeep;
        EmbeddingDimension = hasDeep ? embeddingDimension : 0;
        Hidden1 = hasDeep ? hidden1 : 0;
        Hidden2 = hasDeep ? hidden2 : 0;
        if (hasDeep)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(embeddingDimension, 1);
            ArgumentOutOfRangeException.ThrowIfLessThan(hidden1, 1);
            ArgumentOutOfRangeException.ThrowIfLessThan(hidden2, 1);
        }
        InputWidth = WideDeepFeatures.DeepIndexCount * EmbeddingDimension + WideDeepFeatures.ContinuousCount;
        Embeddings = new float[hasDeep ? WideDeepFeatures.EmbeddingRows * EmbeddingDimension : 0];
        W1 = new float[hasDeep ? InputWidth * Hidden1 : 0];
        B1 = new float[Hidden1];
        W2 = new float[Hidden1 * Hidden2];
        B2 = new float[Hidden2];
        W3 = new float[Hidden2];
        Wide = new float[WideDeepFeatures.WideSize];
        WideLinear = new float[WideDeepFeatures.ContinuousCount];
    }

    public bool HasDeep { get; }

    public int EmbeddingDimension { get; }

    public int Hidden1 { get; }

    public int Hidden2 { get; }

    /// <summary>Width of the deep part's input: three embeddings then the continuous columns.</summary>
    public int InputWidth { get; }

    public float[] Embeddings { get; }

    public float[] W1 { get; }

    public float[] B1 { get; }

    public float[] W2 { get; }

    public float[] B2 { get; }

    public float[] W3 { get; }

    /// <summary>The output bias (shared by both parts).</summary>
    public float Bias { get; set; }

    public float[] Wide { get; }

    public float[] WideLinear { get; }

    /// <summary>Every parameter array, in a fixed order (for copies and the optimizer).</summary>
    public float[][] Tensors => [Embeddings, W1, B1, W2, B2, W3, Wide, WideLinear];

    public WideDeepModel Clone()
    {
        var copy = new WideDeepModel(Math.Max(EmbeddingDimension, 1), Math.Max(Hidden1, 1), Math.Max(Hidden2, 1), HasDeep) { Bias = Bias };
        CopyTo(copy);
        return copy;
    }

    public void CopyTo(WideDeepModel target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var from = Tensors;
        var to = target.Tensors;
        for (var i = 0; i < from.Length; i++)
        {
            from[i].AsSpan().CopyTo(to[i]);
        }
        target.Bias = Bias;
    }

    /// <summary>Scratch space for one forward pass (and the trainer's backward pass).</summary>
    public Activations NewActivations() => new(InputWidth, Hidden1, Hidden2);

    /// <summary>The logit of one <see cref="WideDeepFeatures"/> row; fills <paramref name="a"/> for back-propagation.</summary>
    public float Logit(ReadOnlySpan<float> row, Activations a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var continuous = row[..WideDeepFeatures.ContinuousCount];
        var indices = row[WideDeepFeatures.ContinuousCount..];

        var logit = Bias;
        for (var k = WideDeepFeatures.DeepIndexCount; k < WideDeepFeatures.IndexCount; k++)
        {
            logit += Wide[(int)indices[k]];
        }
        for (var j = 0; j < continuous.Length; j++)
        {
            logit += WideLinear[j] * continuous[j];
        }
        if (!HasDeep)
        {
            return logit;
        }

        var d = EmbeddingDimension;
        for (var k = 0; k < WideDeepFeatures.DeepIndexCount; k++)
        {
            Embeddings.AsSpan((int)indices[k] * d, d).CopyTo(a.Input.AsSpan(k * d, d));
        }
        continuous.CopyTo(a.Input.AsSpan(WideDeepFeatures.DeepIndexCount * d));

        Dense(a.Input, W1, B1, a.Hidden1);
        Dense(a.Hidden1, W2, B2, a.Hidden2);
        for (var h = 0; h < Hidden2; h++)
        {
            logit += W3[h] * a.Hidden2[h];
        }
        return logit;
    }

    /// <summary>The probability the child picks the candidate of each row of a row-major matrix.</summary>
    public void Score(ReadOnlySpan<float> features, Span<float> scores)
    {
        var a = NewActivations();
        for (var row = 0; row < scores.Length; row++)
        {
            scores[row] = Sigmoid(Logit(features.Slice(row * WideDeepFeatures.Count, WideDeepFeatures.Count), a));
        }
    }

    public float[] Score(ReadOnlySpan<float> features)
    {
        var scores = new float[features.Length / WideDeepFeatures.Count];
        Score(features, scores);
        return scores;
    }

    public static float Sigmoid(float logit) => 1f / (1f + MathF.Exp(-logit));

    // output = relu(Wᵀ input + b), W row-major [in, out].
    private static void Dense(float[] input, float[] weights, float[] bias, float[] output)
    {
        var width = output.Length;
        bias.AsSpan().CopyTo(output);
        for (var i = 0; i < input.Length; i++)
        {
            var x = input[i];
            if (x == 0)
            {
                continue;
            }
            var row = weights.AsSpan(i * width, width);
            for (var o = 0; o < width; o++)
            {
                output[o] += x * row[o];
            }
        }
        for (var o = 0; o < width; o++)
        {
            output[o] = Math.Max(output[o], 0f);
        }
    }

    public sealed class Activations(int inputWidth, int hidden1, int hidden2)
    {
        public float[] Input { get; } = new float[inputWidth];

        public float[] Hidden1 { get; } = new float[hidden1];

        public float[] Hidden2 { get; } = new float[hidden2];
    }
}
