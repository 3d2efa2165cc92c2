using System.Globalization;
using Naviyam.Shops;

namespace Naviyam.Reply;

/// <summary>A day's opening hours in the short form a card shows: "11:00~15:00, 17:00~21:00", "24시간", "휴무".</summary>
public static class HoursText
{
    public static string? For(DayHours? day) => day switch
    {
        null => null,
        { Closed: true } => "휴무",
        { Intervals: [{ OpenMinute: 0, CloseMinute: >= WeeklyHours.MinutesPerDay }] } => "24시간",
        _ => string.Join(", ", day.Intervals.Select(i =>
            $"{Clock(i.OpenMinute)}~{(i.CloseMinute > WeeklyHours.MinutesPerDay ? "다음 날 " : "")}{Clock(i.CloseMinute)}")),
    };

    private static string Clock(int minute)
    {
        var m = minute % WeeklyHours.MinutesPerDay;
        return string.Create(CultureInfo.InvariantCulture, $"{m / 60:00}:{m % 60:00}");
    }
}
