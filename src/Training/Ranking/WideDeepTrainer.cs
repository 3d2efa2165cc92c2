using System.Text.Json.Serialization;
using Naviyam.Ranking;

namespace Naviyam.Training.Ranking;

/// <summary>Hyper-parameters of <see cref="WideDeepTrainer"/>. The defaults are the ones chosen on the validation sessions.</summary>
public sealed record WideDeepOptions
{
    /// <summary>False trains the wide part alone: the logistic-regression baseline.</summary>
    [JsonPropertyName("deep")] public bool Deep { get; init; } = true;

    [JsonPropertyName("embedding_dimension")] public int EmbeddingDimension { get; init; } = 16;

    [JsonPropertyName("hidden1")] public int Hidden1 { get; init; } = 32;

    [JsonPropertyName("hidden2")] public int Hidden2 { get; init; } = 16;

    /// <summary>Passes over the training rows at most; the epoch with the lowest validation loss is kept.</summary>
    [JsonPropertyName("epochs")] public int Epochs { get; init; } = 8;

    [JsonPropertyName("batch_size")] public int BatchSize { get; init; } = 256;

    /// <summary>Adam's step size for the deep part (embeddings and the MLP).</summary>
    [JsonPropertyName("learning_rate")] public float LearningRate { get; init; } = 0.001f;

    /// <summary>
    /// Adam's step size for the wide part (cross weights, the linear weights and the output bias). As in the
    /// original Wide&amp;Deep, the two parts get their own optimizer settings: the sparse crosses need larger steps.
    /// </summary>
    [JsonPropertyName("wide_learning_rate")] public float WideLearningRate { get; init; } = 0.003f;

    /// <summary>L2 penalty on the dense weights (not the biases).</summary>
    [JsonPropertyName("l2")] public float L2 { get; init; } = 1e-4f;

    /// <summary>L2 penalty on the embedding rows and wide weights a batch touches.</summary>
    [JsonPropertyName("sparse_l2")] public float SparseL2 { get; init; } = 1e-4f;

    /// <summary>Half-width of the embeddings' uniform initialisation.</summary>
    [JsonPropertyName("embedding_init")] public float EmbeddingInit { get; init; } = 0.05f;

    [JsonPropertyName("seed")] public int Seed { get; init; } = 20_251_126;
}

/// <summary>Loss after one epoch: the mean log-loss over the training rows (as trained) and the validation rows.</summary>
public sealed record EpochLoss(
    [property: JsonPropertyName("epoch")] int Epoch,
    [property: JsonPropertyName("train")] double Train,
    [property: JsonPropertyName("validation")] double Validation);

/// <summary>A trained model and how its training went.</summary>
public sealed record TrainedRanker(WideDeepModel Model, IReadOnlyList<EpochLoss> Epochs, int BestEpoch, long Steps);

/// <summary>
/// Trains a <see cref="WideDeepModel"/> by mini-batch Adam on the log-loss, with L2. Single-threaded scalar code in a
/// seeded shuffled order (Fisher–Yates with <see cref="Random.Next(int)"/>), so the same rows, options and seed give
/// bit-identical parameters. Embedding rows and wide weights are sparse: only those a batch touches are updated
/// (their Adam moments too, "lazy" Adam). After each epoch the validation log-loss is measured and the best epoch's
/// parameters are kept (early stopping on validation sessions; the test sessions are never read here).
/// </summary>
public static class WideDeepTrainer
{
    private const float Beta1 = 0.9f;
    private const float Beta2 = 0.999f;
    private const float Epsilon = 1e-8f;

    /// <param name="rows">Training rows, row-major, <see cref="WideDeepFeatures.Count"/> columns.</param>
    /// <param name="labels">1 for a pick, 0 otherwise.</param>
    /// <param name="startFrom">A trained model to continue from (its shape must match <paramref name="options"/>); null starts from random weights.</param>
    public static TrainedRanker Train(float[] rows, float[] labels, float[] validationRows, float[] validationLabels, WideDeepOptions options, TextWriter? log = null,
        WideDeepModel? startFrom = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(validationRows);
        ArgumentNullException.ThrowIfNull(validationLabels);
        ArgumentNullException.ThrowIfNull(options);
        var width = WideDeepFeatures.Count;
        if (labels.Length == 0 || rows.Length != labels.Length * width || validationRows.Length != validationLabels.Length * width)
        {
            throw new ArgumentException("The rows and labels do not match (or there are none).");
        }
        var random = new Random(options.Seed);
        WideDeepModel model;
        if (startFrom is null)
        {
            model = new WideDeepModel(options.EmbeddingDimension, options.Hidden1, options.Hidden2, options.Deep);
            Initialise(model, options, random);
        }
        else if (startFrom.HasDeep != options.Deep || startFrom.HasDeep && (startFrom.EmbeddingDimension != options.EmbeddingDimension
            || startFrom.Hidden1 != options.Hidden1 || startFrom.Hidden2 != options.Hidden2))
        {
            throw new ArgumentException("The starting model's shape differs from the options'.", nameof(startFrom));
        }
        else
        {
            model = startFrom.Clone();
        }
        var state = new AdamState(model);
        var gradients = new WideDeepModel(options.EmbeddingDimension, options.Hidden1, options.Hidden2, options.Deep);
        var touchedEmbeddings = new SparseRows(WideDeepFeatures.EmbeddingRows);
        var touchedWide = new SparseRows(WideDeepFeatures.WideSize);
        var a = model.NewActivations();
        var backward = new Backward(model);

        var order = Enumerable.Range(0, labels.Length).ToArray();
        var epochs = new List<EpochLoss>();
        WideDeepModel? best = null;
        var bestEpoch = 0;
        var bestLoss = double.PositiveInfinity;
        long step = 0;
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            Shuffle(order, random);
            double trainLoss = 0;
            for (var start = 0; start < order.Length; start += options.BatchSize)
            {
                var end = Math.Min(start + options.BatchSize, order.Length);
                gradients.Bias = 0;
                for (var b = start; b < end; b++)
                {
                    var index = order[b];
                    var row = rows.AsSpan(index * width, width);
                    var logit = model.Logit(row, a);
                    trainLoss += LogLoss(logit, labels[index]);
                    var g = WideDeepModel.Sigmoid(logit) - labels[index];
                    backward.Accumulate(row, a, g, gradients, touchedEmbeddings, touchedWide);
                }
                step++;
                state.Update(model, gradients, touchedEmbeddings, touchedWide, end - start, step, options);
            }
            var validationLoss = MeanLogLoss(model, validationRows, validationLabels);
            epochs.Add(new EpochLoss(epoch, Math.Round(trainLoss / labels.Length, 6), Math.Round(validationLoss, 6)));
            log?.WriteLine(FormattableString.Invariant($"  epoch {epoch}: train log-loss {trainLoss / labels.Length:F5}, validation {validationLoss:F5}"));
            if (validationLoss < bestLoss)
            {
                (bestLoss, bestEpoch) = (validationLoss, epoch);
                if (best is null)
                {
                    best = model.Clone();
                }
                else
                {
                    model.CopyTo(best);
                }
            }
        }
        return new TrainedRanker(best!, epochs, bestEpoch, step);
    }

    /// <summary>The mean log-loss of a model on rows and labels (0 when there are none).</summary>
    public static double MeanLogLoss(WideDeepModel model, float[] rows, float[] labels)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Length == 0)
        {
            return 0;
        }
        var a = model.NewActivations();
        double loss = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            loss += LogLoss(model.Logit(rows.AsSpan(i * WideDeepFeatures.Count, WideDeepFeatures.Count), a), labels[i]);
        }
        return loss / labels.Length;
    }

    /// <summary>-log p(label), computed from the logit without overflow.</summary>
    private static double LogLoss(float logit, float label) =>
        Math.Max(logit, 0) - logit * label + Math.Log(1 + Math.Exp(-Math.Abs(logit)));

    private static void Initialise(WideDeepModel model, WideDeepOptions options, Random random)
    {
        if (!model.HasDeep)
        {
            return;
        }
        Uniform(model.Embeddings, options.EmbeddingInit, random);
        // Glorot-uniform: keeps the ReLU layers' activations of a sensible size from the first step.
        Uniform(model.W1, (float)Math.Sqrt(6.0 / (model.InputWidth + model.Hidden1)), random);
        Uniform(model.W2, (float)Math.Sqrt(6.0 / (model.Hidden1 + model.Hidden2)), random);
        Uniform(model.W3, (float)Math.Sqrt(6.0 / (model.Hidden2 + 1)), random);
    }

    private static void Uniform(float[] values, float halfWidth, Random random)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)((random.NextDouble() * 2 - 1) * halfWidth);
        }
    }

    private static void Shuffle(int[] order, Random random)
    {
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
    }

    /// <summary>The rows of a sparse parameter a batch touched, in first-touch order (so updates are deterministic).</summary>
    private sealed class SparseRows(int size)
    {
        private readonly bool[] touched = new bool[size];

        public List<int> Rows { get; } = [];

        public void Touch(int row)
        {
            if (!touched[row])
            {
                touched[row] = true;
                Rows.Add(row);
            }
        }

        public void Clear()
        {
            foreach (var row in Rows)
            {
                touched[row] = false;
            }
            Rows.Clear();
        }
    }

    /// <summary>Back-propagation of one row's log-loss gradient into the batch's gradient sums.</summary>
    private sealed class Backward(WideDeepModel model)
    {
        private readonly float[] hidden2Gradient = new float[model.Hidden2];
        private readonly float[] hidden1Gradient = new float[model.Hidden1];
        private readonly float[] inputGradient = new float[model.InputWidth];

        public void Accumulate(ReadOnlySpan<float> row, WideDeepModel.Activations a, float g, WideDeepModel grads, SparseRows embeddingRows, SparseRows wideRows)
        {
            var continuous = row[..WideDeepFeatures.ContinuousCount];
            var indices = row[WideDeepFeatures.ContinuousCount..];
            grads.Bias += g;
            for (var k = WideDeepFeatures.DeepIndexCount; k < WideDeepFeatures.IndexCount; k++)
            {
                var i = (int)indices[k];
                grads.Wide[i] += g;
                wideRows.Touch(i);
            }
            for (var j = 0; j < continuous.Length; j++)
            {
                grads.WideLinear[j] += g * continuous[j];
            }
            if (!model.HasDeep)
            {
                return;
            }

            for (var o = 0; o < model.Hidden2; o++)
            {
                grads.W3[o] += g * a.Hidden2[o];
                hidden2Gradient[o] = a.Hidden2[o] > 0 ? g * model.W3[o] : 0f;
                grads.B2[o] += hidden2Gradient[o];
            }
            Layer(a.Hidden1, model.W2, grads.W2, hidden2Gradient, hidden1Gradient);
            for (var i = 0; i < model.Hidden1; i++)
            {
                hidden1Gradient[i] = a.Hidden1[i] > 0 ? hidden1Gradient[i] : 0f;
                grads.B1[i] += hidden1Gradient[i];
            }
            Layer(a.Input, model.W1, grads.W1, hidden1Gradient, inputGradient);
            var d = model.EmbeddingDimension;
            for (var k = 0; k < WideDeepFeatures.DeepIndexCount; k++)
            {
                var tableRow = (int)indices[k];
                embeddingRows.Touch(tableRow);
                for (var j = 0; j < d; j++)
                {
                    grads.Embeddings[tableRow * d + j] += inputGradient[k * d + j];
                }
            }
        }

        // A dense layer's backward step: adds input ⊗ outputGradient to its weight gradients, and sets inputGradient = W · outputGradient.
        private static void Layer(float[] input, float[] weights, float[] weightGradients, float[] outputGradient, float[] inputGradient)
        {
            var width = outputGradient.Length;
            for (var i = 0; i < input.Length; i++)
            {
                var row = weights.AsSpan(i * width, width);
                var gradientRow = weightGradients.AsSpan(i * width, width);
                var x = input[i];
                var sum = 0f;
                for (var o = 0; o < width; o++)
                {
                    gradientRow[o] += x * outputGradient[o];
                    sum += row[o] * outputGradient[o];
                }
                inputGradient[i] = sum;
            }
        }
    }

    /// <summary>Adam's moments for every parameter; dense tensors step every batch, sparse rows when touched.</summary>
    private sealed class AdamState
    {
        private readonly float[][] first;
        private readonly float[][] second;
        private float biasFirst;
        private float biasSecond;

        public AdamState(WideDeepModel model)
        {
            first = model.Tensors.Select(t => new float[t.Length]).ToArray();
            second = model.Tensors.Select(t => new float[t.Length]).ToArray();
        }

        // Tensor order of WideDeepModel.Tensors: Embeddings, W1, B1, W2, B2, W3, Wide, WideLinear.
        private const int EmbeddingsTensor = 0;
        private const int WideTensor = 6;
        private const int WideLinearTensor = 7;

        public void Update(WideDeepModel model, WideDeepModel grads, SparseRows embeddingRows, SparseRows wideRows, int batch, long step, WideDeepOptions options)
        {
            var scale = 1f / batch;
            var correction = (float)(Math.Sqrt(1 - Math.Pow(Beta2, step)) / (1 - Math.Pow(Beta1, step)));
            var rate = options.LearningRate * correction;
            var wideRate = options.WideLearningRate * correction;
            var parameters = model.Tensors;
            var gradients = grads.Tensors;
            for (var t = 0; t < parameters.Length; t++)
            {
                if (t is EmbeddingsTensor or WideTensor)
                {
                    continue;
                }
                // Biases are not penalised; the wide linear weights are the wide part's.
                var l2 = t is 2 or 4 ? 0f : options.L2;
                var tensorRate = t == WideLinearTensor ? wideRate : rate;
                for (var i = 0; i < parameters[t].Length; i++)
                {
                    Step(parameters[t], gradients[t], first[t], second[t], i, scale, l2, tensorRate);
                }
            }
            var d = model.EmbeddingDimension;
            foreach (var row in embeddingRows.Rows)
            {
                for (var i = row * d; i < row * d + d; i++)
                {
                    Step(model.Embeddings, grads.Embeddings, first[EmbeddingsTensor], second[EmbeddingsTensor], i, scale, options.SparseL2, rate);
                }
            }
            foreach (var i in wideRows.Rows)
            {
                Step(model.Wide, grads.Wide, first[WideTensor], second[WideTensor], i, scale, options.SparseL2, wideRate);
            }
            embeddingRows.Clear();
            wideRows.Clear();

            var biasGradient = grads.Bias * scale;
            biasFirst = Beta1 * biasFirst + (1 - Beta1) * biasGradient;
            biasSecond = Beta2 * biasSecond + (1 - Beta2) * biasGradient * biasGradient;
            model.Bias -= wideRate * biasFirst / (MathF.Sqrt(biasSecond) + Epsilon);
            grads.Bias = 0;
        }

        // One Adam step of parameter i; clears its gradient sum for the next batch.
        private static void Step(float[] parameter, float[] gradient, float[] m, float[] v, int i, float scale, float l2, float rate)
        {
            var g = gradient[i] * scale + l2 * parameter[i];
            gradient[i] = 0;
            m[i] = Beta1 * m[i] + (1 - Beta1) * g;
            v[i] = Beta2 * v[i] + (1 - Beta2) * g * g;
            parameter[i] -= rate * m[i] / (MathF.Sqrt(v[i]) + Epsilon);
        }
    }
}
