using BenchmarkDotNet.Attributes;
using Naviyam.Bench;
using Naviyam.Chat;
using Naviyam.Nlu;
using Naviyam.Nlu.Model;
using Naviyam.Preprocessing;

namespace Naviyam.Benchmarks;

/// <summary>
/// Preprocessing and NLU, one message per operation, cycling through the held-out NLU corpus (data/nlu/test.jsonl)
/// so the mean is the corpus average and the sampled percentiles show the slowest messages.
/// </summary>
[BenchmarkCategory("text")]
public class TextBenchmarks
{
    private Components components = null!;
    private TextNormalizer normalizer = null!;
    private INluEngine rules = null!;
    private INluEngine served = null!;
    private CachedNlu cached = null!;
    private string[] raw = [];
    private PreprocessedText[] normalized = [];
    private int next;

    [GlobalSetup]
    public void Setup()
    {
        components = new Components(3_000);
        normalizer = components.Get<TextNormalizer>();
        rules = components.Get<RuleBasedNluEngine>();
        served = components.Get<INluEngine>();
        if (served is not LearnedNluEngine)
        {
            throw new InvalidOperationException("The learned NLU model (data/models/nlu/intent.onnx) was not found beside the benchmarks.");
        }
        cached = components.Get<CachedNlu>();
        raw = BenchInputs.Messages(foodSeekingOnly: false).ToArray();
        normalized = raw.Select(normalizer.Normalize).ToArray();
        foreach (var text in normalized)
        {
            cached.Analyze(text);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => components.Dispose();

    private int Next() => next = next + 1 == raw.Length ? 0 : next + 1;

    [Benchmark(Description = "TextNormalizer.Normalize")]
    public PreprocessedText Normalize() => normalizer.Normalize(raw[Next()]);

    [Benchmark(Description = "BudgetParser.Parse")]
    public BudgetMatch? ParseBudget() => BudgetParser.Parse(normalized[Next()].Normalized);

    [Benchmark(Description = "Rule NLU (uncached engine)")]
    public NluResult RuleNlu() => rules.Analyze(normalized[Next()]);

    [Benchmark(Description = "Learned NLU, ONNX (uncached, the served engine)")]
    public NluResult LearnedNlu() => served.Analyze(normalized[Next()]);

    [Benchmark(Description = "CachedNlu (hit)")]
    public NluResult CachedNluHit() => cached.Analyze(normalized[Next()]);

    [Benchmark(Description = "Normalize + CachedNlu (hit): the turn's text stages")]
    public NluResult NormalizeThenCachedNlu() => cached.Analyze(normalizer.Normalize(raw[Next()]));
}
