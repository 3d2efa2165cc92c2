using System.Diagnostics.Metrics;
using Naviyam.Chat;
using Naviyam.Lexicons;
using Naviyam.Preprocessing;

namespace Naviyam.Nlu.Model;

/// <summary>
/// The learned NLU: entities from <see cref="EntityExtractor"/> (unchanged), the intent from
/// <see cref="IntentModel"/>, and a few labelling rules certain enough to overrule the model
/// (<see cref="IntentOverrides.Default"/>). <see cref="NluResult.Confidence"/> is the model's calibrated
/// probability of the returned intent; see <see cref="NluConfidence"/> for when to ask back.
/// </summary>
public sealed class LearnedNluEngine : INluEngine
{
    /// <summary>The confidence given to an override that contradicts the model: the rules' precision on dev is 1.</summary>
    public const double OverrideConfidence = 0.95;

    private readonly IntentModel model;
    private readonly EntityExtractor extractor;
    private readonly IReadOnlyList<IntentOverride> overrides;
    private readonly long[] fired;
    private readonly long[] changed;
    private readonly Counter<long>? overrideCounter;
    private long analyzed;

    public LearnedNluEngine(IntentModel model, EntityExtractor extractor, CueLexicon cues, IMeterFactory? meterFactory = null)
        : this(model, extractor, IntentOverrides.Default(cues), meterFactory)
    {
    }

    public LearnedNluEngine(IntentModel model, EntityExtractor extractor, IReadOnlyList<IntentOverride> overrides, IMeterFactory? meterFactory = null)
    {
        this.model = model;
        this.extractor = extractor;
        this.overrides = overrides;
        fired = new long[overrides.Count];
        changed = new long[overrides.Count];
        overrideCounter = meterFactory?.Create("Naviyam.Nlu").CreateCounter<long>(
            "naviyam.nlu.overrides", description: "Rule overrides of the learned intent, by rule and whether the model disagreed");
    }

    public string ModelVersion => model.Version;

    public IntentModel Model => model;

    public NluResult Analyze(PreprocessedText text) => AnalyzeDetailed(text).Result;

    /// <summary>The result plus what the model said on its own and which override, if any, decided.</summary>
    public LearnedNluAnalysis AnalyzeDetailed(PreprocessedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Interlocked.Increment(ref analyzed);
        var entities = extractor.Extract(text);
        var prediction = model.Predict(text);
        for (var i = 0; i < overrides.Count; i++)
        {
            var rule = overrides[i];
            if (!rule.Matches(text, entities))
            {
                continue;
            }
            var disagrees = rule.Intent != prediction.Intent;
            Interlocked.Increment(ref fired[i]);
            if (disagrees)
            {
                Interlocked.Increment(ref changed[i]);
            }
            overrideCounter?.Add(1, new KeyValuePair<string, object?>("rule", rule.Name), new KeyValuePair<string, object?>("changed", disagrees));
            var confidence = disagrees ? Math.Max(OverrideConfidence, prediction.ProbabilityOf(rule.Intent)) : prediction.Confidence;
            return new LearnedNluAnalysis(new NluResult(rule.Intent, confidence, entities), prediction, rule.Name);
        }
        return new LearnedNluAnalysis(new NluResult(prediction.Intent, prediction.Confidence, entities), prediction, null);
    }

    /// <summary>How often each override matched and how often it changed the model's answer, since start.</summary>
    public IReadOnlyList<OverrideStatistics> OverrideStatistics() =>
        overrides.Select((o, i) => new OverrideStatistics(o.Name, o.Intent, Interlocked.Read(ref fired[i]), Interlocked.Read(ref changed[i]))).ToArray();

    public long Analyzed => Interlocked.Read(ref analyzed);
}

public sealed record LearnedNluAnalysis(NluResult Result, IntentPrediction Model, string? Override);

public sealed record OverrideStatistics(string Name, string Intent, long Fired, long Changed);
