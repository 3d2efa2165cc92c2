using Naviyam.Orders;

namespace Naviyam.Cards;

/// <summary>
/// One user's child meal card (key: user id): the only place that ever changes a balance. Every change
/// carries an idempotency key, so a retried debit is applied once.
/// </summary>
[Alias("naviyam.IFoodCardGrain")]
public interface IFoodCardGrain : IGrainWithStringKey
{
    [Alias("GetSummary")]
    Task<FoodCardSummary> GetSummaryAsync();

    [Alias("Debit")]
    Task<CardOperationResult> DebitAsync(int amount, string idempotencyKey, string reason);

    [Alias("Credit")]
    Task<CardOperationResult> CreditAsync(int amount, string idempotencyKey, string reason);

    /// <summary>
    /// Buys a meal with the card and optionally one wallet coupon: the order row, the card debit and the coupon's
    /// USED mark are committed in one transaction before this returns. Idempotent by <see cref="OrderRequest.OrderKey"/>.
    /// Checkout lives here because this activation is the single writer of the user's balance.
    /// </summary>
    [Alias("PlaceOrder")]
    Task<OrderResult> PlaceOrderAsync(OrderRequest request);

    /// <summary>
    /// Takes back an order the shop has not accepted: the order is marked CANCELLED, what the card paid is credited back
    /// and its coupon returns to the wallet, all in one transaction. Cancelling a cancelled order answers with its
    /// receipt again (<see cref="OrderResult.Duplicate"/>) and gives nothing back twice.
    /// </summary>
    [Alias("CancelOrder")]
    Task<OrderResult> CancelOrderAsync(string orderKey);

    /// <summary>Cancels the user's most recent order, as <see cref="CancelOrderAsync"/> does ("주문 취소해 줘").</summary>
    [Alias("CancelLastOrder")]
    Task<OrderResult> CancelLastOrderAsync();

    /// <summary>Marks an order accepted by the shop, after which it cannot be cancelled (an operator stands in for the shop).</summary>
    [Alias("AcceptOrder")]
    Task<OrderResult> AcceptOrderAsync(string orderKey);

    /// <summary>The receipt of the user's order with this key, with its status now; null when there is none.</summary>
    [Alias("GetOrder")]
    Task<OrderReceipt?> GetOrderAsync(string orderKey);
}

[GenerateSerializer, Immutable, Alias("naviyam.foodcard-summary.v1")]
public sealed record FoodCardSummary(
    [property: Id(0)] bool HasCard,
    [property: Id(1)] int Balance,
    [property: Id(2)] string Status,
    [property: Id(3)] string? TargetAgeGroup)
{
    public static FoodCardSummary NoCard { get; } = new(false, 0, "NONE", null);

    public bool IsActive => HasCard && Status == "ACTIVE";
}

[GenerateSerializer, Immutable, Alias("naviyam.card-operation-result.v1")]
public sealed record CardOperationResult(
    [property: Id(0)] bool Applied,
    [property: Id(1)] int Balance,
    [property: Id(2)] string? Error);
