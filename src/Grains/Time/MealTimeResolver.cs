using System.Text.RegularExpressions;

namespace Naviyam.Time;

/// <summary>
/// Turns the time phrase a user said ("저녁 7시", "내일 점심", "토요일", "30분 뒤") into the local time the shops must be
/// open at. What cannot be placed on a clock ("학원 끝나고", "방학") means now, which is also what most messages mean.
/// </summary>
public static partial class MealTimeResolver
{
    // When a part of the day starts being useful for a meal (hour, minute).
    private static readonly (string Word, int Hour, int Minute)[] Parts =
    [
        ("새벽", 2, 0), ("아침", 8, 0), ("오전", 10, 0), ("아점", 10, 30), ("브런치", 11, 0), ("점심", 12, 30), ("낮", 13, 0),
        ("오후", 15, 0), ("점저", 16, 0), ("간식", 16, 0), ("저녁", 18, 30), ("밤", 21, 0), ("야식", 22, 0), ("자정", 0, 0),
    ];

    private static readonly string[] Weekdays = ["일요일", "월요일", "화요일", "수요일", "목요일", "금요일", "토요일"];

    public static DateTimeOffset Resolve(string? phrase, DateTimeOffset localNow)
    {
        if (string.IsNullOrWhiteSpace(phrase))
        {
            return localNow;
        }
        var compact = phrase.Replace(" ", "", StringComparison.Ordinal);
        if (Relative().Match(compact) is { Success: true } relative)
        {
            var amount = Amount(relative.Groups["n"].Value);
            return localNow + (relative.Groups["unit"].Value == "시간" ? TimeSpan.FromHours(amount) : TimeSpan.FromMinutes(amount));
        }

        var date = localNow.Date;
        var dayNamed = false;
        if (compact.Contains("모레", StringComparison.Ordinal))
        {
            (date, dayNamed) = (date.AddDays(2), true);
        }
        else if (compact.Contains("내일", StringComparison.Ordinal) || compact.StartsWith("낼", StringComparison.Ordinal))
        {
            (date, dayNamed) = (date.AddDays(1), true);
        }
        else if (Array.FindIndex(Weekdays, w => compact.Contains(w, StringComparison.Ordinal)) is var weekday and >= 0)
        {
            (date, dayNamed) = (date.AddDays(((weekday - (int)localNow.DayOfWeek) + 7) % 7), true);
        }
        else if (compact.Contains("주말", StringComparison.Ordinal))
        {
            var untilSaturday = ((int)DayOfWeek.Saturday - (int)localNow.DayOfWeek + 7) % 7;
            (date, dayNamed) = (localNow.DayOfWeek == DayOfWeek.Sunday ? date : date.AddDays(untilSaturday), true);
        }

        var part = Parts.FirstOrDefault(p => compact.Contains(p.Word, StringComparison.Ordinal));
        int? hour = part.Word is null ? null : part.Hour;
        var minute = part.Word is null ? 0 : part.Minute;
        var clock = Clock().Match(compact);
        if (clock.Success)
        {
            var stated = int.Parse(clock.Groups["h"].Value, System.Globalization.CultureInfo.InvariantCulture) % 24;
            minute = clock.Groups["m"].Success ? int.Parse(clock.Groups["m"].Value, System.Globalization.CultureInfo.InvariantCulture) % 60
                : clock.Groups["half"].Success ? 30 : 0;
            hour = ClockHour(stated, part.Word, minute, dayNamed ? null : localNow);
        }
        if (hour is null)
        {
            // A day without a time ("내일", "토요일"): lunch, the meal most asked about.
            return dayNamed ? At(date, 12, 30, localNow) : localNow;
        }
        var resolved = At(date, hour.Value, minute, localNow);
        // A meal said after its usual time ("저녁" at 21:00) is eaten late, now; a clock time or 새벽 that has passed
        // today is the next one.
        if (!dayNamed && resolved < localNow - TimeSpan.FromMinutes(30))
        {
            resolved = clock.Success || part.Word is "새벽" or "자정" ? resolved.AddDays(1) : localNow;
        }
        return resolved;
    }

    /// <summary>"7시": 7 in the morning or evening? The part of the day decides; otherwise the next 7 o'clock to come.</summary>
    private static int ClockHour(int stated, string? part, int minute, DateTimeOffset? now)
    {
        if (stated >= 13 || stated == 0)
        {
            return stated;
        }
        if (part is "오후" or "저녁" or "밤" or "야식" or "점저" || part is "낮" && stated <= 6)
        {
            return stated == 12 ? 12 : stated + 12;
        }
        if (part is "새벽" or "아침" or "오전" or "아점" or "브런치")
        {
            return stated == 12 ? 0 : stated;
        }
        if (part is "점심")
        {
            return stated <= 5 ? stated + 12 : stated;
        }
        if (now is { } n)
        {
            var morning = stated * 60 + minute;
            var current = n.Hour * 60 + n.Minute;
            var evening = (stated + 12) * 60 + minute;
            // The earlier reading if it is still ahead today, else the evening one, else tomorrow morning's;
            // 1–6 o'clock means the afternoon unless that has passed too.
            if (evening < current - 30)
            {
                return stated;
            }
            return stated <= 6 || morning < current - 30 ? stated + 12 : stated;
        }
        return stated <= 6 ? stated + 12 : stated;
    }

    private static DateTimeOffset At(DateTime date, int hour, int minute, DateTimeOffset zoneOf) =>
        new(date.Year, date.Month, date.Day, hour, minute, 0, zoneOf.Offset);

    // The Relative pattern only lets counting words and digits through.
    private static int Amount(string value) => Lexicons.KoreanNumbers.Count(value)!.Value;

    [GeneratedRegex(@"(?<n>\d{1,3}|한|두|세)(?<unit>분|시간)(?:뒤|후|안에|안으로|내로|이내|내에|만에)")]
    private static partial Regex Relative();

    [GeneratedRegex(@"(?<h>\d{1,2})시(?!간)(?:(?<m>\d{1,2})분|(?<half>반))?")]
    private static partial Regex Clock();
}
