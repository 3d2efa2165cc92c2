using Naviyam.Shops;

namespace Naviyam.UnitTests.Shops;

public class WeeklyHoursTests
{
    [Fact]
    public void Overnight_hours_are_open_after_midnight_on_the_next_day()
    {
        var hours = WeeklyHours.Same(DayHours.FromRange(17 * 60, 5 * 60));

        hours.IsOpenAt(DayOfWeek.Wednesday, 3 * 60).Should().BeTrue();
        hours.IsOpenAt(DayOfWeek.Wednesday, 15 * 60).Should().BeFalse();
        hours.IsOpenAt(DayOfWeek.Wednesday, 23 * 60).Should().BeTrue();
    }

    [Fact]
    public void A_break_time_closes_the_shop_in_the_afternoon()
    {
        var hours = WeeklyHours.Same(DayHours.FromRange(11 * 60, 20 * 60 + 30, 15 * 60, 16 * 60 + 30));

        hours.IsOpenAt(DayOfWeek.Monday, 12 * 60).Should().BeTrue();
        hours.IsOpenAt(DayOfWeek.Monday, 15 * 60 + 30).Should().BeFalse();
        hours.IsOpenAt(DayOfWeek.Monday, 17 * 60).Should().BeTrue();
    }

    [Fact]
    public void Unknown_days_are_unknown_and_closed_days_are_closed()
    {
        var days = new DayHours?[7];
        days[(int)DayOfWeek.Sunday] = DayHours.ClosedDay;
        var hours = new WeeklyHours(days);

        hours.IsOpenAt(DayOfWeek.Sunday, 12 * 60).Should().BeFalse();
        hours.IsOpenAt(DayOfWeek.Monday, 12 * 60).Should().BeNull();
    }

    [Fact]
    public void Overnight_from_a_known_day_counts_even_when_the_next_day_is_unknown()
    {
        var days = new DayHours?[7];
        days[(int)DayOfWeek.Friday] = DayHours.FromRange(18 * 60, 2 * 60);
        var hours = new WeeklyHours(days);

        hours.IsOpenAt(DayOfWeek.Saturday, 60).Should().BeTrue();
    }
}
