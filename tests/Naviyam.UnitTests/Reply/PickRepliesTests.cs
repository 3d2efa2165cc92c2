using Naviyam.Chat;
using Naviyam.Reply;
using Naviyam.Shops;
using static Naviyam.UnitTests.Retrieval.TestShops;

namespace Naviyam.UnitTests.Reply;

public class PickRepliesTests
{
    private static readonly RecommendationView Pick = new() { ShopId = "test:a", ShopName = "나비김밥", MenuName = "김밥", Price = 3_000, DistanceMeters = 670 };

    private static ShopRecord WithHours(WeeklyHours hours) => Shop("나비김밥", FoodCategory.Bunsik, 0, ("김밥", 3_000)) with { Hours = hours, Address = "서울 관악구 봉천로 70" };

    [Fact]
    public void A_shop_open_all_day_says_so() =>
        PickReplies.Hours(1, Pick, WithHours(WeeklyHours.Same(DayHours.AllDay)), SeoulNoon)
            .Should().Be("1번 나비김밥은 오늘 24시간 문을 열어요. 지금은 영업 중이에요.");

    [Fact]
    public void A_shop_open_past_midnight_closes_the_next_day() =>
        PickReplies.Hours(2, Pick, WithHours(Evenings), SeoulNoon)
            .Should().Be("2번 나비김밥은 오늘 17:00~다음 날 02:00에 문을 열어요. 지금은 문을 닫았어요.");

    [Fact]
    public void How_far_is_said_with_the_walk_and_the_address_read_aloud_right() =>
        PickReplies.HowFar(1, Pick, WithHours(Daytime))
            .Should().Be("1번 나비김밥까지는 670m예요. 걸어서 10분쯤 걸려요. 주소는 서울 관악구 봉천로 70이에요.");

    [Fact]
    public void A_shop_without_an_address_is_not_given_one() =>
        PickReplies.Where(1, Pick, WithHours(Daytime) with { Address = null })
            .Should().StartWith("1번 나비김밥은 주소 정보가 없어서 위치를 알려 줄 수 없어요.");
}
