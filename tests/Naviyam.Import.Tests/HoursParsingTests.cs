using Naviyam.Shops;
using Naviyam.Catalog.Import;

namespace Naviyam.Import.Tests;

public class HoursParsingTests
{
    [Fact]
    public void Overnight_close_runs_past_midnight()
    {
        var day = NationalStandardImporter.ParseDay("1700", "0500", isConvenienceStore: false);
        day.Should().NotBeNull();
        day!.Closed.Should().BeFalse();
        day.Intervals.Should().Equal(new OpenInterval(17 * 60, 29 * 60));
    }

    [Fact]
    public void Zero_to_zero_is_24_hours_only_for_convenience_stores()
    {
        NationalStandardImporter.ParseDay("0000", "0000", isConvenienceStore: true).Should().Be(DayHours.AllDay);
        NationalStandardImporter.ParseDay("0000", "0000", isConvenienceStore: false).Should().BeNull();
    }

    [Fact]
    public void Close_at_midnight_and_explicit_2400()
    {
        NationalStandardImporter.ParseDay("0700", "0000", false)!.Intervals.Should().Equal(new OpenInterval(420, 1440));
        NationalStandardImporter.ParseDay("0000", "2400", false).Should().Be(DayHours.AllDay);
    }

    [Theory]
    [InlineData(null, "2100")]
    [InlineData("", "2100")]
    [InlineData("1100", "")]
    [InlineData("2561", "2100")]
    [InlineData("ab", "2100")]
    public void Missing_or_invalid_times_are_unknown(string? open, string? close)
    {
        NationalStandardImporter.ParseDay(open, close, false).Should().BeNull();
    }

    [Fact]
    public void Weekday_saturday_and_holiday_fill_the_week()
    {
        var weekday = NationalStandardImporter.ParseDay("1100", "2100", false);
        var saturday = NationalStandardImporter.ParseDay("1200", "2000", false);
        var week = NationalStandardImporter.BuildWeek(weekday, saturday, null)!;
        week.For(DayOfWeek.Monday).Should().Be(weekday);
        week.For(DayOfWeek.Friday).Should().Be(weekday);
        week.For(DayOfWeek.Saturday).Should().Be(saturday);
        week.For(DayOfWeek.Sunday).Should().BeNull();
        week.IsOpenAt(DayOfWeek.Wednesday, 12 * 60).Should().BeTrue();
        week.IsOpenAt(DayOfWeek.Sunday, 12 * 60).Should().BeNull();
        NationalStandardImporter.BuildWeek(null, null, null).Should().BeNull();
    }

    [Fact]
    public void Peer_hours_with_break_and_midnight_close()
    {
        var week = PeerSampleImporter.ParseHours("11:00", "20:30", "15:00-16:30")!;
        week.For(DayOfWeek.Tuesday)!.Intervals.Should().Equal(new OpenInterval(660, 900), new OpenInterval(990, 1230));
        week.IsOpenAt(DayOfWeek.Tuesday, 15 * 60 + 30).Should().BeFalse();

        var cafe = PeerSampleImporter.ParseHours("7:00", "0:00", "-")!;
        cafe.For(DayOfWeek.Sunday)!.Intervals.Should().Equal(new OpenInterval(420, 1440));
        PeerSampleImporter.ParseHours("", "20:00", "-").Should().BeNull();
    }
}
