namespace Naviyam.Shops;

/// <summary>
/// Opening hours per weekday (index = <see cref="DayOfWeek"/>). A null day means "not known", which is
/// different from closed. Intervals are minutes from that day's midnight; a close past 1,440 runs into
/// the next day (17:00–05:00 is 1,020–1,740), so overnight shops need no special case.
/// </summary>
[GenerateSerializer, Immutable, Alias("naviyam.hours.v1")]
public sealed record WeeklyHours([property: Id(0)] IReadOnlyList<DayHours?> Days)
{
    public const int MinutesPerDay = 24 * 60;

    public static WeeklyHours Same(DayHours? hours) => new(Enumerable.Repeat(hours, 7).ToArray());

    public DayHours? For(DayOfWeek day) => Days.Count == 7 ? Days[(int)day] : null;

    /// <summary>True/false when the hours for that moment are known, null when they are not.</summary>
    public bool? IsOpenAt(DayOfWeek day, int minuteOfDay)
    {
        var today = For(day);
        var yesterday = For((DayOfWeek)(((int)day + 6) % 7));

        // An overnight interval that started yesterday still counts, even when today is unknown.
        if (yesterday is { Closed: false })
        {
            // Index loops: foreach over an IReadOnlyList boxes its enumerator, and retrieval asks this of every shop it judges.
            for (var i = 0; i < yesterday.Intervals.Count; i++)
            {
                var interval = yesterday.Intervals[i];
                if (interval.CloseMinute > MinutesPerDay && minuteOfDay + MinutesPerDay < interval.CloseMinute)
                {
                    return true;
                }
            }
        }

        if (today is null)
        {
            return null;
        }
        if (today.Closed)
        {
            return false;
        }
        for (var i = 0; i < today.Intervals.Count; i++)
        {
            var interval = today.Intervals[i];
            if (minuteOfDay >= interval.OpenMinute && minuteOfDay < interval.CloseMinute)
            {
                return true;
            }
        }
        return false;
    }
}

[GenerateSerializer, Immutable, Alias("naviyam.dayhours.v1")]
public sealed record DayHours(
    [property: Id(0)] bool Closed,
    [property: Id(1)] IReadOnlyList<OpenInterval> Intervals)
{
    public static DayHours ClosedDay { get; } = new(true, []);

    public static DayHours AllDay { get; } = new(false, [new OpenInterval(0, WeeklyHours.MinutesPerDay)]);

    /// <summary>Builds a day from open/close minutes with an optional break, handling closes past midnight.</summary>
    public static DayHours FromRange(int openMinute, int closeMinute, int? breakStart = null, int? breakEnd = null)
    {
        if (closeMinute <= openMinute)
        {
            closeMinute += WeeklyHours.MinutesPerDay;
        }

        if (breakStart is { } start && breakEnd is { } end && start > openMinute && end > start && end < closeMinute)
        {
            return new DayHours(false, [new OpenInterval(openMinute, start), new OpenInterval(end, closeMinute)]);
        }

        return new DayHours(false, [new OpenInterval(openMinute, closeMinute)]);
    }
}

[GenerateSerializer, Immutable, Alias("naviyam.interval.v1")]
public readonly record struct OpenInterval([property: Id(0)] int OpenMinute, [property: Id(1)] int CloseMinute);
