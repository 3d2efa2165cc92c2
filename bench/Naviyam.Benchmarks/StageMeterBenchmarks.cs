using BenchmarkDotNet.Attributes;
using Naviyam.Conversation;

namespace Naviyam.Benchmarks;

/// <summary>
/// What the pipeline's per-stage metering adds at each stage boundary: the thread's CPU clock and its allocated-bytes
/// counter (a turn crosses seven boundaries), next to the monotonic clock read the stopwatch always made.
/// </summary>
[BenchmarkCategory("meter")]
public class StageMeterBenchmarks
{
    [Benchmark(Baseline = true, Description = "Monotonic clock read (Stopwatch.GetTimestamp)")]
    public long Timestamp() => System.Diagnostics.Stopwatch.GetTimestamp();

    [Benchmark(Description = "Stage meter: one stage boundary (thread CPU clock + allocated bytes)")]
    public long Boundary() => ThreadCpuClock.Nanoseconds() + GC.GetAllocatedBytesForCurrentThread();
}
