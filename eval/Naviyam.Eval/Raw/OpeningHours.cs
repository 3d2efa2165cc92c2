namespace Naviyam.Eval.Raw;

/// <summary>
/// Opening intervals per day of the week (index = <see cref="DayOfWeek"/>), in minutes from that day's midnight; a
/// close after 1440 runs past midnight (1700–0500 is 1020–1740). A day that is null is unknown, not closed.
/// </summary>
public sealed class OpeningHours(IReadOnlyList<IReadOnlyList<(int Open, int Close)>?> days)
{
    public static readonly IReadOnlyList<(int Open, int Close)> AllDay = [(0, 1440)];
    public static readonly IReadOnlyList<(int Open, int Close)> Closed = [];

    /// <summary>True or false when the file says; null when that day's hours are unknown.</summary>
    public bool? IsOpenAt(DateTime local)
    {
        var day = (int)local.DayOfWeek;
        var minute = local.Hour * 60 + local.Minute;
        var today = days[day];
        var yesterday = days[(day + 6) % 7];
        if (today is null && yesterday is null)
        {
            return null;
        }
        if (today is not null && today.Any(i => i.Open <= minute && minute < i.Close))
        {
            return true;
        }
        if (yesterday is not null && yesterday.Any(i => i.Close > 1440 && minute < i.Close - 1440))
        {
            return true;
        }
        return today is null ? null : false;
    }
}
