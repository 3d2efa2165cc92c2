using System.Globalization;
using System.Runtime;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Naviyam.Bench;

namespace Naviyam.Benchmarks;

/// <summary>
/// Runs the micro-benchmarks with BenchmarkDotNet (short in-process job: mean, allocations), then samples each case
/// call by call for p50/p99, and writes <c>micro.json</c> for the report.
/// Usage: Naviyam.Benchmarks [--out DIR] [--filter GLOB] [--sample-seconds S] [--mix-sessions FILE]
/// (<c>--mix-sessions</c>: the sessions a load run played, <c>Naviyam.LoadTest turns --capture</c>, replayed by <see cref="MixReplayBenchmarks"/>.)
/// </summary>
public static class Program
{
    private static readonly Dictionary<string, string> Baselines = new(StringComparer.Ordinal)
    {
        ["Geo grid: shops within 1 km"] = "Brute-force scan: shops within 1 km",
        ["ConversationGrain.TakeTurnAsync (warm)"] = "Trivial grain call (baseline)",
        ["CachedNlu (hit)"] = "Learned NLU, ONNX (uncached, the served engine)",
        ["VectorIndex top-10 of 100,000 (SIMD scan)"] = "Naive scalar scan + sort of 100,000",
        ["Stage meter: one stage boundary (thread CPU clock + allocated bytes)"] = "Monotonic clock read (Stopwatch.GetTimestamp)",
        ["Embed one query, embedding cache (L1 hit)"] = "Embed one query, ONNX (uncached)",
        [HybridSearchBenchmarks.Served] = HybridSearchBenchmarks.BruteForce,
        [WideDeepBenchmarks.WideDeepScoring] = WideDeepBenchmarks.HeuristicScoring,
        [WideDeepBenchmarks.WideDeepScoringTwoWorkers] = WideDeepBenchmarks.HeuristicScoring,
        [WideDeepBenchmarks.WideDeepStage] = WideDeepBenchmarks.HeuristicStage,
    };

    public static int Main(string[] args)
    {
        var outDir = Arg(args, "--out") ?? "bench-results";
        var filter = Arg(args, "--filter") ?? "*";
        var sampleSeconds = double.Parse(Arg(args, "--sample-seconds") ?? "1.5", CultureInfo.InvariantCulture);
        Directory.CreateDirectory(outDir);
        var startedAt = DateTimeOffset.Now;
        var loadAtStart = LoadAverage();

        var job = Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithId("ShortRun-InProcess");
        var config = ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddColumn(StatisticColumn.P95)
            .AddLogger(ConsoleLogger.Default)
            .AddExporter(MarkdownExporter.GitHub, JsonExporter.Brief)
            .WithArtifactsPath(Path.Combine(outDir, "bdn"))
            .WithOptions(ConfigOptions.JoinSummary);

        Type[] types = [typeof(TextBenchmarks), typeof(RetrievalBenchmarks), typeof(RankingBenchmarks), typeof(WideDeepBenchmarks), typeof(GrainBenchmarks),
            typeof(EmbeddingBenchmarks), typeof(HybridSearchBenchmarks), typeof(StageMeterBenchmarks)];
        if (Arg(args, "--mix-sessions") is { } capture)
        {
            if (!File.Exists(capture))
            {
                Console.Error.WriteLine($"--mix-sessions: {capture} does not exist");
                return 2;
            }
            MixReplayBenchmarks.CapturePath = Path.GetFullPath(capture);
            types = [.. types, typeof(MixReplayBenchmarks)];
        }
        var summaries = BenchmarkSwitcher
            .FromTypes(types)
            .Run(["--filter", filter], config)
            .ToArray();

        var result = new ResultFile
        {
            Scenario = "micro",
            StartedAt = startedAt,
            Settings =
            {
                ["job"] = "BenchmarkDotNet 0.15.8 ShortRun (1 launch, 3 warm-ups, 3 iterations), in-process emit toolchain, MemoryDiagnoser",
                ["sampler"] = $"per-call HdrHistogram, 0.3 s warm-up then up to {sampleSeconds:0.#} s or 200,000 calls per case",
                ["gc"] = $"{(GCSettings.IsServerGC ? "server" : "workstation")}, {GCSettings.LatencyMode}",
                ["loadavg_at_start"] = loadAtStart,
            },
        };

        foreach (var report in summaries.SelectMany(s => s.Reports))
        {
            var benchmark = report.BenchmarkCase;
            var description = benchmark.Descriptor.WorkloadMethodDisplayInfo.Trim('\'');
            var parameters = benchmark.Parameters.Items.Select(p => $"{p.Name}={p.Value}").ToArray();
            var suffix = parameters.Length > 0 ? $" [{string.Join(", ", parameters)}]" : "";
            if (report.ResultStatistics is not { } statistics)
            {
                result.Notes.Add($"{description}{suffix}: BenchmarkDotNet produced no result.");
                continue;
            }
            Console.WriteLine($"Sampling {description}{suffix} ...");
            var (latency, cpu) = LatencySampler.Sample(benchmark, TimeSpan.FromSeconds(0.3), TimeSpan.FromSeconds(sampleSeconds), 200_000);

            var meanNs = statistics.Mean;
            var rows = benchmark.Parameters.Items.FirstOrDefault(p => p.Name == "Rows")?.Value as int?;
            var scoresPerCall = rows is not { } r ? null
                : description.StartsWith("HeuristicScoringModel", StringComparison.Ordinal) ? r
                : WideDeepBenchmarks.ScoresPerCall(description, r);
            var figure = new Figure
            {
                Group = benchmark.Descriptor.Categories.FirstOrDefault() ?? benchmark.Descriptor.Type.Name,
                Name = description + suffix,
                Baseline = Baselines.TryGetValue(description, out var baseline) ? baseline + suffix : null,
                MeanUs = meanNs / 1_000,
                P50Us = latency.PercentileMicros(50),
                P99Us = latency.PercentileMicros(99),
                MaxUs = latency.MaxMicros,
                Throughput = scoresPerCall is { } perCall ? perCall * 1e9 / meanNs : 1e9 / meanNs,
                ThroughputUnit = scoresPerCall is null ? "ops/s" : "scores/s",
                Count = latency.Count,
                AllocatedBytesPerOp = report.GcStats.GetBytesAllocatedPerOperation(benchmark),
                Extra =
                {
                    ["bdn_stddev_us"] = statistics.StandardDeviation / 1_000,
                    ["bdn_p95_of_iterations_us"] = statistics.Percentiles.P95 / 1_000,
                    ["cpu_us_per_op"] = cpu.TotalMicroseconds / Math.Max(1, latency.Count),
                },
            };
            result.Figures.Add(figure);
        }

        result.Settings["loadavg_at_end"] = LoadAverage();
        var path = Path.Combine(outDir, "micro.json");
        (result with { FinishedAt = DateTimeOffset.Now }).Save(path);
        Console.WriteLine($"Wrote {path} ({result.Figures.Count} figures)");
        return result.Figures.Count > 0 ? 0 : 1;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string? Arg(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
