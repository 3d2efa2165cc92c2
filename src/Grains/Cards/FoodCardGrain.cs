using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Naviyam.Catalog;
using Naviyam.Coupons;
using Naviyam.Learning;
using Naviyam.Orders;
using Naviyam.Shops;
using Naviyam.Time;

namespace Naviyam.Cards;

/// <summary>
/// The only writer of a card's balance. Orleans runs one call at a time per grain, and the store applies a
/// change only against the version read, so a balance can neither be double-spent nor lost.
/// Checkout runs here too: one activation per user serialises every spend of the card and its coupons, so the
/// cached balance stays the stored one. The store still re-checks under the card row's lock, which is what makes
/// a double spend impossible even if two activations of this grain ever overlap (a silo lost and replaced).
/// </summary>
public sealed class FoodCardGrain(
    IFoodCardStore store,
    IOrderStore orders,
    IShopCatalog catalog,
    SeoulClock clock,
    IOptions<OrderOptions> orderOptions,
    ILogger<FoodCardGrain> logger) : Grain, IFoodCardGrain
{
    private FoodCardAccount? account;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        account = await store.LoadAsync(this.GetPrimaryKeyString(), cancellationToken);
    }

    Task<FoodCardSummary> IFoodCardGrain.GetSummaryAsync() => Task.FromResult(account is null
        ? FoodCardSummary.NoCard
        : new FoodCardSummary(true, account.Balance, account.Status, account.TargetAgeGroup));

    Task<CardOperationResult> IFoodCardGrain.DebitAsync(int amount, string idempotencyKey, string reason) =>
        ApplyAsync(-amount, amount, idempotencyKey, reason);

    Task<CardOperationResult> IFoodCardGrain.CreditAsync(int amount, string idempotencyKey, string reason) =>
        ApplyAsync(amount, amount, idempotencyKey, reason);

    private async Task<CardOperationResult> ApplyAsync(int signedAmount, int amount, string idempotencyKey, string reason)
    {
        if (amount <= 0)
        {
            return new CardOperationResult(false, account?.Balance ?? 0, "amount_must_be_positive");
        }
        if (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > 64)
        {
            return new CardOperationResult(false, account?.Balance ?? 0, "invalid_idempotency_key");
        }
        if (account is null)
        {
            return new CardOperationResult(false, 0, "no_card");
        }
        if (account.Status != "ACTIVE")
        {
            return new CardOperationResult(false, account.Balance, "card_inactive");
        }
        if (account.Balance + signedAmount < 0)
        {
            return new CardOperationResult(false, account.Balance, "insufficient_balance");
        }

        var (stored, applied) = await store.ApplyAsync(account.UserId, signedAmount, idempotencyKey, reason, account.Version);
        account = stored;
        // Amounts and balances stay out of logs: only the outcome is recorded.
        logger.LogInformation("Card operation {Reason} for {User}: {Outcome}", reason, account.UserId, applied ? "applied" : "duplicate");
        return new CardOperationResult(applied, stored.Balance, applied ? null : "duplicate");
    }

    async Task<OrderResult> IFoodCardGrain.PlaceOrderAsync(OrderRequest request)
    {
        if (!IsWellFormed(request))
        {
            return OrderResult.Refused(OrderErrors.InvalidInput);
        }
        var userId = this.GetPrimaryKeyString();
        // A retried order answers with its first receipt, even when its coupon is no longer in the wallet.
        if (await orders.FindAsync(userId, request.OrderKey) is { } first)
        {
            return OrderResult.Placed(AsOfNow(first)!, duplicate: true);
        }
        if (account is null)
        {
            return OrderResult.Refused(OrderErrors.NoCard);
        }
        if (account.Status != "ACTIVE")
        {
            return OrderResult.Refused(OrderErrors.CardInactive);
        }
        if (!catalog.TryGet(request.ShopId, out var shop)
            || shop.Menus.FirstOrDefault(m => m.Name == request.MenuName && m.Price == request.UnitPrice) is not { } item)
        {
            return OrderResult.Refused(OrderErrors.MenuUnavailable);
        }
        if (MealCardPurchase.RefusalFor(item.Kind) is { } notForTheCard)
        {
            return OrderResult.Refused(notForTheCard);
        }
        // The card pays: a shop that refuses it, or that no child may use, cannot take the order (unknown acceptance is
        // allowed, as search shows those shops with a warning).
        if (shop.MealCard == MealCardAcceptance.No || shop.NotForChildren)
        {
            return OrderResult.Refused(OrderErrors.CardNotAccepted);
        }

        WalletCoupon? coupon = null;
        var discount = 0;
        var wallet = GrainFactory.GetGrain<ICouponWalletGrain>(userId);
        if (request.WalletCouponId is { } walletCouponId)
        {
            coupon = (await wallet.GetActiveAsync()).FirstOrDefault(c => c.WalletCouponId == walletCouponId);
            var target = new CouponTarget(shop.Id, shop.Category, shop.MealCard is MealCardAcceptance.Yes or MealCardAcceptance.Partial);
            discount = coupon?.Coupon.DiscountFor(request.OrderAmount, target) ?? 0;
            if (discount <= 0)
            {
                return OrderResult.Refused(OrderErrors.CouponNotUsable);
            }
        }
        if (account.Balance < request.OrderAmount - discount)
        {
            return OrderResult.Refused(OrderErrors.InsufficientBalance);
        }

        var commit = await orders.PlaceAsync(new OrderPlacement(userId, request, discount, coupon, clock.UtcNow));
        account = commit.Account ?? account;
        if (coupon is not null && (commit.Result.Receipt is not null || commit.Result.Error == OrderErrors.CouponNotUsable))
        {
            // The coupon row changed (used now, or already used or expired elsewhere): the wallet reads it again.
            await RefreshWalletAsync(wallet, request.OrderKey);
        }
        // Amounts, balances and card numbers stay out of logs: only the outcome is recorded.
        logger.LogInformation("Order {OrderKey} for {User}: {Outcome}", request.OrderKey, userId,
            commit.Result.Error ?? (commit.Result.Duplicate ? "duplicate" : "placed"));
        if (commit.Result is { Receipt: { } placed, Duplicate: false })
        {
            // For learning: the user's grain links the order to the turn that recommended the shop, if one did.
            GrainFactory.GetGrain<IUserLearningGrain>(userId).ObserveOrderAsync(placed, clock.UtcNow).Ignore();
        }
        return commit.Result with { Receipt = AsOfNow(commit.Result.Receipt) };
    }

    async Task<OrderResult> IFoodCardGrain.CancelOrderAsync(string orderKey)
    {
        if (!IsWellFormedKey(orderKey))
        {
            return OrderResult.Refused(OrderErrors.InvalidInput);
        }
        return await CancelAsync(orderKey);
    }

    async Task<OrderResult> IFoodCardGrain.CancelLastOrderAsync()
    {
        var last = await orders.FindLastAsync(this.GetPrimaryKeyString());
        return last is null ? OrderResult.Refused(OrderErrors.UnknownOrder) : await CancelAsync(last.OrderKey);
    }

    async Task<OrderResult> IFoodCardGrain.AcceptOrderAsync(string orderKey)
    {
        if (!IsWellFormedKey(orderKey))
        {
            return OrderResult.Refused(OrderErrors.InvalidInput);
        }
        var result = await orders.AcceptAsync(this.GetPrimaryKeyString(), orderKey, clock.UtcNow);
        logger.LogInformation("Order {OrderKey} of {User} accepted: {Outcome}", orderKey, this.GetPrimaryKeyString(),
            result.Error ?? (result.Duplicate ? "duplicate" : "accepted"));
        return result with { Receipt = AsOfNow(result.Receipt) };
    }

    async Task<OrderReceipt?> IFoodCardGrain.GetOrderAsync(string orderKey) =>
        IsWellFormedKey(orderKey) ? AsOfNow(await orders.FindAsync(this.GetPrimaryKeyString(), orderKey)) : null;

    /// <summary>
    /// Here, as the single writer of the balance, so a cancel and an order of one card are serialised like two orders;
    /// the store re-checks under the card row's lock all the same.
    /// </summary>
    private async Task<OrderResult> CancelAsync(string orderKey)
    {
        var userId = this.GetPrimaryKeyString();
        var commit = await orders.CancelAsync(new OrderCancellation(userId, orderKey, clock.UtcNow, orderOptions.Value.CancelWindow));
        account = commit.Account ?? account;
        if (commit.Result is { Receipt.WalletCouponId: not null, Duplicate: false })
        {
            // The coupon is back in the wallet (or expired meanwhile): the wallet reads it again.
            await RefreshWalletAsync(GrainFactory.GetGrain<ICouponWalletGrain>(userId), orderKey);
        }
        // Amounts and balances stay out of logs: only the outcome is recorded.
        logger.LogInformation("Cancel of order {OrderKey} for {User}: {Outcome}", orderKey, userId,
            commit.Result.Error ?? (commit.Result.Duplicate ? "duplicate" : "cancelled"));
        return commit.Result with { Receipt = AsOfNow(commit.Result.Receipt) };
    }

    private OrderReceipt? AsOfNow(OrderReceipt? receipt) =>
        receipt is null ? null : OrderLifecycle.AsOf(receipt, clock.UtcNow, orderOptions.Value.CancelWindow);

    private static bool IsWellFormedKey(string? orderKey) =>
        !string.IsNullOrWhiteSpace(orderKey) && orderKey.Length <= OrderRequest.MaxKeyLength;

    /// <summary>
    /// After a commit the answer must not turn into an error: a wallet that could not reload still refuses the used
    /// coupon at the store (the row is no longer ACTIVE) and reloads on that refusal or its next activation.
    /// </summary>
    private async Task RefreshWalletAsync(ICouponWalletGrain wallet, string orderKey)
    {
        try
        {
            await wallet.ReloadAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Wallet of {User} did not reload after order {OrderKey}", this.GetPrimaryKeyString(), orderKey);
        }
    }

    private static bool IsWellFormed(OrderRequest? request) =>
        request is not null
        && IsWellFormedKey(request.OrderKey)
        && !string.IsNullOrWhiteSpace(request.ShopId) && request.ShopId.Length <= 200
        && !string.IsNullOrWhiteSpace(request.MenuName) && request.MenuName.Length <= 200
        && request.Quantity is >= 1 and <= OrderRequest.MaxQuantity
        && request.UnitPrice is > 0 and <= 1_000_000
        && request.WalletCouponId is null or > 0;
}
