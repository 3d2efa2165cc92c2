using System.Globalization;
using Naviyam.Cards;
using Naviyam.Coupons;
using static Naviyam.Reply.KoreanFormat;
using static Naviyam.Reply.KoreanParticles;

namespace Naviyam.Reply;

/// <summary>What the chat says about the user's meal card: its balance, first of all, and an emergency coupon they hold.</summary>
public static class CardReplies
{
    /// <summary>"잔액 얼마야?": the balance in the first sentence, then what can be done with it.</summary>
    public static string Balance(FoodCardSummary card, int usableCoupons)
    {
        ArgumentNullException.ThrowIfNull(card);
        if (!card.HasCard)
        {
            return "등록된 급식카드가 없어서 잔액을 알려 줄 수 없어요. 카드가 있다면 먼저 등록해 주세요. "
                   + "그래도 먹고 싶은 음식이나 예산을 말해 주면 가게는 찾아 줄게요.";
        }
        var balance = Won(card.Balance);
        if (!card.IsActive)
        {
            return $"급식카드 잔액은 {balance}{Copula(balance)}. 그런데 카드가 지금은 쓸 수 없는 상태라서 결제할 수 없어요. "
                   + "카드를 받은 주민센터에 한 번 물어봐 줄래요?";
        }
        if (card.Balance == 0)
        {
            return "급식카드 잔액은 0원이에요. 지금은 카드로 결제할 수 없어요.\n"
                   + "혹시 끼니를 거르고 있다면 가까운 주민센터나 지역아동센터에 꼭 도움을 요청해 주세요. 청소년상담전화 1388도 언제든 받아 줘요.";
        }
        var coupons = usableCoupons > 0 ? string.Create(CultureInfo.InvariantCulture, $" 지금 쓸 수 있는 쿠폰도 {usableCoupons}장 있어요.") : "";
        return $"급식카드 잔액은 {balance}{Copula(balance)}.{coupons} 이 돈으로 지금 먹을 수 있는 곳을 찾아 줄까요?";
    }

    /// <summary>For a child in a hurry to eat: the emergency coupon they hold, said before anything else.</summary>
    public static string EmergencyCouponFirst(WalletCoupon coupon, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(coupon);
        var definition = coupon.Coupon;
        var off = definition.DiscountAmount is { } amount and > 0
            ? Won(amount)
            : definition.DiscountRate is { } rate and > 0 ? string.Create(CultureInfo.InvariantCulture, $"{rate * 100:0.#}%") : null;
        var saving = off is null ? "" : $" 급식카드로 결제할 때 쓰면 {off} 덜 내요.";
        var until = coupon.ExpiresAt is { } expiresAt && expiresAt - now <= TimeSpan.FromDays(7)
            ? LastDay(expiresAt)
            : "";
        return $"긴급 지원 쿠폰 '{definition.Name}'{Subject(definition.Name)} 있어요!{saving}{until}";
    }

    /// <summary>ExpiresAt is the first instant the coupon is no longer usable: its last day is the Seoul date just before.</summary>
    private static string LastDay(DateTimeOffset expiresAt)
    {
        var last = Naviyam.Time.SeoulClock.ToSeoul(expiresAt.AddTicks(-1));
        return string.Create(CultureInfo.InvariantCulture, $" {last.Month}월 {last.Day}일까지 쓸 수 있어요.");
    }
}
