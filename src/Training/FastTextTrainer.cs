using System.Text.Json.Serialization;

namespace Naviyam.Training;

/// <summary>One training row: the featurizer's ids and the index of the gold class.</summary>
public sealed record TrainingExample(long[] Ids, int Label);

/// <summary>Hyper-parameters of <see cref="FastTextTrainer"/>. The defaults are the ones chosen on the dev split.</summary>
public sealed record FastTextOptions
{
    [JsonPropertyName("buckets")] public int Buckets { get; init; } = Naviyam.Nlu.Model.NgramFeaturizer.DefaultBuckets;

    [JsonPropertyName("cue_repeat")] public int CueRepeat { get; init; } = Naviyam.Nlu.Model.NgramFeaturizer.DefaultCueRepeat;

    [JsonPropertyName("dimension")] public int Dimension { get; init; } = 32;

    [JsonPropertyName("epochs")] public int Epochs { get; init; } = 50;

    /// <summary>Initial SGD step; it decays linearly to zero over all updates (as in fastText).</summary>
    [JsonPropertyName("learning_rate")] public float LearningRate { get; init; } = 0.5f;

    /// <summary>Probability of dropping each feature id of a training row in an update (at least one id is kept).</summary>
    [JsonPropertyName("token_dropout")] public float TokenDropout { get; init; } = 0.3f;

    /// <summary>Mass moved from the gold class to the others, uniformly.</summary>
    [JsonPropertyName("label_smoothing")] public float LabelSmoothing { get; init; }

    /// <summary>Half-width of the uniform initialisation of the linear layer (the embeddings start at zero).</summary>
    [JsonPropertyName("init_scale")] public float InitScale { get; init; } = 0.1f;

    [JsonPropertyName("seed")] public int Seed { get; init; } = 20_250_903;
}

/// <summary>
/// Trains a <see cref="FastTextModel"/>: embedding bag → mean → linear → softmax, cross-entropy, plain SGD with a
/// linearly decaying step, one example at a time in a seeded shuffled order. Single-threaded and scalar, so the
/// same data, options and seed give bit-identical parameters on any machine.
/// </summary>
/// <remarks>
/// The embeddings start at zero and the linear layer at small seeded uniform values: buckets no training text
/// touches stay exactly zero, so unseen n-grams add nothing but weight in the mean, and the exported table is
/// mostly zeros (it compresses well in git).
/// </remarks>
public static class FastTextTrainer
{
    public static FastTextModel Train(IReadOnlyList<TrainingExample> examples, int classes, FastTextOptions options)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(options);
        if (examples.Count == 0)
        {
            throw new ArgumentException("no training examples", nameof(examples));
        }
        var random = new Random(options.Seed);
        var model = new FastTextModel(options.Buckets, options.Dimension, classes);
        for (var i = 0; i < model.Weights.Length; i++)
        {
            model.Weights[i] = (float)((random.NextDouble() * 2 - 1) * options.InitScale);
        }

        var dimension = options.Dimension;
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var hidden = new float[dimension];
        var hiddenGradient = new float[dimension];
        var logits = new float[classes];
        var gradient = new float[classes];
        var kept = new List<long>(256);
        var totalSteps = (long)options.Epochs * examples.Count;
        var step = 0L;
        var off = options.LabelSmoothing / classes;
        var on = 1f - options.LabelSmoothing + off;

        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            Shuffle(order, random);
            foreach (var index in order)
            {
                var example = examples[index];
                var rate = options.LearningRate * (1f - (float)step / totalSteps);
                step++;

                kept.Clear();
                foreach (var id in example.Ids)
                {
                    if (options.TokenDropout <= 0 || random.NextDouble() >= options.TokenDropout)
                    {
                        kept.Add(id);
                    }
                }
                if (kept.Count == 0)
                {
                    kept.Add(example.Ids[random.Next(example.Ids.Length)]);
                }
                var ids = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(kept);

                model.Hidden(ids, hidden);
                model.Logits(hidden, logits);
                FastTextModel.Softmax(logits, 1f, gradient);
                for (var c = 0; c < classes; c++)
                {
                    gradient[c] -= c == example.Label ? on : off;
                }

                // Back-propagate into the hidden vector before the linear layer moves.
                for (var d = 0; d < dimension; d++)
                {
                    var row = model.Weights.AsSpan(d * classes, classes);
                    var sum = 0f;
                    for (var c = 0; c < classes; c++)
                    {
                        sum += row[c] * gradient[c];
                    }
                    hiddenGradient[d] = sum;
                }
                for (var d = 0; d < dimension; d++)
                {
                    var row = model.Weights.AsSpan(d * classes, classes);
                    var h = hidden[d];
                    for (var c = 0; c < classes; c++)
                    {
                        row[c] -= rate * h * gradient[c];
                    }
                }
                for (var c = 0; c < classes; c++)
                {
                    model.Bias[c] -= rate * gradient[c];
                }
                var share = rate / ids.Length;
                foreach (var id in ids)
                {
                    var row = model.Embeddings.AsSpan((int)id * dimension, dimension);
                    for (var d = 0; d < dimension; d++)
                    {
                        row[d] -= share * hiddenGradient[d];
                    }
                }
            }
        }
        return model;
    }

    // Fisher–Yates with Random.Next only, so the order never depends on how a runtime implements Shuffle.
    private static void Shuffle(int[] order, Random random)
    {
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
    }
}
