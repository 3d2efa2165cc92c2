using System.Globalization;
using Naviyam.Orders;
using static Naviyam.Reply.KoreanFormat;
using static Naviyam.Reply.KoreanParticles;

namespace Naviyam.Reply;

/// <summary>What the chat says while ordering: the one-line confirmation, the receipt, a cancellation and every refusal.</summary>
public static class OrderReplies
{
    /// <summary>
    /// One line naming shop, meal, price, coupon, final price and the balance after, and how to say yes.
    /// </summary>
    public static string Confirm(PendingOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var price = Won(order.UnitPrice);
        var paying = order.CouponName is { } coupon && order.Discount > 0
            ? $"{price}에서 {coupon} 쿠폰으로 {Won(order.Discount)} 할인받아 {Won(order.FinalPrice)}"
            : price;
        var after = Won(order.BalanceAfter);
        return $"{order.ShopName} {order.MenuName} {paying}{Direction(paying)} 주문할까요? 결제하면 급식카드 잔액은 {after}{Subject(after)} 남아요. "
               + "맞으면 '응'이라고 해 주세요.";
    }

    /// <summary>"이걸로 할게" after a list of several: which one.</summary>
    public static string WhichOne(int offered) => string.Create(CultureInfo.InvariantCulture,
        $"몇 번 가게로 주문할까요? 1번부터 {offered}번 중에 골라서 \"2번으로 주문해 줘\"처럼 말해 줘요.");

    public const string NothingToOrder = "주문하려면 먼저 먹을 곳을 골라야 해요. 먹고 싶은 음식이나 예산을 말해 주면 찾아 줄게요!";

    public const string Declined = "알겠어요, 주문하지 않을게요. 다른 곳이 궁금하면 언제든 물어봐 줘요!";

    /// <summary>Added to the answer of a message that was neither yes nor no to a proposal: the proposal is dropped.</summary>
    public const string DroppedNote = "(아까 물어본 주문은 하지 않았어요.)";

    /// <summary>"응" after an order was placed or cancelled.</summary>
    public const string Acknowledged = "좋아요! 또 필요한 게 있으면 언제든 말해 줘요.";

    /// <summary>Said before a proposal made again because the first one lapsed.</summary>
    public const string Lapsed = "주문을 확인한 지 시간이 지나서, 지금 가격으로 다시 물어볼게요.";

    public static string Placed(OrderReceipt receipt, string shopName, TimeSpan cancelWindow, bool again)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var opening = again ? "이 주문은 이미 했어요." : "주문했어요!";
        var paid = Won(receipt.Paid);
        var coupon = receipt.CouponName is { } name && receipt.Discount > 0 ? $" ({name} 쿠폰으로 {Won(receipt.Discount)} 할인)" : "";
        var balance = Won(receipt.BalanceAfter);
        var cancel = receipt.Status == OrderStatus.Placed && cancelWindow > TimeSpan.Zero
            ? string.Create(CultureInfo.InvariantCulture, $" 가게가 주문을 받기 전({(int)Math.Ceiling(cancelWindow.TotalMinutes)}분 안)에는 \"주문 취소해 줘\"라고 하면 취소할 수 있어요.")
            : "";
        return $"{opening} {shopName} {receipt.MenuName}, 급식카드로 {paid}{Subject(paid)} 결제됐어요{coupon}. "
               + $"남은 잔액은 {balance}{Copula(balance)}.{cancel} 맛있게 먹어요!";
    }

    public static string Cancelled(OrderReceipt receipt, string shopName, bool again)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var balance = receipt.BalanceAfterCancel is { } after ? $" 지금 잔액은 {Won(after)}{Copula(Won(after))}." : "";
        if (again)
        {
            return $"{shopName} {receipt.MenuName} 주문은 이미 취소했어요.{balance}";
        }
        var refund = receipt.Paid > 0 ? $" 급식카드로 낸 {Won(receipt.Paid)}{Object(Won(receipt.Paid))} 돌려받았어요." : "";
        var coupon = receipt.CouponName is { } name ? $" {name} 쿠폰도 다시 쓸 수 있어요." : "";
        return $"{shopName} {receipt.MenuName} 주문을 취소했어요.{refund}{balance}{coupon}";
    }

    /// <summary>Why an order could not be proposed, placed or cancelled, in words for a child, with what to do next.</summary>
    public static string Problem(string code, string? shopName = null, string? menuName = null) => code switch
    {
        ChatOrders.PriceUnknown =>
            $"{shopName ?? "그 가게"}{Topic(shopName ?? "그 가게")} 메뉴 가격 정보가 없어서 여기서는 주문할 수 없어요. 가게에서 직접 급식카드로 결제해 주세요.",
        OrderErrors.NoCard => "등록된 급식카드가 없어서 주문할 수 없어요. 카드를 먼저 등록해 주세요.",
        OrderErrors.CardInactive => "급식카드가 지금은 쓸 수 없는 상태라서 주문할 수 없어요. 카드를 받은 주민센터에 물어봐 줄래요?",
        OrderErrors.InsufficientBalance =>
            $"급식카드 잔액이 모자라서 {menuName ?? "그 메뉴"}{Topic(menuName ?? "그 메뉴")} 주문할 수 없어요. 더 싼 메뉴를 찾아볼까요? \"더 싼 데 없어?\"라고 물어봐 줘요.",
        OrderErrors.CouponNotUsable => "쿠폰을 쓸 수 없게 되어서 주문하지 않았어요. 다시 골라 주면 지금 쓸 수 있는 쿠폰으로 계산해 줄게요.",
        OrderErrors.MenuUnavailable => $"{shopName ?? "그 가게"}의 메뉴나 가격이 바뀌어서 지금은 주문할 수 없어요. 다시 찾아볼까요?",
        OrderErrors.CardNotAccepted => $"{shopName ?? "그 가게"}에서는 급식카드로 결제할 수 없어서 주문할 수 없어요. 다른 곳을 골라 볼까요?",
        OrderErrors.AlcoholNotAllowed => "술은 급식카드로 살 수 없어서 주문할 수 없어요. 밥 메뉴를 골라 줘요.",
        OrderErrors.NotAMeal => "급식카드는 밥을 먹기 위한 카드라서 음료나 추가 메뉴만 따로 주문할 수는 없어요. 밥 메뉴를 골라 줘요.",
        OrderErrors.UnknownOrder => "취소할 주문이 없어요. 아직 급식카드로 주문한 게 없는 것 같아요.",
        OrderErrors.OrderAccepted => $"{shopName ?? "가게"}에서 이미 주문을 받아서 여기서는 취소할 수 없어요. 꼭 취소해야 하면 가게에 직접 말해 줘요.",
        _ => "주문을 처리하지 못했어요. 잠시 후에 다시 말해 줄래요?",
    };
}
