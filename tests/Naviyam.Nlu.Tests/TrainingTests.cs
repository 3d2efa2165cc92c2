using Naviyam.Chat;
using Naviyam.Nlu.Model;
using Naviyam.Training;

namespace Naviyam.Nlu.Tests;

public class TrainingTests
{
    private static readonly FastTextOptions Small = new() { Buckets = 1 << 12, Dimension = 8, Epochs = 4, TokenDropout = 0.2f, Seed = 7 };

    private static TrainingExample[] Rows(string split, int take, FastTextOptions options)
    {
        var featurizer = new NgramFeaturizer(TestAssets.Assets.Cues, TestAssets.Assets.Foods, options.Buckets, options.CueRepeat);
        return NluTrainingCommand.Featurize(TestAssets.Assets, featurizer, NluDataset.LoadSplit(TestAssets.DataDirectory, split).Take(take).ToArray());
    }

    private static byte[] Export(FastTextModel model, FastTextOptions options) =>
        OnnxExporter.Export(model, new OnnxModelInfo(Intents.All, NgramFeaturizer.Version, options.CueRepeat, options.Seed, "{}"));

    [Fact]
    public void Training_twice_with_the_same_seed_gives_identical_onnx_bytes()
    {
        var rows = Rows("train", 300, Small);
        var first = Export(FastTextTrainer.Train(rows, Intents.All.Count, Small), Small);
        var second = Export(FastTextTrainer.Train(rows, Intents.All.Count, Small), Small);
        second.Should().Equal(first);

        var otherSeed = Export(FastTextTrainer.Train(rows, Intents.All.Count, Small with { Seed = 8 }), Small);
        otherSeed.Should().NotEqual(first);
    }

    [Fact]
    public void Exported_model_matches_the_trainers_forward_pass()
    {
        var rows = Rows("train", 300, Small);
        var model = FastTextTrainer.Train(rows, Intents.All.Count, Small);
        model.Temperature = 0.7f;
        using var onnx = new IntentModel(Export(model, Small), TestAssets.Assets.Cues, TestAssets.Assets.Foods);
        onnx.Temperature.Should().BeApproximately(0.7, 1e-6);
        onnx.Intents.Should().Equal(Intents.All);

        var dev = Rows("dev", 40, Small);
        foreach (var row in dev)
        {
            onnx.Probabilities(row.Ids).Should().Equal(model.Probabilities(row.Ids), (a, b) => Math.Abs(a - b) <= 1e-5f);
        }
        // A padded batch gives the same rows.
        var batch = onnx.Probabilities(dev.Select(r => r.Ids).ToArray());
        for (var i = 0; i < dev.Length; i++)
        {
            batch[i].Should().Equal(model.Probabilities(dev[i].Ids), (a, b) => Math.Abs(a - b) <= 1e-5f);
        }
    }

    [Fact]
    public void Padding_row_is_zero_and_unused_buckets_stay_zero()
    {
        var rows = Rows("train", 50, Small);
        var model = FastTextTrainer.Train(rows, Intents.All.Count, Small);
        model.Embeddings.AsSpan((int)model.PaddingId * model.Dimension, model.Dimension).ToArray().Should().OnlyContain(v => v == 0);
        var used = rows.SelectMany(r => r.Ids).ToHashSet();
        var unused = Enumerable.Range(0, model.Buckets).First(b => !used.Contains(b));
        model.Embeddings.AsSpan(unused * model.Dimension, model.Dimension).ToArray().Should().OnlyContain(v => v == 0);
    }

    [Fact]
    public void Temperature_fitted_on_dev_lowers_dev_nll()
    {
        // Many epochs on few lines make an over-confident model, which calibration must soften.
        var options = Small with { Epochs = 40, LearningRate = 1f, TokenDropout = 0 };
        var model = FastTextTrainer.Train(Rows("train", 400, options), Intents.All.Count, options);
        var dev = Rows("dev", 306, options);
        var before = TemperatureScaling.NegativeLogLikelihood(model, dev, 1f);
        var temperature = TemperatureScaling.Fit(model, dev);
        var after = TemperatureScaling.NegativeLogLikelihood(model, dev, temperature);
        temperature.Should().NotBe(1f);
        after.Should().BeLessThan(before);
    }

    [Fact]
    public void Temperature_does_not_change_the_arg_max()
    {
        var model = FastTextTrainer.Train(Rows("train", 200, Small), Intents.All.Count, Small);
        foreach (var row in Rows("dev", 30, Small))
        {
            var cold = model.Probabilities(row.Ids);
            model.Temperature = 3f;
            var warm = model.Probabilities(row.Ids);
            model.Temperature = 1f;
            Array.IndexOf(warm, warm.Max()).Should().Be(Array.IndexOf(cold, cold.Max()));
        }
    }
}
