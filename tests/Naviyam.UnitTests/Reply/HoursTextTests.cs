using Naviyam.Reply;
using Naviyam.Shops;

namespace Naviyam.UnitTests.Reply;

public class HoursTextTests
{
    [Fact]
    public void A_day_with_a_break_lists_both_spans() =>
        HoursText.For(DayHours.FromRange(11 * 60, 21 * 60, 15 * 60, 16 * 60 + 30)).Should().Be("11:00~15:00, 16:30~21:00");

    [Fact]
    public void A_shop_open_past_midnight_says_the_next_day() =>
        HoursText.For(DayHours.FromRange(17 * 60, 2 * 60)).Should().Be("17:00~다음 날 02:00");

    [Fact]
    public void Closed_all_day_and_unknown_are_told_apart()
    {
        HoursText.For(DayHours.AllDay).Should().Be("24시간");
        HoursText.For(DayHours.ClosedDay).Should().Be("휴무");
        HoursText.For(null).Should().BeNull();
    }
}
