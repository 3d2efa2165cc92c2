using System.Diagnostics;
using System.Text.Json;
using Xunit.Abstractions;
using Naviyam.Nlu;
using Naviyam.Chat;
using Naviyam.Nlu.Model;
using Naviyam.Training;

namespace Naviyam.Nlu.Tests;

/// <summary>The model committed in <c>data/models/nlu/</c>, run by a real ONNX Runtime session.</summary>
public sealed class CommittedModelTests : IDisposable
{
    private readonly IntentModel model = IntentModel.Load(TestAssets.CommittedModelPath, TestAssets.Assets.Cues, TestAssets.Assets.Foods);

    public void Dispose() => model.Dispose();

    private LearnedNluEngine Engine() => new(model, TestAssets.Assets.Extractor, TestAssets.Assets.Cues);

    [Theory]
    [InlineData("쿠폰 있어?", Intents.CouponInquiry)]
    [InlineData("배고픈데 5천원밖에 없어", Intents.BudgetInquiry)]
    [InlineData("돈 한 푼도 없어 배고파 ㅠㅠ", Intents.EmergencyFood)]
    [InlineData("지금 열었어?", Intents.TimeInquiry)]
    [InlineData("떡볶이 맵기 조절 돼?", Intents.MenuOption)]
    [InlineData("친구 3명이랑 먹을 데", Intents.GroupDining)]
    [InlineData("강남역 근처 떡볶이집 어디 있어?", Intents.LocationInquiry)]
    [InlineData("매운 거 말고 추천해줘", Intents.FoodRequest)]
    [InlineData("숙제 하기 싫다", Intents.GeneralChat)]
    public void Model_alone_classifies_clear_messages(string message, string intent)
    {
        var prediction = model.Predict(TestAssets.Assets.Normalizer.Normalize(message));
        prediction.Intent.Should().Be(intent);
        prediction.Confidence.Should().BeGreaterThan(NluConfidence.ClarifyThreshold);
        prediction.Probabilities.Sum().Should().BeApproximately(1f, 1e-4f);
    }

    [Fact]
    public void Metadata_describes_the_model()
    {
        model.Intents.Should().Equal(Intents.All);
        model.Version.Should().StartWith("fasttext-").And.HaveLength("fasttext-".Length + 12);
        model.Featurizer.Buckets.Should().Be(int.Parse(model.Metadata[IntentModelFormat.BucketsKey], System.Globalization.CultureInfo.InvariantCulture));
        model.Temperature.Should().BeInRange(0.05, 5);
        new FileInfo(TestAssets.CommittedModelPath).Length.Should().BeLessThan(8 << 20);
    }

    [Fact]
    public void Metrics_file_belongs_to_the_committed_model()
    {
        using var metrics = JsonDocument.Parse(File.ReadAllBytes(TestAssets.CommittedMetricsPath));
        metrics.RootElement.GetProperty("model_version").GetString().Should().Be(model.Version);
        metrics.RootElement.GetProperty("sha256").GetString().Should().Be(model.Sha256);
    }

    [Fact]
    public void Engine_keeps_entities_and_applies_overrides()
    {
        var engine = Engine();
        engine.ModelVersion.Should().Be(model.Version);
        var result = engine.Analyze(TestAssets.Assets.Normalizer.Normalize("돈 없는데 무료 쿠폰 있어?"));
        result.Intent.Should().Be(Intents.EmergencyFood);
        result.Entities.Budget.Should().Be(0);
        engine.OverrideStatistics().Single(s => s.Name == IntentOverrides.ZeroBudget).Fired.Should().Be(1);

        var budget = engine.Analyze(TestAssets.Assets.Normalizer.Normalize("배고픈데 5천원밖에 없어"));
        budget.Entities.Budget.Should().Be(5000);
        budget.Entities.BudgetKind.Should().Be(BudgetKinds.Cap);
        NluConfidence.IsConfident(budget).Should().BeTrue();
        NluConfidence.IsConfident(budget with { Confidence = 0.2 }).Should().BeFalse();
    }

    [Fact]
    public void Batch_and_parallel_predictions_equal_single_ones()
    {
        var texts = NluDataset.LoadSplit(TestAssets.DataDirectory, NluDataset.Dev).Take(64)
            .Select(e => TestAssets.Assets.Normalizer.Normalize(e.Text)).ToArray();
        var single = texts.Select(t => model.Predict(t)).ToArray();
        var batch = model.PredictBatch(texts);
        var parallel = new IntentPrediction[texts.Length];
        Parallel.For(0, texts.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel[i] = model.Predict(texts[i]));
        for (var i = 0; i < texts.Length; i++)
        {
            batch[i].Intent.Should().Be(single[i].Intent);
            batch[i].Probabilities.Should().Equal(single[i].Probabilities, (a, b) => Math.Abs(a - b) <= 1e-5f);
            parallel[i].Probabilities.Should().Equal(single[i].Probabilities);
        }
    }
}

[CollectionDefinition(nameof(LatencyProbe), DisableParallelization = true)]
public sealed class LatencyCollection;

/// <summary>Timed alone (no other test class runs meanwhile), so that the figure is the model's, not the machine's load.</summary>
[Collection(nameof(LatencyProbe))]
public sealed class LatencyProbe(ITestOutputHelper output)
{
    [Fact]
    public void Single_message_prediction_takes_well_under_a_millisecond()
    {
        using var model = IntentModel.Load(TestAssets.CommittedModelPath, TestAssets.Assets.Cues, TestAssets.Assets.Foods);
        var text = TestAssets.Assets.Normalizer.Normalize("배고픈데 학교 앞에서 5천원으로 먹을 만한 거 추천해줘");
        for (var i = 0; i < 2_000; i++)
        {
            model.Predict(text);
        }
        var samples = new double[1000];
        for (var i = 0; i < samples.Length; i++)
        {
            var start = Stopwatch.GetTimestamp();
            model.Predict(text);
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(samples);
        output.WriteLine($"IntentModel.Predict: p50 {samples[500]:F3} ms, p99 {samples[989]:F3} ms");
        // The p99 budget (well under 1 ms) is measured on an idle machine in Release (docs/nlu.md); a shared CI
        // machine preempts threads for milliseconds, so only the median is asserted here.
        samples[500].Should().BeLessThan(1);
    }
}
