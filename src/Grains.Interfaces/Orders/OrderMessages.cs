namespace Naviyam.Orders;

/// <summary>
/// One meal bought with the meal card. <see cref="OrderKey"/> is the client's idempotency key: the same key again
/// returns the first order's receipt and pays nothing twice. <see cref="UnitPrice"/> is the price the child was
/// shown; it must still be the shop's price, so a stale screen never pays a different amount.
/// </summary>
[GenerateSerializer, Immutable, Alias("naviyam.order-request.v1")]
public sealed record OrderRequest(
    [property: Id(0)] string OrderKey,
    [property: Id(1)] string ShopId,
    [property: Id(2)] string MenuName,
    [property: Id(3)] int Quantity,
    [property: Id(4)] int UnitPrice,
    [property: Id(5)] long? WalletCouponId)
{
    public const int MaxQuantity = 20;
    public const int MaxKeyLength = 64;

    public int OrderAmount => checked(Quantity * UnitPrice);
}

/// <summary>A committed order: stored, paid and (when a coupon was used) the coupon marked used, all in one transaction.</summary>
[GenerateSerializer, Immutable, Alias("naviyam.order-receipt.v1")]
public sealed record OrderReceipt
{
    [Id(0)] public required long OrderId { get; init; }
    [Id(1)] public required string OrderKey { get; init; }
    [Id(2)] public required string ShopId { get; init; }
    [Id(3)] public required string MenuName { get; init; }
    [Id(4)] public required int Quantity { get; init; }
    /// <summary>Before the discount.</summary>
    [Id(5)] public required int OrderAmount { get; init; }
    [Id(6)] public required int Discount { get; init; }
    /// <summary>What the card paid: <see cref="OrderAmount"/> minus <see cref="Discount"/>.</summary>
    [Id(7)] public required int Paid { get; init; }
    [Id(8)] public required int BalanceAfter { get; init; }
    [Id(9)] public long? WalletCouponId { get; init; }
    [Id(10)] public string? CouponId { get; init; }
    [Id(11)] public string? CouponName { get; init; }
    [Id(12)] public required DateTimeOffset PlacedAt { get; init; }
    /// <summary>PLACED, ACCEPTED or CANCELLED (<see cref="OrderStatus"/>).</summary>
    [Id(13)] public string Status { get; init; } = OrderStatus.Placed;
    /// <summary>While PLACED: the instant after which the order counts as accepted and can no longer be cancelled.</summary>
    [Id(14)] public DateTimeOffset? CancellableUntil { get; init; }
    [Id(15)] public DateTimeOffset? AcceptedAt { get; init; }
    [Id(16)] public DateTimeOffset? CancelledAt { get; init; }
    /// <summary>When CANCELLED: the card balance right after <see cref="Paid"/> was given back.</summary>
    [Id(17)] public int? BalanceAfterCancel { get; init; }
}

/// <summary>
/// An order's life. No shop app exists yet, so "accepted by the shop" is decided here: an operator (standing in for the
/// shop) may accept an order, and an order still PLACED when its cancel window has passed counts as accepted, because
/// the shop will have started cooking. Only a PLACED order inside its window can be cancelled.
/// </summary>
public static class OrderStatus
{
    public const string Placed = "PLACED";
    public const string Accepted = "ACCEPTED";
    public const string Cancelled = "CANCELLED";
}

/// <summary>
/// An order the chat proposed ("…로 주문할까요?") and that the user's next "응" places, through the same checkout as the
/// REST API. <see cref="OrderKey"/> is derived from the session and the proposing turn, so placing it again (a retried
/// turn, a second "응") pays nothing twice.
/// </summary>
[GenerateSerializer, Immutable, Alias("naviyam.pending-order.v1")]
public sealed record PendingOrder
{
    [Id(0)] public required string OrderKey { get; init; }
    [Id(1)] public required string ShopId { get; init; }
    [Id(2)] public required string ShopName { get; init; }
    [Id(3)] public required string MenuName { get; init; }
    [Id(4)] public int Quantity { get; init; } = 1;
    [Id(5)] public required int UnitPrice { get; init; }
    [Id(6)] public long? WalletCouponId { get; init; }
    [Id(7)] public string? CouponName { get; init; }
    [Id(8)] public int Discount { get; init; }
    /// <summary>What the card will pay: the price less the coupon's discount.</summary>
    [Id(9)] public required int FinalPrice { get; init; }
    [Id(10)] public required int BalanceAfter { get; init; }
    /// <summary>After this the proposal lapses and must be made again (prices and the wallet may have changed).</summary>
    [Id(11)] public required DateTimeOffset ExpiresAt { get; init; }

    public OrderRequest ToRequest() => new(OrderKey, ShopId, MenuName, Quantity, UnitPrice, WalletCouponId);
}

/// <summary>Either a receipt or a refusal code from <see cref="OrderErrors"/>; nothing was written on a refusal.</summary>
[GenerateSerializer, Immutable, Alias("naviyam.order-result.v1")]
public sealed record OrderResult(
    [property: Id(0)] OrderReceipt? Receipt,
    [property: Id(1)] string? Error,
    [property: Id(2)] bool Duplicate)
{
    public static OrderResult Refused(string error) => new(null, error, false);

    public static OrderResult Placed(OrderReceipt receipt, bool duplicate = false) => new(receipt, null, duplicate);
}

/// <summary>The machine codes of a refused order.</summary>
public static class OrderErrors
{
    public const string InvalidInput = "invalid_input";
    public const string NoCard = "no_card";
    public const string CardInactive = "card_inactive";
    public const string InsufficientBalance = "insufficient_balance";
    public const string CouponNotUsable = "coupon_not_usable";
    /// <summary>The shop does not take the child meal card, or is not a place for children.</summary>
    public const string CardNotAccepted = "card_not_accepted";
    /// <summary>The shop or menu is not in the catalog, or its price is no longer the one sent.</summary>
    public const string MenuUnavailable = "menu_unavailable";
    /// <summary>The item is alcohol: the meal card never pays for it, whoever holds the card.</summary>
    public const string AlcoholNotAllowed = "alcohol_not_allowed";
    /// <summary>The item is not a meal (a drink or an add-on on its own): the meal card pays for meals.</summary>
    public const string NotAMeal = "not_a_meal";
    /// <summary>No order of this user has that key.</summary>
    public const string UnknownOrder = "unknown_order";
    /// <summary>The shop has accepted the order (or its cancel window has passed): it can no longer be cancelled.</summary>
    public const string OrderAccepted = "order_accepted";
    /// <summary>The order was cancelled: it can no longer be accepted.</summary>
    public const string OrderCancelled = "order_cancelled";
}
