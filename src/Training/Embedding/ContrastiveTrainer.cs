using System.Runtime.InteropServices;
using System.Text.Json.Serialization;

namespace Naviyam.Training.Embedding;

/// <summary>
/// One training pair as featurizer ids. <see cref="Concept"/>, <see cref="AnchorText"/> and <see cref="PositiveText"/>
/// are small integer keys: two pairs that share a concept or a text are never each other's negatives.
/// </summary>
public sealed record EncodedPair(long[] Anchor, long[] Positive, int Concept, int AnchorText, int PositiveText);

/// <summary>Hyper-parameters of <see cref="ContrastiveTrainer"/>.</summary>
public sealed record EncoderOptions
{
    [JsonPropertyName("buckets")] public int Buckets { get; init; } = Naviyam.Embeddings.EmbeddingFeaturizer.DefaultBuckets;

    /// <summary>Width of the embedding bag.</summary>
    [JsonPropertyName("width")] public int Width { get; init; } = 64;

    /// <summary>Dimension of the semantic channel.</summary>
    [JsonPropertyName("dimension")] public int Dimension { get; init; } = 64;

    /// <summary>Dimension of the lexical channel (fixed ±1 rows); the output vector has Dimension + LexicalWidth values.</summary>
    [JsonPropertyName("lexical_width")] public int LexicalWidth { get; init; } = 64;

    /// <summary>The share of the cosine the lexical channel carries.</summary>
    [JsonPropertyName("lexical_share")] public float LexicalShare { get; init; } = 0.5f;

    [JsonPropertyName("epochs")] public int Epochs { get; init; } = 30;

    [JsonPropertyName("batch_size")] public int BatchSize { get; init; } = 128;

    /// <summary>Adagrad's step.</summary>
    [JsonPropertyName("learning_rate")] public float LearningRate { get; init; } = 0.02f;

    /// <summary>The InfoNCE temperature: similarities are divided by it before the softmax.</summary>
    [JsonPropertyName("temperature")] public float Temperature { get; init; } = 0.1f;

    /// <summary>Probability of dropping each id of a text in an update (at least one id is kept): robustness to typos.</summary>
    [JsonPropertyName("token_dropout")] public float TokenDropout { get; init; } = 0.1f;

    /// <summary>Half-width of the uniform initialisation of the embedding rows that training texts touch.</summary>
    [JsonPropertyName("init_scale")] public float InitScale { get; init; } = 0.1f;

    [JsonPropertyName("seed")] public int Seed { get; init; } = 20_261_207;

    /// <summary>Share of the dishes held out whole for each of the dev and test splits (drawn with <see cref="Seed"/>).</summary>
    [JsonPropertyName("held_out_share")] public double HeldOutShare { get; init; } = EmbeddingDataset.DefaultHeldOutShare;

    /// <summary>Share of each wish's phrasings held out for each of dev and test (at least one each).</summary>
    [JsonPropertyName("wish_phrase_share")] public double WishPhraseShare { get; init; } = EmbeddingDataset.DefaultWishPhraseShare;
}

/// <summary>
/// Trains an <see cref="EncoderModel"/> contrastively: every batch of pairs is scored all against all (cosine divided by
/// the temperature), and a symmetric InfoNCE loss asks each anchor to pick its own positive among the batch's positives
/// and each positive its own anchor; pairs that share a concept or a text are masked out of each other's negatives.
/// Adagrad, single-threaded scalar code in a seeded order: the same pairs, options and seed give bit-identical parameters.
/// </summary>
/// <remarks>
/// Only embedding rows that some training text touches are initialised (seeded, in id order); the others stay zero,
/// so an n-gram never seen adds nothing but weight in the mean, and the exported table compresses well.
/// </remarks>
public static class ContrastiveTrainer
{
    private const float AdagradEpsilon = 1e-8f;

    public static EncoderModel Train(IReadOnlyList<EncodedPair> pairs, EncoderOptions options, TextWriter? progress = null)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(options);
        if (pairs.Count < 2)
        {
            throw new ArgumentException("contrastive training needs at least two pairs", nameof(pairs));
        }
        var random = new Random(options.Seed);
        var model = new EncoderModel(options.Buckets, options.Width, options.Dimension, options.LexicalWidth, options.LexicalShare);
        var width = options.Width;
        var dimension = options.Dimension;

        for (var id = 0; id < options.Buckets; id++)
        {
            var row = model.Embeddings.AsSpan((int)id * width, width);
            for (var d = 0; d < width; d++)
            {
                row[d] = (float)((random.NextDouble() * 2 - 1) * options.InitScale);
            }
        }
        var projectionScale = MathF.Sqrt(3f / width);
        for (var i = 0; i < model.Projection.Length; i++)
        {
            model.Projection[i] = (float)((random.NextDouble() * 2 - 1) * projectionScale);
        }
        model.SeedLexical(random);

        var embeddingSquares = new float[model.Embeddings.Length];
        var projectionSquares = new float[model.Projection.Length];
        var weightSquares = new float[model.LogWeights.Length];
        var order = Enumerable.Range(0, pairs.Count).ToArray();
        var batch = new Batch(options.BatchSize, width, dimension, model.LexicalWidth);

        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            Shuffle(order, random);
            var loss = 0.0;
            var batches = 0;
            for (var start = 0; start + 1 < order.Length; start += options.BatchSize)
            {
                var size = Math.Min(options.BatchSize, order.Length - start);
                if (size < 2)
                {
                    break;
                }
                batch.Reset(size);
                for (var b = 0; b < size; b++)
                {
                    var pair = pairs[order[start + b]];
                    batch.Pairs[b] = pair;
                    batch.Ids[b] = Dropout(pair.Anchor, options.TokenDropout, random);
                    batch.Ids[size + b] = Dropout(pair.Positive, options.TokenDropout, random);
                }
                loss += Step(model, batch, size, options.Temperature);
                batches++;
                Apply(model.Projection, batch.ProjectionGradient, projectionSquares, options.LearningRate);
                foreach (var (id, gradient) in batch.RowGradients)
                {
                    var offset = (int)id * width;
                    Apply(model.Embeddings.AsSpan(offset, width), gradient, embeddingSquares.AsSpan(offset, width), options.LearningRate);
                }
                foreach (var (id, gradient) in batch.WeightGradients)
                {
                    Apply(model.LogWeights.AsSpan((int)id, 1), [gradient], weightSquares.AsSpan((int)id, 1), options.LearningRate);
                }
            }
            progress?.WriteLine(FormattableString.Invariant($"  epoch {epoch + 1,3}: loss {loss / Math.Max(batches, 1):F4}"));
        }
        return model;
    }

    /// <summary>Forward and backward over one batch; leaves the gradients in <paramref name="batch"/> and returns the loss.</summary>
    private static double Step(EncoderModel model, Batch batch, int size, float temperature)
    {
        var width = model.Width;
        var dimension = model.Dimension;
        var lexicalWidth = model.LexicalWidth;
        var output = model.OutputDimension;
        var (semanticScale, lexicalScale) = (model.SemanticScale, model.LexicalScale);
        var texts = 2 * size;
        for (var t = 0; t < texts; t++)
        {
            batch.Totals[t] = model.Hidden(CollectionsMarshal.AsSpan(batch.Ids[t]), batch.Hidden(t), batch.LexicalHidden(t));
            model.Project(batch.Hidden(t), batch.Projected(t));
            batch.Norms[t] = EncoderModel.Norm(batch.Projected(t));
            batch.LexicalNorms[t] = EncoderModel.Norm(batch.LexicalHidden(t));
            var unit = batch.Unit(t);
            var projected = batch.Projected(t);
            var lexical = batch.LexicalHidden(t);
            for (var d = 0; d < dimension; d++)
            {
                unit[d] = semanticScale * projected[d] / batch.Norms[t];
            }
            for (var d = 0; d < lexicalWidth; d++)
            {
                unit[dimension + d] = lexicalScale * lexical[d] / batch.LexicalNorms[t];
            }
        }

        // Similarities of every anchor (rows) with every positive (columns), over the temperature.
        var scores = batch.Scores;
        for (var i = 0; i < size; i++)
        {
            for (var j = 0; j < size; j++)
            {
                scores[i * size + j] = Dot(batch.Unit(i), batch.Unit(size + j)) / temperature;
            }
        }
        var gradient = batch.ScoreGradient;
        Array.Clear(gradient, 0, size * size);
        var loss = 0.0;
        var weight = 0.5f / size;
        for (var i = 0; i < size; i++)
        {
            loss += SoftmaxLoss(batch, size, i, byRow: true, gradient, weight);
            loss += SoftmaxLoss(batch, size, i, byRow: false, gradient, weight);
        }

        // Back through the similarities into each output vector, then each channel's normalisation, the projection,
        // the semantic rows and the weights (the lexical rows are fixed).
        Array.Clear(batch.ProjectionGradient);
        Span<float> outputGradient = stackalloc float[output];
        Span<float> projectedGradient = stackalloc float[dimension];
        Span<float> hiddenGradient = stackalloc float[width];
        Span<float> lexicalGradient = stackalloc float[lexicalWidth];
        for (var t = 0; t < texts; t++)
        {
            outputGradient.Clear();
            var isAnchor = t < size;
            var index = isAnchor ? t : t - size;
            for (var other = 0; other < size; other++)
            {
                var g = (isAnchor ? gradient[index * size + other] : gradient[other * size + index]) / temperature;
                if (g == 0)
                {
                    continue;
                }
                var partner = batch.Unit(isAnchor ? size + other : other);
                for (var d = 0; d < output; d++)
                {
                    outputGradient[d] += g * partner[d];
                }
            }
            var unit = batch.Unit(t);
            // Semantic: o = c · z / ‖z‖, so ∂o/∂z = c (I − u uᵀ) / ‖z‖ with u = z / ‖z‖ = o / c.
            var along = Dot(unit[..dimension], outputGradient[..dimension]) / (semanticScale * semanticScale);
            for (var d = 0; d < dimension; d++)
            {
                projectedGradient[d] = semanticScale * (outputGradient[d] - unit[d] * along) / batch.Norms[t];
            }
            if (lexicalWidth > 0 && lexicalScale > 0)
            {
                var lexicalAlong = Dot(unit[dimension..], outputGradient[dimension..]) / (lexicalScale * lexicalScale);
                for (var d = 0; d < lexicalWidth; d++)
                {
                    lexicalGradient[d] = lexicalScale * (outputGradient[dimension + d] - unit[dimension + d] * lexicalAlong) / batch.LexicalNorms[t];
                }
            }
            var hidden = batch.Hidden(t);
            for (var w = 0; w < width; w++)
            {
                var row = model.Projection.AsSpan(w * dimension, dimension);
                var gradientRow = batch.ProjectionGradient.AsSpan(w * dimension, dimension);
                var h = hidden[w];
                var sum = 0f;
                for (var d = 0; d < dimension; d++)
                {
                    gradientRow[d] += h * projectedGradient[d];
                    sum += row[d] * projectedGradient[d];
                }
                hiddenGradient[w] = sum;
            }
            // h = Σ a·E / Σ a: ∂h/∂E = a / Σa, ∂h/∂(log a) = a (E − h) / Σa; the same for the lexical mean.
            var lexicalHidden = batch.LexicalHidden(t);
            var total = Math.Max(batch.Totals[t], Naviyam.Embeddings.TextEncoderFormat.NormFloor);
            foreach (var id in batch.Ids[t])
            {
                if (!batch.RowGradients.TryGetValue(id, out var rowGradient))
                {
                    rowGradient = batch.RentRow();
                    batch.RowGradients.Add(id, rowGradient);
                }
                var share = MathF.Exp(model.LogWeights[id]) / total;
                var row = model.Embeddings.AsSpan((int)id * width, width);
                var weightGradient = 0f;
                for (var w = 0; w < width; w++)
                {
                    rowGradient[w] += share * hiddenGradient[w];
                    weightGradient += (row[w] - hidden[w]) * hiddenGradient[w];
                }
                var signs = model.Lexical.AsSpan((int)id * lexicalWidth, lexicalWidth);
                for (var d = 0; d < lexicalWidth; d++)
                {
                    weightGradient += (signs[d] - lexicalHidden[d]) * lexicalGradient[d];
                }
                batch.WeightGradients[id] = batch.WeightGradients.GetValueOrDefault(id) + share * weightGradient;
            }
        }
        return loss * weight;
    }

    /// <summary>Cross-entropy of one row (anchor i over the positives) or column (positive i over the anchors).</summary>
    private static double SoftmaxLoss(Batch batch, int size, int i, bool byRow, float[] gradient, float weight)
    {
        var scores = batch.Scores;
        int Cell(int other) => byRow ? i * size + other : other * size + i;
        var max = float.NegativeInfinity;
        for (var other = 0; other < size; other++)
        {
            if (other == i || !batch.Conflicts(i, other))
            {
                max = Math.Max(max, scores[Cell(other)]);
            }
        }
        var sum = 0.0;
        for (var other = 0; other < size; other++)
        {
            if (other == i || !batch.Conflicts(i, other))
            {
                sum += Math.Exp(scores[Cell(other)] - max);
            }
        }
        for (var other = 0; other < size; other++)
        {
            if (other == i || !batch.Conflicts(i, other))
            {
                var probability = (float)(Math.Exp(scores[Cell(other)] - max) / sum);
                gradient[Cell(other)] += weight * (probability - (other == i ? 1f : 0f));
            }
        }
        return -(scores[Cell(i)] - max - Math.Log(sum));
    }

    private static void Apply(Span<float> parameters, ReadOnlySpan<float> gradient, Span<float> squares, float rate)
    {
        for (var i = 0; i < parameters.Length; i++)
        {
            var g = gradient[i];
            squares[i] += g * g;
            parameters[i] -= rate * g / (MathF.Sqrt(squares[i]) + AdagradEpsilon);
        }
    }

    private static List<long> Dropout(long[] ids, float rate, Random random)
    {
        var kept = new List<long>(ids.Length);
        foreach (var id in ids)
        {
            if (rate <= 0 || random.NextDouble() >= rate)
            {
                kept.Add(id);
            }
        }
        if (kept.Count == 0 && ids.Length > 0)
        {
            kept.Add(ids[random.Next(ids.Length)]);
        }
        return kept;
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = 0f;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }
        return sum;
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

    /// <summary>Scratch space of one batch, reused across batches.</summary>
    private sealed class Batch(int capacity, int width, int dimension, int lexicalWidth)
    {
        private readonly float[] hidden = new float[2 * capacity * width];
        private readonly float[] lexicalHidden = new float[2 * capacity * lexicalWidth];
        private readonly float[] projected = new float[2 * capacity * dimension];
        private readonly float[] units = new float[2 * capacity * (dimension + lexicalWidth)];
        private readonly List<float[]> rowPool = [];
        private int rowsRented;

        public EncodedPair[] Pairs { get; } = new EncodedPair[capacity];

        public List<long>[] Ids { get; } = new List<long>[2 * capacity];

        public float[] Norms { get; } = new float[2 * capacity];

        public float[] LexicalNorms { get; } = new float[2 * capacity];

        /// <summary>Each text's total n-gram weight (the denominator of its weighted mean).</summary>
        public float[] Totals { get; } = new float[2 * capacity];

        /// <summary>Gradients of the log weights of the buckets this batch touched, in first-touch order.</summary>
        public Dictionary<long, float> WeightGradients { get; } = [];

        public float[] Scores { get; } = new float[capacity * capacity];

        public float[] ScoreGradient { get; } = new float[capacity * capacity];

        public float[] ProjectionGradient { get; } = new float[width * dimension];

        /// <summary>Gradients of the embedding rows this batch touched, in first-touch order (deterministic).</summary>
        public Dictionary<long, float[]> RowGradients { get; } = [];

        public Span<float> Hidden(int text) => hidden.AsSpan(text * width, width);

        public Span<float> Projected(int text) => projected.AsSpan(text * dimension, dimension);

        public Span<float> LexicalHidden(int text) => lexicalHidden.AsSpan(text * lexicalWidth, lexicalWidth);

        /// <summary>The text's output vector: [√(1−s)·semantic unit, √s·lexical unit].</summary>
        public Span<float> Unit(int text) => units.AsSpan(text * (dimension + lexicalWidth), dimension + lexicalWidth);

        public void Reset(int size)
        {
            rowsRented = 0;
            RowGradients.Clear();
            WeightGradients.Clear();
            Array.Clear(Norms, 0, 2 * size);
        }

        public float[] RentRow()
        {
            if (rowsRented == rowPool.Count)
            {
                rowPool.Add(new float[width]);
            }
            var row = rowPool[rowsRented++];
            Array.Clear(row);
            return row;
        }

        /// <summary>True when pairs i and j are about the same concept or share a text: neither is the other's negative.</summary>
        public bool Conflicts(int i, int j)
        {
            var (a, b) = (Pairs[i], Pairs[j]);
            return a.Concept == b.Concept
                || a.AnchorText == b.AnchorText || a.AnchorText == b.PositiveText
                || a.PositiveText == b.AnchorText || a.PositiveText == b.PositiveText;
        }
    }
}
