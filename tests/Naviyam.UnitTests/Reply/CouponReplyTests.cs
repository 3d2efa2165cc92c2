using Naviyam.Chat;
using Naviyam.Coupons;
using Naviyam.Reply;
using Naviyam.Retrieval;

namespace Naviyam.UnitTests.Reply;

public class CouponReplyTests
{
    private static readonly DateTimeOffset Now = new(2025, 9, 3, 3, 0, 0, TimeSpan.Zero);

    private static WalletCoupon Held(long id, string name, DateTimeOffset? expires) =>
        new(id, new Coupon { Id = $"C{id}", Name = name, DiscountAmount = 1_000 }, Now, expires, WalletCoupon.Active, "test");

    private static string Answer(params WalletCoupon[] coupons) => new ReplyComposer().Compose(new ReplyContext
    {
        Intent = Intents.CouponInquiry, Slots = Entities.None, UsableCoupons = coupons, Now = Now,
    });

    [Fact]
    public void No_coupons_is_said_plainly() =>
        Answer().Should().StartWith("지금 바로 쓸 수 있는 쿠폰은 없어요.");

    [Fact]
    public void Coupons_are_counted_named_and_one_ending_soon_is_pointed_out()
    {
        // Ends at midnight Seoul time on 9/6, so 9/5 is its last day.
        var endsSoon = Held(2, "분식 10% 할인", new DateTimeOffset(2025, 9, 6, 0, 0, 0, TimeSpan.FromHours(9)));

        var text = Answer(Held(1, "급식카드 전용 1,000원 할인", null), endsSoon, Held(3, "한식 쿠폰", null), Held(4, "나비얌 쿠폰", null));

        text.Should().StartWith("지금 쓸 수 있는 쿠폰이 4장 있어요: 급식카드 전용 1,000원 할인, 분식 10% 할인, 한식 쿠폰 외 1장.");
        text.Should().Contain("분식 10% 할인은 9월 5일까지라서 먼저 쓰는 게 좋아요.");
    }
}
