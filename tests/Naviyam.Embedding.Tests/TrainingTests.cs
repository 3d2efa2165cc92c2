using System.Text.Json;
using Naviyam.Embeddings;
using Naviyam.Training.Embedding;

namespace Naviyam.Embedding.Tests;

/// <summary>
/// The trainer on the team's real data with small fast configurations: reproducible for a seed, its ONNX export equal to
/// its C# forward pass, held-out dishes never trained on, and better than the TF-IDF baseline on them.
/// </summary>
public sealed class TrainingTests : IDisposable
{
    // Narrow channels for one epoch: seconds. Enough to check reproducibility and the export, not quality.
    private static readonly EncoderOptions Small = new() { Width = 24, Dimension = 24, LexicalWidth = 32, Epochs = 1 };

    // The shipped widths for 12 epochs instead of 30, in 40 % of the time.
    private static readonly EncoderOptions Fast = new() { Epochs = 12 };

    private readonly string directory = Directory.CreateTempSubdirectory("naviyam-embedder-").FullName;

    [Fact]
    public void Dev_and_test_dishes_reach_no_training_text_and_share_none()
    {
        var dataset = EmbeddingDataset.Build(TestData.DataDirectory, Small.Seed);
        dataset.DevConcepts.Should().HaveCountGreaterThan(20).And.NotIntersectWith(dataset.TestConcepts);
        dataset.TestConcepts.Should().HaveCount(dataset.DevConcepts.Count);
        dataset.HeldOutConcepts.Should().BeEquivalentTo(dataset.DevConcepts.Concat(dataset.TestConcepts));
        foreach (var split in new[] { EmbeddingDataset.Dev, EmbeddingDataset.Test })
        {
            dataset.Split(split).Select(q => q.Source).Distinct().Should().BeEquivalentTo(["spelling", "menu", "corpus", "wish", "similar"]);
        }
        dataset.Split(EmbeddingDataset.Dev).Select(q => q.Text).Where(t => !dataset.Candidates.Contains(t))
            .Should().NotIntersectWith(dataset.Split(EmbeddingDataset.Test).Select(q => q.Text));
        var names = dataset.HeldOutConcepts.Select(EmbeddingDataset.Compact).ToHashSet();
        foreach (var pair in dataset.Training)
        {
            names.Should().NotContain(EmbeddingDataset.Compact(pair.Anchor));
            names.Should().NotContain(EmbeddingDataset.Compact(pair.Positive));
            dataset.HeldOutConcepts.Should().NotContain(pair.Concept);
        }
        var heldWishes = dataset.HeldOut.Where(q => q.Source == "wish").Select(q => q.Text).ToHashSet();
        dataset.Training.Should().NotContain(p => heldWishes.Contains(p.Anchor));
    }

    [Fact]
    public void The_same_seed_gives_the_same_model_file_and_another_seed_another()
    {
        var first = EmbedderTrainingCommand.TrainModel(TestData.DataDirectory, Path.Combine(directory, "a"), TextWriter.Null, Small);
        var second = EmbedderTrainingCommand.TrainModel(TestData.DataDirectory, Path.Combine(directory, "b"), TextWriter.Null, Small);
        var other = EmbedderTrainingCommand.TrainModel(TestData.DataDirectory, Path.Combine(directory, "c"), TextWriter.Null, Small with { Seed = 7 });

        second.Sha256.Should().Be(first.Sha256);
        second.LexicalSha256.Should().Be(first.LexicalSha256);
        other.Sha256.Should().NotBe(first.Sha256);
    }

    [Fact]
    public void The_exported_graph_computes_what_the_trainer_computes()
    {
        var dataset = EmbeddingDataset.Build(TestData.DataDirectory, Small.Seed);
        var featurizer = new EmbeddingFeaturizer(Small.Buckets);
        var model = ContrastiveTrainer.Train(EmbedderTrainingCommand.Encode(dataset.Training.Take(2_000).ToArray(), featurizer), Small);
        using var encoder = new TextEncoder(EncoderOnnxExporter.Export(model, Small.Seed, JsonSerializer.Serialize(Small)));

        string[] texts = ["", "비 오는 날 먹기 좋은 거", "떡뽀끼", "수제 돈까스 정식 일식", "ㅋㅋㅋ", new string('김', 600)];
        var parity = EmbedderTrainingCommand.ParityByText(model, encoder, texts);
        parity.Should().OnlyContain(p => p.Difference <= RoundingBound(p.Ids),
            string.Join("; ", parity.Select(p => $"{p.Ids} ids: {p.Difference:E2} (bound {RoundingBound(p.Ids):E2})")));
        encoder.Dimension.Should().Be(Small.Dimension + Small.LexicalWidth);
        encoder.Embed([""])[0].Should().OnlyContain(x => x == 0);

        // The bound still catches a graph that is only slightly wrong: one bucket's weight off by 1 % in a short text.
        model.LogWeights[featurizer.Featurize("떡뽀끼")[0]] += 0.01f;
        var wrong = EmbedderTrainingCommand.ParityByText(model, encoder, ["떡뽀끼"])[0];
        wrong.Difference.Should().BeGreaterThan(RoundingBound(wrong.Ids));
    }

    /// <summary>
    /// What float32 rounding alone may make the graph and the C# pass disagree by, for a text of <paramref name="ids"/>
    /// featurizer ids. Both sum the same weighted rows in float32 but in another order (ONNX Runtime's ReduceSum is
    /// vectorised; the trainer adds in id order), and a float32 sum of n terms is off by at most about n·u of the terms'
    /// size (u = 2⁻²⁴, the unit roundoff); each side has its own error (×2), and the 64-wide projection adds 64 more
    /// terms. So 2·(n + 64)·u: 1.1e-5 for a 26-id word, 6.5e-4 for the 600-letter text (5,403 ids; it measured 1.1e-5,
    /// short texts 1e-7, as errors of both signs mostly cancel; a fixed 1e-5 failed once foods.json grew and the trained
    /// weights moved). A wrong graph — one bucket's weight off by 1 % — moves a short
    /// text by 4e-4, forty times its bound (the check above).
    /// </summary>
    private static double RoundingBound(int ids) => 2.0 * (ids + 64) * Math.Pow(2, -24);

    /// <summary>
    /// What held on every split tried (seeds 20261207, 2 and 3 at 12 epochs, docs/embedding.md): on test, the hybrid's
    /// mean MRR over the query kinds (each kind counting once) beats TF-IDF's by 0.02–0.04, and it finds a wish's dish
    /// 20–47 points more often. Over all queries pooled — mostly corpus sentences that name their dish, TF-IDF's home
    /// ground — it was 0.008 behind to 0.027 ahead, so only "not clearly worse" is asserted there.
    /// </summary>
    [Fact]
    public void A_shorter_training_run_makes_a_hybrid_that_beats_tfidf_on_test_and_reads_wishes()
    {
        var report = EmbedderTrainingCommand.TrainModel(TestData.DataDirectory, directory, TextWriter.Null, Fast);

        // The weight was chosen on dev, so dev only says it ships; test was never looked at to choose anything.
        report.Ships.Should().BeTrue();
        report.LexicalWeight.Should().BeInRange(0.05, 0.95, "the hybrid is neither of its halves alone");
        static double Macro(IReadOnlyDictionary<string, RetrievalComparison> split, Func<RetrievalComparison, RetrievalScore> pick) =>
            RetrievalEvaluator.MacroMrr(split.ToDictionary(p => p.Key, p => pick(p.Value)));
        Macro(report.Test, c => c.Hybrid).Should().BeGreaterThan(Macro(report.Test, c => c.Baseline));
        var wish = report.Test["wish"];
        wish.Hybrid.RecallAt10.Should().BeGreaterThan(wish.Baseline.RecallAt10 + 0.15, "wishes share few letters with their dishes");
        wish.Hybrid.Mrr.Should().BeGreaterThan(wish.Baseline.Mrr);
        report.Test["all"].Hybrid.Mrr.Should().BeGreaterThan(report.Test["all"].Baseline.Mrr - 0.02);
        File.Exists(Path.Combine(directory, EmbedderTrainingCommand.ModelFileName)).Should().BeTrue();
        TfIdfVectorizer.Load(Path.Combine(directory, TfIdfVectorizer.FileName)).LexicalWeight.Should().Be(report.LexicalWeight);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
