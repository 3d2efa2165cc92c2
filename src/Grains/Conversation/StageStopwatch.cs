using System.Diagnostics;

namespace Naviyam.Conversation;

/// <summary>Microseconds per stage of a turn, from one monotonic clock.</summary>
internal sealed class StageStopwatch
{
    private readonly long start = Stopwatch.GetTimestamp();
    private long last = Stopwatch.GetTimestamp();

    public long TotalMicros => (long)Stopwatch.GetElapsedTime(start).TotalMicroseconds;

    /// <summary>The time since the previous lap (or the start), and a new lap begins.</summary>
    public long Lap()
    {
        var now = Stopwatch.GetTimestamp();
        var micros = (long)Stopwatch.GetElapsedTime(last, now).TotalMicroseconds;
        last = now;
        return micros;
    }
}
