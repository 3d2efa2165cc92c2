using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Naviyam.Nlu;
using Naviyam.Chat;
using Naviyam.Nlu.Model;

namespace Naviyam.Training;

/// <summary>The figures <see cref="NluTrainingCommand.TrainModel"/> writes to <c>metrics.json</c>.</summary>
public sealed record NluTrainingReport
{
    public required string ModelVersion { get; init; }
    public required string Sha256 { get; init; }
    public required string ModelFile { get; init; }
    public required long ModelBytes { get; init; }
    public required string Featurizer { get; init; }
    public required int Seed { get; init; }
    public required FastTextOptions HyperParameters { get; init; }
    public required double Temperature { get; init; }
    public required IReadOnlyDictionary<string, string> DataSha256 { get; init; }
    public required IReadOnlyDictionary<string, int> Examples { get; init; }
    public required double ClarifyThreshold { get; init; }
    public required IReadOnlyList<string> Overrides { get; init; }
    public required double DevNllUncalibrated { get; init; }
    public required double DevNllCalibrated { get; init; }
    public required NluMetrics Dev { get; init; }
    public required NluMetrics Test { get; init; }
    public required ModelOnlyScore DevModelOnly { get; init; }
    public required ModelOnlyScore TestModelOnly { get; init; }
    public required IReadOnlyList<OverrideStatistics> DevOverrides { get; init; }
    public required IReadOnlyList<OverrideStatistics> TestOverrides { get; init; }
    public required ModelOnlyScore DevRuleBaseline { get; init; }
    public required ModelOnlyScore TestRuleBaseline { get; init; }
}

/// <summary>Accuracy and macro-F1 of one intent source alone (the model without overrides, or the rule engine).</summary>
public sealed record ModelOnlyScore(double Accuracy, double MacroF1);

/// <summary>
/// The NLU model's operator commands: train (writes <c>intent.onnx</c> + <c>metrics.json</c>), evaluate one
/// split with the shipped model, and tune the hyper-parameters on dev. The test split is read only to report
/// figures: never for training, tuning, early stopping or calibration.
/// </summary>
public static class NluTrainingCommand
{
    public const string ModelFileName = "intent.onnx";
    public const string MetricsFileName = "metrics.json";

    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Trains on train, calibrates on dev, writes the model and its metrics; 0 on success.</summary>
    public static int Train(string dataDirectory, string modelDirectory, TextWriter output)
    {
        TrainModel(dataDirectory, modelDirectory, output);
        return 0;
    }

    /// <summary>Evaluates the model in <paramref name="modelDirectory"/> on one split and prints the report; 0 on success.</summary>
    public static int Evaluate(string dataDirectory, string modelDirectory, string split, TextWriter output)
    {
        EvaluateModel(dataDirectory, modelDirectory, split, output);
        return 0;
    }

    public static NluTrainingReport TrainModel(string dataDirectory, string modelDirectory, TextWriter output, FastTextOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        options ??= new FastTextOptions();
        var assets = NluAssets.Load(dataDirectory);
        var train = NluDataset.LoadSplit(dataDirectory, NluDataset.Train);
        var dev = NluDataset.LoadSplit(dataDirectory, NluDataset.Dev);
        var featurizer = new NgramFeaturizer(assets.Cues, assets.Foods, options.Buckets, options.CueRepeat);

        var clock = Stopwatch.StartNew();
        var trainRows = Featurize(assets, featurizer, train);
        var devRows = Featurize(assets, featurizer, dev);
        var model = FastTextTrainer.Train(trainRows, Intents.All.Count, options);
        var trainSeconds = clock.Elapsed.TotalSeconds;
        var nllBefore = TemperatureScaling.NegativeLogLikelihood(model, devRows, 1f);
        model.Temperature = TemperatureScaling.Fit(model, devRows);
        var nllAfter = TemperatureScaling.NegativeLogLikelihood(model, devRows, model.Temperature);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Trained on {train.Count} lines in {trainSeconds:F1} s; temperature {model.Temperature:0.00} (dev NLL {nllBefore:F4} → {nllAfter:F4})."));

        var bytes = OnnxExporter.Export(model, new OnnxModelInfo(
            Intents.All, NgramFeaturizer.Version, options.CueRepeat, options.Seed, JsonSerializer.Serialize(options)));
        Directory.CreateDirectory(modelDirectory);
        var modelPath = Path.Combine(modelDirectory, ModelFileName);
        File.WriteAllBytes(modelPath, bytes);

        // Figures come from the written file, run by ONNX Runtime exactly as the silo will.
        using var intentModel = new IntentModel(bytes, assets.Cues, assets.Foods);
        output.WriteLine($"Wrote {modelPath} ({bytes.Length:N0} bytes, {intentModel.Version}).");
        var devRun = Run(assets, intentModel, dev);
        var test = NluDataset.LoadSplit(dataDirectory, NluDataset.Test);
        var testRun = Run(assets, intentModel, test);
        var rules = assets.RuleEngine();

        var report = new NluTrainingReport
        {
            ModelVersion = intentModel.Version,
            Sha256 = intentModel.Sha256,
            ModelFile = ModelFileName,
            ModelBytes = bytes.Length,
            Featurizer = NgramFeaturizer.Version,
            Seed = options.Seed,
            HyperParameters = options,
            Temperature = model.Temperature,
            DataSha256 = new[] { NluDataset.Train, NluDataset.Dev, NluDataset.Test }.ToDictionary(
                s => s, s => IntentModelFormat.Sha256Of(File.ReadAllBytes(NluDataset.SplitPath(dataDirectory, s)))),
            Examples = new Dictionary<string, int> { [NluDataset.Train] = train.Count, [NluDataset.Dev] = dev.Count, [NluDataset.Test] = test.Count },
            ClarifyThreshold = NluConfidence.ClarifyThreshold,
            Overrides = IntentOverrides.DefaultNames,
            DevNllUncalibrated = Math.Round(nllBefore, 4),
            DevNllCalibrated = Math.Round(nllAfter, 4),
            Dev = NluEvaluator.Evaluate(devRun.Examples),
            Test = NluEvaluator.Evaluate(testRun.Examples),
            DevModelOnly = devRun.ModelOnly,
            TestModelOnly = testRun.ModelOnly,
            DevOverrides = devRun.Overrides,
            TestOverrides = testRun.Overrides,
            DevRuleBaseline = Score(dev, dev.Select(e => rules.Analyze(assets.Normalizer.Normalize(e.Text))).ToArray()),
            TestRuleBaseline = Score(test, test.Select(e => rules.Analyze(assets.Normalizer.Normalize(e.Text))).ToArray()),
        };
        File.WriteAllText(Path.Combine(modelDirectory, MetricsFileName), JsonSerializer.Serialize(report, JsonOptions) + "\n");

        NluReport.Write(output, "dev", report.Dev, devRun);
        NluReport.Write(output, "test", report.Test, testRun);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Rule baseline: dev accuracy {report.DevRuleBaseline.Accuracy:P1}, test accuracy {report.TestRuleBaseline.Accuracy:P1}."));
        return report;
    }

    public static NluMetrics EvaluateModel(string dataDirectory, string modelDirectory, string split, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (split is not (NluDataset.Train or NluDataset.Dev or NluDataset.Test))
        {
            throw new ArgumentException($"unknown split '{split}' (train, dev or test)", nameof(split));
        }
        var assets = NluAssets.Load(dataDirectory);
        using var model = IntentModel.Load(Path.Combine(modelDirectory, ModelFileName), assets.Cues, assets.Foods);
        var run = Run(assets, model, NluDataset.LoadSplit(dataDirectory, split));
        var metrics = NluEvaluator.Evaluate(run.Examples);
        output.WriteLine($"Model {model.Version} (temperature {model.Temperature.ToString("0.00", CultureInfo.InvariantCulture)}) on {split}:");
        NluReport.Write(output, split, metrics, run, details: true);
        return metrics;
    }

    /// <summary>
    /// Chooses the hyper-parameters on dev: every point of a small grid is trained with three seeds and scored by
    /// the model's mean dev accuracy (then macro-F1, then NLL after calibration). Also measures the precision of
    /// every candidate rule override on train + dev. Returns the best options (seed reset to the default).
    /// </summary>
    public static FastTextOptions Tune(string dataDirectory, TextWriter output, IReadOnlyList<FastTextOptions>? grid = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        var assets = NluAssets.Load(dataDirectory);
        var train = NluDataset.LoadSplit(dataDirectory, NluDataset.Train);
        var dev = NluDataset.LoadSplit(dataDirectory, NluDataset.Dev);
        grid ??= DefaultGrid();
        int[] seeds = [1, 2, 3];
        var rowsCache = new Dictionary<(int, int), (TrainingExample[] Train, TrainingExample[] Dev)>();
        var results = new List<(FastTextOptions Options, double Accuracy, double MacroF1, double Nll)>();
        foreach (var options in grid)
        {
            if (!rowsCache.TryGetValue((options.Buckets, options.CueRepeat), out var rows))
            {
                var featurizer = new NgramFeaturizer(assets.Cues, assets.Foods, options.Buckets, options.CueRepeat);
                rows = rowsCache[(options.Buckets, options.CueRepeat)] = (Featurize(assets, featurizer, train), Featurize(assets, featurizer, dev));
            }
            double accuracy = 0, macro = 0, nll = 0;
            foreach (var seed in seeds)
            {
                var model = FastTextTrainer.Train(rows.Train, Intents.All.Count, options with { Seed = seed });
                model.Temperature = TemperatureScaling.Fit(model, rows.Dev);
                nll += TemperatureScaling.NegativeLogLikelihood(model, rows.Dev, model.Temperature) / seeds.Length;
                var predicted = rows.Dev.Select(r => Intents.All[ArgMax(model.Logits(r.Ids))]).ToArray();
                var score = Score(dev, predicted.Select(p => new NluResult(p, 1, Entities.None)).ToArray());
                accuracy += score.Accuracy / seeds.Length;
                macro += score.MacroF1 / seeds.Length;
            }
            results.Add((options, accuracy, macro, nll));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"dim {options.Dimension,3} epochs {options.Epochs,3} lr {options.LearningRate,4:0.00} dropout {options.TokenDropout:0.0} smooth {options.LabelSmoothing:0.00} cues×{options.CueRepeat} buckets {options.Buckets,6}: dev acc {accuracy:P2} macro-F1 {macro:F4} NLL {nll:F4}"));
        }
        var best = results.OrderByDescending(r => Math.Round(r.Accuracy, 4)).ThenByDescending(r => Math.Round(r.MacroF1, 4)).ThenBy(r => r.Nll).First();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Best on dev: {JsonSerializer.Serialize(best.Options)} (acc {best.Accuracy:P2})"));

        ReportOverrides(assets, train.Concat(dev).ToArray(), output);
        return best.Options with { Seed = new FastTextOptions().Seed };
    }

    /// <summary>
    /// Prints the precision of every candidate override on the given lines, as the engine applies them: a rule
    /// sees only the lines that no earlier rule of <see cref="IntentOverrides.DefaultNames"/> has taken.
    /// </summary>
    public static void ReportOverrides(NluAssets assets, IReadOnlyList<LabelledExample> examples, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(assets);
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(output);
        var candidates = IntentOverrides.Candidates(assets.Cues);
        var lines = examples.Select(e =>
        {
            var text = assets.Normalizer.Normalize(e.Text);
            var entities = assets.Extractor.Extract(text);
            return (Example: e, Matches: candidates.Select(r => r.Matches(text, entities)).ToArray());
        }).ToArray();
        output.WriteLine($"Override candidates on {examples.Count} lines (precision = share of the lines a rule takes whose gold intent is the rule's):");
        for (var i = 0; i < candidates.Count; i++)
        {
            var rule = candidates[i];
            var earlier = Enumerable.Range(0, i).Where(j => IntentOverrides.DefaultNames.Contains(candidates[j].Name)).ToArray();
            var taken = lines.Where(l => l.Matches[i] && !earlier.Any(j => l.Matches[j])).Select(l => l.Example).ToArray();
            var right = taken.Count(e => e.Intent == rule.Intent);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {rule.Name,-28} → {rule.Intent,-16} takes {taken.Length,4}, precision {(taken.Length == 0 ? 0 : (double)right / taken.Length):P1}{(IntentOverrides.DefaultNames.Contains(rule.Name) ? " (on)" : "")}"));
            foreach (var wrong in taken.Where(e => e.Intent != rule.Intent).Take(6))
            {
                output.WriteLine($"      {wrong.Intent,-16} {wrong.Text}");
            }
        }
    }

    /// <summary>The grid <see cref="Tune"/> searches by default (72 points, about four minutes on one core).</summary>
    public static IReadOnlyList<FastTextOptions> DefaultGrid()
    {
        var grid = new List<FastTextOptions>();
        foreach (var cueRepeat in new[] { 1, 2 })
        {
            // 64 dimensions scored within noise of 32 on dev (96.5 % vs 96.4 %) but double the file to 8.4 MB.
            foreach (var dimension in new[] { 16, 32 })
            {
                foreach (var epochs in new[] { 15, 30, 50 })
                {
                    foreach (var rate in new[] { 0.25f, 0.5f, 1.0f })
                    {
                        foreach (var dropout in new[] { 0f, 0.3f })
                        {
                            grid.Add(new FastTextOptions
                            {
                                CueRepeat = cueRepeat, Dimension = dimension, Epochs = epochs, LearningRate = rate, TokenDropout = dropout,
                            });
                        }
                    }
                }
            }
        }
        return grid;
    }

    /// <summary>The featurizer's ids and gold class index of each line.</summary>
    public static TrainingExample[] Featurize(NluAssets assets, NgramFeaturizer featurizer, IReadOnlyList<LabelledExample> examples)
    {
        ArgumentNullException.ThrowIfNull(assets);
        ArgumentNullException.ThrowIfNull(featurizer);
        ArgumentNullException.ThrowIfNull(examples);
        return examples.Select(e => new TrainingExample(
            featurizer.Featurize(assets.Normalizer.Normalize(e.Text)),
            Intents.All.ToList().IndexOf(e.Intent))).ToArray();
    }

    internal static SplitRun Run(NluAssets assets, IntentModel model, IReadOnlyList<LabelledExample> examples)
    {
        var engine = new LearnedNluEngine(model, assets.Extractor, assets.Cues);
        var evaluated = new List<EvaluatedExample>();
        var modelOnly = new List<NluResult>();
        var overrides = new List<string?>();
        foreach (var example in examples)
        {
            var analysis = engine.AnalyzeDetailed(assets.Normalizer.Normalize(example.Text));
            evaluated.Add(new EvaluatedExample(example, analysis.Result) { GoldProbability = analysis.Model.ProbabilityOf(example.Intent) });
            modelOnly.Add(new NluResult(analysis.Model.Intent, analysis.Model.Confidence, analysis.Result.Entities));
            overrides.Add(analysis.Override);
        }
        return new SplitRun(evaluated, Score(examples, modelOnly), engine.OverrideStatistics(), overrides);
    }

    private static ModelOnlyScore Score(IReadOnlyList<LabelledExample> gold, IReadOnlyList<NluResult> predicted)
    {
        var metrics = NluEvaluator.Evaluate(gold.Zip(predicted, (g, p) => new EvaluatedExample(g, p)).ToArray());
        return new ModelOnlyScore(metrics.Accuracy, metrics.MacroF1);
    }

    private static int ArgMax(float[] values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }
        return best;
    }
}

/// <summary>One split run through the learned engine.</summary>
internal sealed record SplitRun(
    IReadOnlyList<EvaluatedExample> Examples,
    ModelOnlyScore ModelOnly,
    IReadOnlyList<OverrideStatistics> Overrides,
    IReadOnlyList<string?> OverrideNames);
