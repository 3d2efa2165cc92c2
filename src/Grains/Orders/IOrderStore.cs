using Naviyam.Cards;
using Naviyam.Coupons;

namespace Naviyam.Orders;

/// <summary>
/// Where orders are kept for good (<c>product_orders</c>), or memory on the embedded default. Placing an order is one
/// atomic unit: the order row, the card debit (balance and ledger) and the coupon's USED mark are all written, or
/// none is. The store re-checks everything under the card's lock, so a stale caller can never overdraw or reuse.
/// </summary>
public interface IOrderStore
{
    /// <summary>The receipt of the user's order with this key, if it was placed.</summary>
    Task<OrderReceipt?> FindAsync(string userId, string orderKey, CancellationToken cancellationToken = default);

    Task<OrderCommit> PlaceAsync(OrderPlacement placement, CancellationToken cancellationToken = default);

    /// <summary>The receipt of the user's most recent order, or null when they have none.</summary>
    Task<OrderReceipt?> FindLastAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Cancels a PLACED order inside its window as one atomic unit under the card's lock: the order becomes CANCELLED,
    /// the amount paid is credited back (ledger key <see cref="OrderCancellation.LedgerKey"/>) and the coupon it used
    /// returns to ACTIVE (EXPIRED when its time has passed meanwhile). A cancelled order answers with its receipt as a
    /// duplicate; an accepted one, or one past its window (then marked ACCEPTED), is refused with
    /// <see cref="OrderErrors.OrderAccepted"/>; an unknown key with <see cref="OrderErrors.UnknownOrder"/>.
    /// </summary>
    Task<OrderCommit> CancelAsync(OrderCancellation cancellation, CancellationToken cancellationToken = default);

    /// <summary>Marks a PLACED order ACCEPTED (an accepted one again is a duplicate); a cancelled one is refused.</summary>
    Task<OrderResult> AcceptAsync(string userId, string orderKey, DateTimeOffset now, CancellationToken cancellationToken = default);
}

/// <summary>A request to take back the user's order <paramref name="OrderKey"/> at <paramref name="Now"/>.</summary>
public sealed record OrderCancellation(string UserId, string OrderKey, DateTimeOffset Now, TimeSpan CancelWindow)
{
    /// <summary>The card ledger's idempotency key of an order's refund: one refund per order, whoever asks twice.</summary>
    public string LedgerKey => $"cancel:{OrderKey}";
}

/// <summary>An order the card grain has priced: <see cref="Discount"/> comes from <see cref="Coupon"/> (null: none).</summary>
public sealed record OrderPlacement(string UserId, OrderRequest Request, int Discount, WalletCoupon? Coupon, DateTimeOffset Now)
{
    public int Paid => Request.OrderAmount - Discount;

    /// <summary>The card ledger's idempotency key of an order's debit.</summary>
    public string LedgerKey => $"order:{Request.OrderKey}";

    /// <summary>The receipt of this placement once a store has committed it as <paramref name="orderId"/>.</summary>
    public OrderReceipt Receipt(long orderId, int balanceAfter) => new()
    {
        OrderId = orderId,
        OrderKey = Request.OrderKey,
        ShopId = Request.ShopId,
        MenuName = Request.MenuName,
        Quantity = Request.Quantity,
        OrderAmount = Request.OrderAmount,
        Discount = Discount,
        Paid = Paid,
        BalanceAfter = balanceAfter,
        WalletCouponId = Coupon?.WalletCouponId,
        CouponId = Coupon?.Coupon.Id,
        CouponName = Coupon?.Coupon.Name,
        PlacedAt = Now,
    };
}

/// <summary>What the store did, and the card as stored afterwards (null when there is no card) for the grain's cache.</summary>
public sealed record OrderCommit(OrderResult Result, FoodCardAccount? Account);
