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
    public required string LexicalFile { get; init; }
    public required string LexicalSha256 { get; init; }
    public required string Featurizer { get; init; }
    public required EncoderOptions HyperParameters { get; init; }
    public required IReadOnlyDictionary<string, string> DataSha256 { get; init; }
    public required IReadOnlyDictionary<string, int> TrainingPairs { get; init; }
    public required IReadOnlyList<string> DevConcepts { get; init; }
    public required IReadOnlyList<string> TestConcepts { get; init; }
    public required int Candidates { get; init; }
    /// <summary>The TF-IDF weight of the hybrid similarity, chosen on the dev split (best mean MRR of its sources).</summary>
    public required double LexicalWeight { get; init; }
    /// <summary>Dev figures per source and over all: what the weight was chosen on, and the ship gate.</summary>
    public required IReadOnlyDictionary<string, RetrievalComparison> Dev { get; init; }
    /// <summary>Test figures per source and over all: reported, never chosen on.</summary>
    public required IReadOnlyDictionary<string, RetrievalComparison> Test { get; init; }
    /// <summary>The free-wish threshold chosen on dev (<see cref="Naviyam.Embeddings.WishRecognizer"/>), with its dev and test shares.</summary>
    public required WishGateReport WishGate { get; init; }
    /// <summary>True when the hybrid beats TF-IDF alone on dev (mean MRR of the sources) and is no worse in recall@10 over all dev queries.</summary>
    public required bool Ships { get; init; }
    /// <summary>Largest absolute difference between the ONNX graph's output and the C# forward pass.</summary>
    public required double ParityMaxAbsDifference { get; init; }
    public required double TrainSeconds { get; init; }
}

/// <summary>
/// The text encoder's operator commands: train (writes <c>encoder.onnx</c>, <c>lexical.json</c> and <c>metrics.json</c>
/// when the hybrid of encoder and TF-IDF beats TF-IDF alone on the dev split) and evaluate the shipped model again.
/// The dev and test dishes and wish phrasings are drawn with the options' seed and never reach training; the hybrid's
/// weight is chosen on dev, and test is only reported.
/// </summary>
public static class EmbedderTrainingCommand
{
    public const string ModelFileName = "encoder.onnx";
    public const string MetricsFileName = "metrics.json";
    public const string RejectedModelFileName = "encoder.rejected.onnx";
    public const string RejectedMetricsFileName = "metrics.rejected.json";

    /// <summary>Trains, evaluates and writes the model; 0 when it ships, 1 when the hybrid does not beat TF-IDF on dev.</summary>
    public static int Train(string dataDirectory, string modelDirectory, TextWriter output, EncoderOptions? options = null) =>
        TrainModel(dataDirectory, modelDirectory, output, options).Ships ? 0 : 1;

    /// <summary>The weights tried for the TF-IDF share of the hybrid similarity (0: encoder alone, 1: TF-IDF alone).</summary>
    public static IReadOnlyList<double> LexicalWeights { get; } = Enumerable.Range(0, 21).Select(i => i / 20.0).ToArray();

    public static EmbedderTrainingReport TrainModel(string dataDirectory, string modelDirectory, TextWriter output, EncoderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        options ??= new EncoderOptions();
        var dataset = EmbeddingDataset.Build(dataDirectory, options.Seed, options.HeldOutShare, options.WishPhraseShare);
        var featurizer = new EmbeddingFeaturizer(options.Buckets);
        output.WriteLine($"{dataset.Training.Count:N0} training pairs ({Summary(dataset.Training.GroupBy(p => p.Source).ToDictionary(g => g.Key, g => g.Count()))}); "
            + $"{dataset.Split(EmbeddingDataset.Dev).Count:N0} dev and {dataset.Split(EmbeddingDataset.Test).Count:N0} test queries; "
            + $"{dataset.HeldOutConcepts.Count} dishes held out.");

        var clock = Stopwatch.StartNew();
        var model = ContrastiveTrainer.Train(Encode(dataset.Training, featurizer), options);
        var trainSeconds = clock.Elapsed.TotalSeconds;
        var bytes = EncoderOnnxExporter.Export(model, options.Seed, JsonSerializer.Serialize(options));

        // Figures come from the exported graph, run by ONNX Runtime exactly as the silo runs it.
        using var encoder = new TextEncoder(bytes);
        var fitted = Lexical(dataset);
        var dev = new ScoredQueries(dataset, EmbeddingDataset.Dev, encoder, fitted);
        var weight = LexicalWeights.OrderByDescending(w => Math.Round(RetrievalEvaluator.MacroMrr(dev.Hybrid(w)), 4)).ThenBy(w => w).First();
        var gate = WishGate.Choose(dataDirectory, dataset, encoder, fitted.WithLexicalWeight(weight));
        var lexical = fitted.WithLexicalWeight(weight).WithWishThreshold(gate.Threshold);
        var devComparison = dev.Compare(weight);
        var testComparison = new ScoredQueries(dataset, EmbeddingDataset.Test, encoder, lexical).Compare(weight);
        var lexicalBytes = lexical.ToJson();
        var parity = Parity(model, encoder, dataset.HeldOut.Select(q => q.Text).Concat(dataset.Candidates).ToArray());
        var ships = MacroMrr(devComparison, c => c.Hybrid) > MacroMrr(devComparison, c => c.Baseline)
                    && devComparison["all"].Hybrid.RecallAt10 >= devComparison["all"].Baseline.RecallAt10;
        var report = new EmbedderTrainingReport
        {
            ModelVersion = encoder.Version,
            Sha256 = encoder.Sha256,
            ModelFile = ModelFileName,
            ModelBytes = bytes.Length,
            LexicalFile = TfIdfVectorizer.FileName,
            LexicalSha256 = IntentModelFormat.Sha256Of(lexicalBytes),
            Featurizer = EmbeddingFeaturizer.Version,
            HyperParameters = options,
            DataSha256 = EmbeddingDataset.SourceFiles.ToDictionary(
                f => f, f => IntentModelFormat.Sha256Of(File.ReadAllBytes(Path.Combine(dataDirectory, f))), StringComparer.Ordinal),
            TrainingPairs = new SortedDictionary<string, int>(
                dataset.Training.GroupBy(p => p.Source).ToDictionary(g => g.Key, g => g.Count()), StringComparer.Ordinal),
            DevConcepts = Concepts(dataset, EmbeddingDataset.Dev),
            TestConcepts = Concepts(dataset, EmbeddingDataset.Test),
            Candidates = dataset.Candidates.Count,
            LexicalWeight = weight,
            Dev = devComparison,
            Test = testComparison,
            WishGate = gate,
            Ships = ships,
            ParityMaxAbsDifference = parity,
            TrainSeconds = Math.Round(trainSeconds, 1),
        };

        Directory.CreateDirectory(modelDirectory);
        var json = JsonSerializer.Serialize(report, NluTrainingCommand.JsonOptions) + "\n";
        if (ships)
        {
            File.WriteAllBytes(Path.Combine(modelDirectory, ModelFileName), bytes);
            File.WriteAllBytes(Path.Combine(modelDirectory, TfIdfVectorizer.FileName), lexicalBytes);
            File.WriteAllText(Path.Combine(modelDirectory, MetricsFileName), json);
        }
        else
        {
            // Kept beside the shipped model, never over it, so that a failed run can be looked at.
            File.WriteAllBytes(Path.Combine(modelDirectory, RejectedModelFileName), bytes);
            File.WriteAllText(Path.Combine(modelDirectory, RejectedMetricsFileName), json);
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Trained in {trainSeconds:F1} s: {encoder.Version}, {bytes.Length:N0} bytes, ONNX vs C# max |Δ| {parity:E1}. "
            + $"Hybrid TF-IDF weight chosen on dev: {weight:F2}."));
        Write(output, "dev", devComparison);
        Write(output, "test", testComparison);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  free-wish threshold {gate.Threshold:F3} (chosen on dev): dev passes {gate.Dev.WishesPassed:P0} of {gate.Dev.Wishes} wishes and "
            + $"{gate.Dev.OthersPassed:P0} of {gate.Dev.Others} sentences naming no food; test {gate.Test.WishesPassed:P0} of {gate.Test.Wishes} and {gate.Test.OthersPassed:P0} of {gate.Test.Others}."));
        output.WriteLine(ships
            ? $"The hybrid beats TF-IDF on dev: wrote {ModelFileName}, {TfIdfVectorizer.FileName} and {MetricsFileName} in {modelDirectory}."
            : $"The hybrid does NOT beat TF-IDF on dev: nothing shipped; the model and its figures are in {RejectedModelFileName} and {RejectedMetricsFileName}.");
        return report;
    }

    /// <summary>Scores the shipped encoder and lexical table on its own split (seed and shares from the model's metadata).</summary>
    public static int Evaluate(string dataDirectory, string modelDirectory, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var encoder = TextEncoder.Load(Path.Combine(modelDirectory, ModelFileName));
        var lexical = TfIdfVectorizer.Load(Path.Combine(modelDirectory, TfIdfVectorizer.FileName));
        var options = JsonSerializer.Deserialize<EncoderOptions>(encoder.HyperParameters)
            ?? throw new InvalidDataException("The encoder's hyper-parameters metadata is empty.");
        var dataset = EmbeddingDataset.Build(dataDirectory, options.Seed, options.HeldOutShare, options.WishPhraseShare);
        output.WriteLine($"Encoder {encoder.Version} ({encoder.Dimension} dimensions), hybrid TF-IDF weight {lexical.LexicalWeight:F2}, "
            + $"against {dataset.Candidates.Count} dishes; dev dishes: {string.Join(", ", Concepts(dataset, EmbeddingDataset.Dev))}; "
            + $"test dishes: {string.Join(", ", Concepts(dataset, EmbeddingDataset.Test))}.");
        Write(output, "dev", new ScoredQueries(dataset, EmbeddingDataset.Dev, encoder, lexical).Compare(lexical.LexicalWeight));
        Write(output, "test", new ScoredQueries(dataset, EmbeddingDataset.Test, encoder, lexical).Compare(lexical.LexicalWeight));
        return 0;
    }

    /// <summary>The TF-IDF table of the split: fitted on every training text and the candidates.</summary>
    public static TfIdfVectorizer Lexical(EmbeddingDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return new TfIdfVectorizer(dataset.Training.SelectMany(p => new[] { p.Anchor, p.Positive }).Concat(dataset.Candidates));
    }

    private static IReadOnlyList<string> Concepts(EmbeddingDataset dataset, string split) =>
        split == EmbeddingDataset.Dev ? dataset.DevConcepts : dataset.TestConcepts;

    private static double MacroMrr(IReadOnlyDictionary<string, RetrievalComparison> comparison, Func<RetrievalComparison, RetrievalScore> pick) =>
        RetrievalEvaluator.MacroMrr(comparison.ToDictionary(p => p.Key, p => pick(p.Value)));

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

    /// <summary>The encoder's and TF-IDF's similarities of one split's queries to every candidate, computed once.</summary>
    public sealed class ScoredQueries
    {
        private readonly IReadOnlyList<EvaluationQuery> queries;
        private readonly IReadOnlyList<string> candidates;
        private readonly double[][] encoder;
        private readonly double[][] tfIdf;

        public ScoredQueries(EmbeddingDataset dataset, string split, TextEncoder textEncoder, TfIdfVectorizer lexical)
        {
            ArgumentNullException.ThrowIfNull(dataset);
            ArgumentNullException.ThrowIfNull(textEncoder);
            ArgumentNullException.ThrowIfNull(lexical);
            queries = dataset.Split(split);
            candidates = dataset.Candidates;
            var queryVectors = textEncoder.Embed(queries.Select(q => q.Text).ToArray());
            var candidateVectors = textEncoder.Embed(candidates);
            var queryTfIdf = queries.Select(q => lexical.Vector(q.Text)).ToArray();
            var candidateTfIdf = candidates.Select(lexical.Vector).ToArray();
            encoder = queryVectors.Select(q => candidateVectors.Select(c => Dot(q, c)).ToArray()).ToArray();
            tfIdf = queryTfIdf.Select(q => candidateTfIdf.Select(c => TfIdfVectorizer.Cosine(q, c)).ToArray()).ToArray();
        }

        /// <summary>The fused similarity <c>w · tfidf + (1 − w) · encoder</c> per source and over all.</summary>
        public IReadOnlyDictionary<string, RetrievalScore> Hybrid(double weight) =>
            RetrievalEvaluator.Evaluate(queries, candidates, (q, c) => weight * tfIdf[q][c] + (1 - weight) * encoder[q][c]);

        public IReadOnlyDictionary<string, RetrievalComparison> Compare(double weight)
        {
            var alone = RetrievalEvaluator.Evaluate(queries, candidates, (q, c) => encoder[q][c]);
            var baseline = RetrievalEvaluator.Evaluate(queries, candidates, (q, c) => tfIdf[q][c]);
            var hybrid = Hybrid(weight);
            return new SortedDictionary<string, RetrievalComparison>(
                alone.Keys.ToDictionary(key => key, key => new RetrievalComparison(alone[key], baseline[key], hybrid[key]), StringComparer.Ordinal),
                StringComparer.Ordinal);
        }
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

    private static void Write(TextWriter output, string split, IReadOnlyDictionary<string, RetrievalComparison> comparison)
    {
        output.WriteLine($"  {split}: queries     n   recall@10 encoder / tf-idf / hybrid      MRR encoder / tf-idf / hybrid");
        foreach (var (source, row) in comparison.OrderBy(p => p.Key == "all" ? 1 : 0).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {source,-14} {row.Encoder.Queries,6}   {row.Encoder.RecallAt10,8:P1} / {row.Baseline.RecallAt10,-8:P1} / {row.Hybrid.RecallAt10,-8:P1}"
                + $"     {row.Encoder.Mrr,6:F3} / {row.Baseline.Mrr:F3} / {row.Hybrid.Mrr:F3}"));
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {split}: mean MRR of the sources: encoder {MacroMrr(comparison, c => c.Encoder):F3} / tf-idf {MacroMrr(comparison, c => c.Baseline):F3} / hybrid {MacroMrr(comparison, c => c.Hybrid):F3}"));
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
