namespace Naviyam.Time;

/// <summary>
/// The one clock of the product: <see cref="TimeProvider"/> read in Asia/Seoul, because opening hours,
/// lunch and "지금" all mean Korean local time whatever the server's zone.
/// </summary>
public sealed class SeoulClock(TimeProvider timeProvider)
{
    private static readonly TimeZoneInfo Seoul = FindSeoul();

    public TimeProvider TimeProvider { get; } = timeProvider;

    public DateTimeOffset UtcNow => TimeProvider.GetUtcNow();

    public DateTimeOffset LocalNow => TimeZoneInfo.ConvertTime(TimeProvider.GetUtcNow(), Seoul);

    public static DateTimeOffset ToSeoul(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Seoul);

    /// <summary>Interprets a wall-clock time as Seoul local time.</summary>
    public static DateTimeOffset FromSeoulLocal(DateTime local) =>
        new(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Seoul.GetUtcOffset(local));

    private static TimeZoneInfo FindSeoul()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul");
        }
        catch (TimeZoneNotFoundException)
        {
            // Korea has had no daylight saving since 1988: a fixed +09:00 zone is exact for any date we serve.
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Seoul", TimeSpan.FromHours(9), "Korea Standard Time", "KST");
        }
    }
}

/// <summary>
/// A development clock that starts at a pinned Seoul wall time and then advances in real time, so a
/// demo at night can show lunchtime answers while durations still measure correctly.
/// </summary>
public sealed class PinnedStartTimeProvider(DateTimeOffset pinnedStart) : TimeProvider
{
    private readonly long startTimestamp = System.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => pinnedStart.ToUniversalTime() + System.GetElapsedTime(startTimestamp);
}
