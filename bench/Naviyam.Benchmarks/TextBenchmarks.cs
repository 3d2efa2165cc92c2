using BenchmarkDotNet.Attributes;
using Naviyam.Bench;
using Naviyam.Chat;
using Naviyam.Nlu;
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
    private INluEngine engine = null!;
    private CachedNlu cached = null!;
    private string[] raw = [];
    private PreprocessedText[] normalized = [];
    private int next;

    [GlobalSetup]
    public void Setup()
    {
        components = new Components(3_000);
        normalizer = components.Get<TextNormalizer>();
        engine = components.Get<INluEngine>();
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
    public NluResult RuleNlu() => engine.Analyze(normalized[Next()]);

    [Benchmark(Description = "CachedNlu (hit)")]
    public NluResult CachedNluHit() => cached.Analyze(normalized[Next()]);

    [Benchmark(Description = "Normalize + CachedNlu (hit): the turn's text stages")]
    public NluResult NormalizeThenCachedNlu() => cached.Analyze(normalizer.Normalize(raw[Next()]));
}
