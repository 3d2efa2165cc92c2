using Naviyam.Conversation;

namespace Naviyam.UnitTests.Conversation;

public class StageStopwatchTests
{
    [Fact]
    public void A_metered_stage_reports_its_own_thread_cpu_and_allocations()
    {
        var stopwatch = new StageStopwatch();
        var kept = new List<byte[]>();
        for (var i = 0; i < 64; i++)
        {
            kept.Add(new byte[1_024]);
        }
        stopwatch.Lap(TurnStage.Preprocess);
        // Busy on this thread until its CPU clock moved 10 ms (a loaded host may give it less than the wall time).
        var start = ThreadCpuClock.Nanoseconds();
        var wall = System.Diagnostics.Stopwatch.StartNew();
        while (ThreadCpuClock.Nanoseconds() - start < 10_000_000 && wall.Elapsed < TimeSpan.FromSeconds(10))
        {
        }
        stopwatch.Lap(TurnStage.Nlu);
        stopwatch.Lap();

        stopwatch.AllocatedBytes.Preprocess.Should().BeGreaterThanOrEqualTo(64 * 1_024);
        stopwatch.AllocatedBytes.Nlu.Should().BeLessThan(1_024);
        stopwatch.AllocatedBytes.Retrieval.Should().BeNull("retrieval was not run");
        if (OperatingSystem.IsLinux())
        {
            stopwatch.CpuNanos.Nlu.Should().BeGreaterThanOrEqualTo(10_000_000);
            stopwatch.CpuNanos.Preprocess.Should().BeGreaterThanOrEqualTo(0);
        }
        GC.KeepAlive(kept);
    }

    [Fact]
    public void A_stage_that_ended_on_another_thread_is_not_metered()
    {
        var stopwatch = new StageStopwatch();
        // Another thread ends the stage, as when an awaited store did not complete at once and the turn resumed elsewhere.
        var other = new Thread(() => stopwatch.Lap(TurnStage.Retrieval));
        other.Start();
        other.Join();
        stopwatch.Lap(TurnStage.Coupons);

        stopwatch.CpuNanos.Retrieval.Should().BeNull();
        stopwatch.AllocatedBytes.Retrieval.Should().BeNull();
        stopwatch.AllocatedBytes.Coupons.Should().BeNull("coupons began on the other thread and ended on this one");
    }

    [Fact]
    public void The_thread_cpu_clock_moves_forward_on_linux()
    {
        var before = ThreadCpuClock.Nanoseconds();
        var spin = System.Diagnostics.Stopwatch.StartNew();
        while (spin.ElapsedMilliseconds < 5)
        {
        }
        var after = ThreadCpuClock.Nanoseconds();

        if (OperatingSystem.IsLinux())
        {
            after.Should().BeGreaterThan(before);
        }
        else
        {
            after.Should().Be(-1);
        }
    }
}
