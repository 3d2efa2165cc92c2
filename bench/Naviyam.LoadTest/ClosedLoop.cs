using System.Diagnostics;
using Naviyam.Bench;

namespace Naviyam.LoadTest;

/// <summary>What one closed-loop run measured, over its measurement window only.</summary>
public sealed class RunResult
{
    public Latency Latency { get; } = new();
    public long Errors { get; set; }
    public string? FirstError { get; set; }
    public double Seconds { get; set; }
    public long AllocatedBytes { get; set; }
    public double CpuMilliseconds { get; set; }
    public int Gen0 { get; set; }
    public int Gen1 { get; set; }
    public int Gen2 { get; set; }

    public double Throughput => Seconds > 0 ? Latency.Count / Seconds : 0;

    public void Add(RunResult other)
    {
        Latency.Merge(other.Latency);
        Errors += other.Errors;
        FirstError ??= other.FirstError;
        Seconds += other.Seconds;
        AllocatedBytes += other.AllocatedBytes;
        CpuMilliseconds += other.CpuMilliseconds;
        Gen0 += other.Gen0;
        Gen1 += other.Gen1;
        Gen2 += other.Gen2;
    }
}

/// <summary>
/// A closed loop: each of N workers sends its next request as soon as the previous answer arrives. Every run is
/// bounded in time (warm-up + duration, and a hard stop) and in count (<paramref name="maxOps"/>).
/// </summary>
public static class ClosedLoop
{
    private static readonly AsyncLocal<bool> counting = new();
    private static volatile bool windowOpen;

    /// <summary>True while a run is inside its measurement window (one run at a time): side counters read it.</summary>
    public static bool IsMeasuring => windowOpen;

    /// <summary>
    /// True in an operation's own flow when it started inside the window and the window is still open: the same rule
    /// as the latency histogram, so side counters (per-stage timings) describe exactly the recorded operations.
    /// </summary>
    public static bool IsCountedOperation => counting.Value && windowOpen;

    public static async Task<RunResult> RunAsync(
        int workers, TimeSpan warmup, TimeSpan duration, long maxOps, Func<int, long, Task> operation, bool record = true)
    {
        var measuring = 0;
        var stop = 0;
        long completed = 0;
        var perWorker = Enumerable.Range(0, workers).Select(_ => new Latency()).ToArray();
        long errors = 0;
        string? firstError = null;

        async Task Worker(int worker)
        {
            await Task.Yield();
            long sequence = 0;
            while (Volatile.Read(ref stop) == 0)
            {
                var start = Stopwatch.GetTimestamp();
                var counted = Volatile.Read(ref measuring) == 1;
                counting.Value = counted;
                try
                {
                    await operation(worker, sequence++);
                    var elapsed = Stopwatch.GetTimestamp() - start;
                    if (counted && Volatile.Read(ref measuring) == 1)
                    {
                        perWorker[worker].Record(elapsed);
                        if (Interlocked.Increment(ref completed) >= maxOps)
                        {
                            Volatile.Write(ref stop, 1);
                        }
                    }
                }
                catch (Exception ex)
                {
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, ex.GetType().Name + ": " + ex.Message, null);
                    if (Interlocked.Read(ref errors) > 1_000)
                    {
                        Volatile.Write(ref stop, 1);
                    }
                }
            }
        }

        var tasks = Enumerable.Range(0, workers).Select(Worker).ToArray();
        await Task.Delay(warmup);

        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu0 = process.TotalProcessorTime;
        var alloc0 = GC.GetTotalAllocatedBytes();
        var (g0, g1, g2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var errors0 = Interlocked.Read(ref errors);
        var window = Stopwatch.StartNew();
        Volatile.Write(ref measuring, 1);
        windowOpen = record;

        while (window.Elapsed < duration && Volatile.Read(ref stop) == 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
        Volatile.Write(ref measuring, 0);
        windowOpen = false;
        var seconds = window.Elapsed.TotalSeconds;
        process.Refresh();
        var result = new RunResult
        {
            Seconds = seconds,
            CpuMilliseconds = (process.TotalProcessorTime - cpu0).TotalMilliseconds,
            AllocatedBytes = GC.GetTotalAllocatedBytes() - alloc0,
            Gen0 = GC.CollectionCount(0) - g0,
            Gen1 = GC.CollectionCount(1) - g1,
            Gen2 = GC.CollectionCount(2) - g2,
            Errors = Interlocked.Read(ref errors) - errors0,
            FirstError = firstError,
        };
        Volatile.Write(ref stop, 1);

        var drained = Task.WhenAll(tasks);
        if (await Task.WhenAny(drained, Task.Delay(TimeSpan.FromSeconds(30))) != drained)
        {
            result.FirstError ??= "workers did not drain within 30 s after the run";
        }
        foreach (var latency in perWorker)
        {
            result.Latency.Merge(latency);
        }
        return result;
    }

    /// <summary>
    /// A subject and its baseline in alternating rounds (A B A B …), so drifting machine noise (other builds on the
    /// host) lands on both. Each side gets <paramref name="rounds"/> × <paramref name="roundDuration"/> of measurement.
    /// </summary>
    public static async Task<(RunResult Baseline, RunResult Subject)> RunPairAsync(
        int workers, int rounds, TimeSpan warmup, TimeSpan roundDuration, long maxOpsPerRound,
        Func<int, long, Task> baseline, Func<int, long, Task> subject)
    {
        // Prime both sides first (not recorded): the JIT tiers up and every session is active before any round counts.
        await RunAsync(workers, TimeSpan.Zero, warmup * 3, maxOpsPerRound, baseline, record: false);
        await RunAsync(workers, TimeSpan.Zero, warmup * 3, maxOpsPerRound, subject, record: false);
        var a = new RunResult();
        var b = new RunResult();
        for (var round = 0; round < rounds; round++)
        {
            a.Add(await RunAsync(workers, warmup, roundDuration, maxOpsPerRound, baseline));
            b.Add(await RunAsync(workers, warmup, roundDuration, maxOpsPerRound, subject));
        }
        return (a, b);
    }
}
