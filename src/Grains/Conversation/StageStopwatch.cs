using System.Diagnostics;
using System.Runtime.InteropServices;
using Naviyam.Chat;

namespace Naviyam.Conversation;

/// <summary>
/// Microseconds per stage of a turn, from one monotonic clock; and, for the stages that run on the turn's own thread
/// without waiting for another grain, that thread's CPU time and the bytes it allocated (issue 11: wall time alone
/// says little on a shared host).
/// </summary>
/// <remarks>
/// A stage that waits for other grains (<c>context</c>, <c>ranking</c>) is not metered: its work runs in those grains,
/// and the thread it resumes on may have run other turns meanwhile. A metered stage that nevertheless resumed on
/// another thread (an awaited cache or store that did not complete at once) is dropped for that turn (null), since
/// two threads' clocks cannot be subtracted.
/// </remarks>
internal sealed class StageStopwatch
{
    private readonly long start = Stopwatch.GetTimestamp();
    private long last = Stopwatch.GetTimestamp();
    private long lastCpu = ThreadCpuClock.Nanoseconds();
    private long lastBytes = GC.GetAllocatedBytesForCurrentThread();
    private int lastThread = Environment.CurrentManagedThreadId;
    // CPU nanoseconds then allocated bytes per metered stage; NotMeasured until a lap fills them.
    private readonly long[] costs = Unmeasured();
    private const long NotMeasured = long.MinValue;
    private const int StageCount = (int)TurnStage.Reply + 1;

    private static long[] Unmeasured()
    {
        var costs = new long[2 * StageCount];
        Array.Fill(costs, NotMeasured);
        return costs;
    }

    public long TotalMicros => (long)Stopwatch.GetElapsedTime(start).TotalMicroseconds;

    /// <summary>Thread CPU nanoseconds of the metered stages so far (null: not measured).</summary>
    public TurnTimings.StageCosts CpuNanos => Costs(0);

    /// <summary>Bytes allocated by the metered stages so far (null: not measured).</summary>
    public TurnTimings.StageCosts AllocatedBytes => Costs(StageCount);

    private TurnTimings.StageCosts Costs(int offset)
    {
        long? At(TurnStage stage) => costs[offset + (int)stage] is var value && value != NotMeasured ? value : null;
        return new TurnTimings.StageCosts
        {
            Preprocess = At(TurnStage.Preprocess),
            Nlu = At(TurnStage.Nlu),
            Retrieval = At(TurnStage.Retrieval),
            Coupons = At(TurnStage.Coupons),
            Reply = At(TurnStage.Reply),
        };
    }

    /// <summary>The time since the previous lap (or the start), and a new lap begins; <paramref name="stage"/> is metered unless null.</summary>
    public long Lap(TurnStage? stage = null)
    {
        var now = Stopwatch.GetTimestamp();
        var micros = (long)Stopwatch.GetElapsedTime(last, now).TotalMicroseconds;
        last = now;
        var thread = Environment.CurrentManagedThreadId;
        var cpuNow = ThreadCpuClock.Nanoseconds();
        var bytesNow = GC.GetAllocatedBytesForCurrentThread();
        if (stage is { } metered && thread == lastThread)
        {
            costs[(int)metered] = cpuNow >= 0 && lastCpu >= 0 ? cpuNow - lastCpu : NotMeasured;
            costs[StageCount + (int)metered] = bytesNow - lastBytes;
        }
        (lastThread, lastCpu, lastBytes) = (thread, cpuNow, bytesNow);
        return micros;
    }
}

/// <summary>The stages <see cref="StageStopwatch"/> meters.</summary>
internal enum TurnStage
{
    Preprocess,
    Nlu,
    Retrieval,
    Coupons,
    Reply,
}

/// <summary>The calling thread's CPU time (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>); -1 where it cannot be read.</summary>
public static partial class ThreadCpuClock
{
    private const int ClockThreadCpuTime = 3;

    public static long Nanoseconds()
    {
        if (!OperatingSystem.IsLinux())
        {
            return -1;
        }
        return ClockGetTime(ClockThreadCpuTime, out var time) == 0 ? (long)time.Seconds * 1_000_000_000 + (long)time.Nanoseconds : -1;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public nint Seconds;
        public nint Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int ClockGetTime(int clockId, out TimeSpec time);
}
