using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Naviyam.Embeddings;
using Naviyam.Nlu.Model;

namespace Naviyam.Training.Embedding;

/// <summary>What <see cref="EmbedderTrainingCommand.TrainModel"/> writes to <c>metrics.json</c>.</summary>
public sealed record EmbedderTrainingReport
{
    public required string ModelVersion { get; init; }
    public required string Sha256 { get; init; }
    public required string ModelFile { get; init; }
    public required long ModelBytes { get; init; }
    public required string Featurizer { get; init; }
    public required EncoderOptions HyperParameters { get; init; }
    public required IReadOnlyDictionary<string, string> DataSha256 { get; init; }
    public required IReadOnlyDictionary<string, int> TrainingPairs { get; init; }
    public required IReadOnlyList<string> HeldOutConcepts { get; init; }
    public required int Candidates { get; init; }
    public required IReadOnlyDictionary<string, RetrievalComparison> HeldOut { get; init; }
    /// <summary>True when the encoder beats the baseline on recall@10 and MRR over all held-out queries.</summary>
    public required bool BeatsBaseline { get; init; }
    /// <summary>Largest absolute difference between the ONNX graph's output and the C# forward pass.</summary>
    public required double ParityMaxAbsDifference { get; init; }
    public required double TrainSeconds { get; init; }
}

/// <summary>
/// The text encoder's operator commands: train (writes <c>encoder.onnx</c> + <c>metrics.json</c> when the encoder
/// beats the TF-IDF baseline on the held-out queries) and evaluate the shipped encoder again. The held-out dishes and
/// wish phrasings are drawn with the options' seed and never reach training.
/// </summary>
public static class EmbedderTrainingCommand
{
    public const string ModelFileName = "encoder.onnx";
    public const string MetricsFileName = "metrics.json";
    public const string RejectedModelFileName = "encoder.rejected.onnx";
    public const string RejectedMetricsFileName = "metrics.rejected.json";

    /// <summary>Trains, evaluates and writes the model; 0 when it ships, 1 when it does not beat the baseline.</summary>
    public static int Train(string dataDirectory, string modelDirectory, TextWriter output, EncoderOptions? options = null) =>
        TrainModel(dataDirectory, modelDirectory, output, options).BeatsBaseline ? 0 : 1;

    public static EmbedderTrainingReport TrainModel(string dataDirectory, string modelDirectory, TextWriter output, EncoderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        options ??= new EncoderOptions();
        var dataset = EmbeddingDataset.Build(dataDirectory, options.Seed, options.HeldOutShare, options.WishPhraseShare);
        var featurizer = new EmbeddingFeaturizer(options.Buckets);
        output.WriteLine($"{dataset.Training.Count:N0} training pairs ({Summary(dataset.Training.GroupBy(p => p.Source).ToDictionary(g => g.Key, g => g.Count()))}); "
            + $"{dataset.HeldOut.Count:N0} held-out queries; {dataset.HeldOutConcepts.Count} dishes held out.");

        var clock = Stopwatch.StartNew();
        var model = ContrastiveTrainer.Train(Encode(dataset.Training, featurizer), options);
        var trainSeconds = clock.Elapsed.TotalSeconds;
        var bytes = EncoderOnnxExporter.Export(model, options.Seed, JsonSerializer.Serialize(options));

        // Figures come from the exported graph, run by ONNX Runtime exactly as the silo runs it.
        using var encoder = new TextEncoder(bytes);
        var comparison = Compare(dataset, encoder);
        var parity = Parity(model, encoder, dataset.HeldOut.Select(q => q.Text).Concat(dataset.Candidates).ToArray());
        var all = comparison["all"];
        var beats = all.Encoder.RecallAt10 > all.Baseline.RecallAt10 && all.Encoder.Mrr > all.Baseline.Mrr;
        var report = new EmbedderTrainingReport
        {
            ModelVersion = encoder.Version,
            Sha256 = encoder.Sha256,
            ModelFile = ModelFileName,
            ModelBytes = bytes.Length,
            Featurizer = EmbeddingFeaturizer.Version,
            HyperParameters = options,
            DataSha256 = EmbeddingDataset.SourceFiles.ToDictionary(
                f => f, f => IntentModelFormat.Sha256Of(File.ReadAllBytes(Path.Combine(dataDirectory, f))), StringComparer.Ordinal),
            TrainingPairs = new SortedDictionary<string, int>(
                dataset.Training.GroupBy(p => p.Source).ToDictionary(g => g.Key, g => g.Count()), StringComparer.Ordinal),
            HeldOutConcepts = dataset.HeldOutConcepts,
            Candidates = dataset.Candidates.Count,
            HeldOut = comparison,
            BeatsBaseline = beats,
            ParityMaxAbsDifference = parity,
            TrainSeconds = Math.Round(trainSeconds, 1),
        };

        Directory.CreateDirectory(modelDirectory);
        var json = JsonSerializer.Serialize(report, NluTrainingCommand.JsonOptions) + "\n";
        if (beats)
        {
            File.WriteAllBytes(Path.Combine(modelDirectory, ModelFileName), bytes);
            File.WriteAllText(Path.Combine(modelDirectory, MetricsFileName), json);
        }
        else
        {
            // Kept beside the shipped model, never over it, so that a failed run can be looked at.
            File.WriteAllBytes(Path.Combine(modelDirectory, RejectedModelFileName), bytes);
            File.WriteAllText(Path.Combine(modelDirectory, RejectedMetricsFileName), json);
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Trained in {trainSeconds:F1} s: {encoder.Version}, {bytes.Length:N0} bytes, ONNX vs C# max |Δ| {parity:E1}."));
        Write(output, comparison);
        output.WriteLine(beats
            ? $"It beats the baseline: wrote {Path.Combine(modelDirectory, ModelFileName)} and {MetricsFileName}."
            : $"It does NOT beat the baseline: nothing shipped; it and its figures are in {RejectedModelFileName} and {RejectedMetricsFileName}.");
        return report;
    }

    /// <summary>Scores the shipped encoder on the held-out queries of its own split (seed and shares from its metadata).</summary>
    public static int Evaluate(string dataDirectory, string modelDirectory, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var encoder = TextEncoder.Load(Path.Combine(modelDirectory, ModelFileName));
        var options = JsonSerializer.Deserialize<EncoderOptions>(encoder.HyperParameters)
            ?? throw new InvalidDataException("The encoder's hyper-parameters metadata is empty.");
        var dataset = EmbeddingDataset.Build(dataDirectory, options.Seed, options.HeldOutShare, options.WishPhraseShare);
        var comparison = Compare(dataset, encoder);
        output.WriteLine($"Encoder {encoder.Version} ({encoder.Dimension} dimensions) on {dataset.HeldOut.Count:N0} held-out queries "
            + $"against {dataset.Candidates.Count} dishes; {dataset.HeldOutConcepts.Count} dishes held out: {string.Join(", ", dataset.HeldOutConcepts)}.");
        Write(output, comparison);
        return 0;
    }

    /// <summary>The featurizer's ids of every pair, with integer keys for its concept and its two texts.</summary>
    public static EncodedPair[] Encode(IReadOnlyList<TextPair> pairs, EmbeddingFeaturizer featurizer)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(featurizer);
        var texts = new Dictionary<string, int>(StringComparer.Ordinal);
        var concepts = new Dictionary<string, int>(StringComparer.Ordinal);
        int Key(Dictionary<string, int> keys, string value) =>
            keys.TryGetValue(value, out var key) ? key : keys[value] = keys.Count;
        return pairs
            .Select(p => new EncodedPair(featurizer.Featurize(p.Anchor), featurizer.Featurize(p.Positive),
                Key(concepts, p.Concept), Key(texts, EmbeddingDataset.Compact(p.Anchor)), Key(texts, EmbeddingDataset.Compact(p.Positive))))
            .Where(p => p.Anchor.Length > 0 && p.Positive.Length > 0)
            .ToArray();
    }

    /// <summary>The encoder and the TF-IDF baseline on the dataset's held-out queries, per source and over all.</summary>
    public static IReadOnlyDictionary<string, RetrievalComparison> Compare(EmbeddingDataset dataset, TextEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(encoder);
        var queryVectors = encoder.Embed(dataset.HeldOut.Select(q => q.Text).ToArray());
        var candidateVectors = encoder.Embed(dataset.Candidates);
        var encoderScores = RetrievalEvaluator.Evaluate(dataset.HeldOut, dataset.Candidates,
            (q, c) => Dot(queryVectors[q], candidateVectors[c]));

        var baseline = new TfIdfBaseline(dataset.Training.SelectMany(p => new[] { p.Anchor, p.Positive }).Concat(dataset.Candidates));
        var queryTfIdf = dataset.HeldOut.Select(q => baseline.Vector(q.Text)).ToArray();
        var candidateTfIdf = dataset.Candidates.Select(baseline.Vector).ToArray();
        var baselineScores = RetrievalEvaluator.Evaluate(dataset.HeldOut, dataset.Candidates,
            (q, c) => TfIdfBaseline.Cosine(queryTfIdf[q], candidateTfIdf[c]));
        return encoderScores.Keys.ToDictionary(
            key => key, key => new RetrievalComparison(encoderScores[key], baselineScores[key]), StringComparer.Ordinal);
    }

    /// <summary>Largest absolute difference between the ONNX graph and the C# forward pass over the texts.</summary>
    public static double Parity(EncoderModel model, TextEncoder encoder, IReadOnlyList<string> texts) =>
        ParityByText(model, encoder, texts).Max(p => p.Difference);

    /// <summary>
    /// For each text, the largest absolute difference between the ONNX graph and the C# forward pass, and the number of
    /// featurizer ids its sums run over (what float32 rounding error grows with).
    /// </summary>
    public static IReadOnlyList<(string Text, int Ids, double Difference)> ParityByText(EncoderModel model, TextEncoder encoder, IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(texts);
        var onnx = encoder.Embed(texts);
        var result = new (string, int, double)[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            var ids = encoder.Featurizer.Featurize(texts[i]);
            var reference = model.Encode(ids);
            var worst = 0.0;
            for (var d = 0; d < reference.Length; d++)
            {
                worst = Math.Max(worst, Math.Abs(reference[d] - onnx[i][d]));
            }
            result[i] = (texts[i], ids.Length, worst);
        }
        return result;
    }

    private static void Write(TextWriter output, IReadOnlyDictionary<string, RetrievalComparison> comparison)
    {
        output.WriteLine("  queries          n   recall@10 encoder / tf-idf      MRR encoder / tf-idf");
        foreach (var (source, row) in comparison.OrderBy(p => p.Key == "all" ? 1 : 0).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {source,-10} {row.Encoder.Queries,6}   {row.Encoder.RecallAt10,8:P1} / {row.Baseline.RecallAt10,-8:P1}     {row.Encoder.Mrr,6:F3} / {row.Baseline.Mrr:F3}"));
        }
    }

    private static string Summary(IReadOnlyDictionary<string, int> counts) =>
        string.Join(", ", counts.OrderByDescending(p => p.Value).Select(p => $"{p.Key} {p.Value:N0}"));

    private static double Dot(float[] a, float[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
