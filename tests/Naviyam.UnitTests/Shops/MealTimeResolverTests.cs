using Naviyam.Time;

namespace Naviyam.UnitTests.Shops;

public class MealTimeResolverTests
{
    // A Wednesday, 12:00 in Seoul.
    private static readonly DateTimeOffset Noon = new(2025, 9, 3, 12, 0, 0, TimeSpan.FromHours(9));

    [Theory]
    [InlineData(null, 2025, 9, 3, 12, 0)]
    [InlineData("지금", 2025, 9, 3, 12, 0)]
    [InlineData("학원 끝나고", 2025, 9, 3, 12, 0)]
    [InlineData("저녁 7시", 2025, 9, 3, 19, 0)]
    [InlineData("7시", 2025, 9, 3, 19, 0)]
    [InlineData("오전 11시 반", 2025, 9, 3, 11, 30)]
    [InlineData("밤 10시", 2025, 9, 3, 22, 0)]
    [InlineData("3시쯤", 2025, 9, 3, 15, 0)]
    [InlineData("내일 점심", 2025, 9, 4, 12, 30)]
    [InlineData("토요일", 2025, 9, 6, 12, 30)]
    [InlineData("일요일 저녁 6시", 2025, 9, 7, 18, 0)]
    [InlineData("30분 뒤", 2025, 9, 3, 12, 30)]
    [InlineData("새벽", 2025, 9, 4, 2, 0)]
    [InlineData("야식", 2025, 9, 3, 22, 0)]
    public void Places_the_time_said_on_the_clock(string? phrase, int year, int month, int day, int hour, int minute)
    {
        MealTimeResolver.Resolve(phrase, Noon).Should().Be(new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.FromHours(9)));
    }

    [Fact]
    public void A_meal_named_after_its_usual_hour_is_eaten_late_now()
    {
        var nine = new DateTimeOffset(2025, 9, 3, 21, 0, 0, TimeSpan.FromHours(9));

        MealTimeResolver.Resolve("저녁", nine).Should().Be(nine);
        MealTimeResolver.Resolve("8시", nine).Should().Be(new DateTimeOffset(2025, 9, 4, 8, 0, 0, TimeSpan.FromHours(9)));
    }
}
