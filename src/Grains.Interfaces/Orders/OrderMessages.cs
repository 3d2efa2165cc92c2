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
}
