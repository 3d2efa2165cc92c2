using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Naviyam.Cards;
using Naviyam.Catalog;
using Naviyam.Coupons;
using Naviyam.Shops;
using Naviyam.Time;

namespace Naviyam.Orders;

/// <summary>A pick the chat may order: the shop and the meal as the user was shown them.</summary>
public sealed record OrderablePick(string ShopId, string ShopName, string? MenuName, int? Price);

/// <summary>An order proposal, or why none can be made (an <see cref="OrderErrors"/> code, or <see cref="ChatOrders.PriceUnknown"/>).</summary>
public sealed record Proposal(PendingOrder? Order, string? Problem);

/// <summary>
/// Ordering in the chat: a proposal priced as checkout will price it (the catalog's price, the user's best coupon by the
/// same rule, the card's balance), then placing and cancelling through <see cref="ICardCheckout"/>. The order key of a
/// proposal is derived from the user, the session and the proposing turn, so however often its "응" is retried or
/// repeated, one order is paid once.
/// </summary>
public sealed class ChatOrders(ICardCheckout checkout, IShopCatalog catalog, SeoulClock clock, IOptions<OrderOptions> options)
{
    /// <summary>The pick lists no price (most real merchant lists carry no menus): nothing to order through the card here.</summary>
    public const string PriceUnknown = "price_unknown";

    public static string OrderKeyFor(string userId, string sessionId, string turnId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{userId}\n{sessionId}\n{turnId}"));
        return "chat-" + Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    public Proposal Propose(OrderablePick pick, FoodCardSummary card, IReadOnlyList<WalletCoupon> wallet, string orderKey)
    {
        ArgumentNullException.ThrowIfNull(pick);
        ArgumentNullException.ThrowIfNull(card);
        if (pick.MenuName is null || pick.Price is null)
        {
            return new Proposal(null, PriceUnknown);
        }
        if (!card.HasCard)
        {
            return new Proposal(null, OrderErrors.NoCard);
        }
        if (!card.IsActive)
        {
            return new Proposal(null, OrderErrors.CardInactive);
        }
        if (!catalog.TryGet(pick.ShopId, out var shop)
            || shop.Menus.FirstOrDefault(m => m.Name == pick.MenuName && m.Price == pick.Price) is not { } item)
        {
            return new Proposal(null, OrderErrors.MenuUnavailable);
        }
        if (shop.MealCard == MealCardAcceptance.No || shop.NotForChildren)
        {
            return new Proposal(null, OrderErrors.CardNotAccepted);
        }
        if (MealCardPurchase.RefusalFor(item.Kind) is { } notForTheCard)
        {
            return new Proposal(null, notForTheCard);
        }
        var price = item.Price!.Value;
        var now = clock.UtcNow;
        var target = new CouponTarget(shop.Id, shop.Category, shop.MealCard is MealCardAcceptance.Yes or MealCardAcceptance.Partial);
        var coupon = CouponChooser.Best(wallet, price, target, now, DateOnly.FromDateTime(clock.LocalNow.DateTime));
        var final = coupon?.PriceAfterDiscount ?? price;
        if (card.Balance < final)
        {
            return new Proposal(null, OrderErrors.InsufficientBalance);
        }
        return new Proposal(new PendingOrder
        {
            OrderKey = orderKey,
            ShopId = shop.Id,
            ShopName = shop.Name,
            MenuName = item.Name,
            UnitPrice = price,
            WalletCouponId = coupon?.Coupon.WalletCouponId,
            CouponName = coupon?.Coupon.Coupon.Name,
            Discount = coupon?.Discount ?? 0,
            FinalPrice = final,
            BalanceAfter = card.Balance - final,
            ExpiresAt = now + options.Value.ConfirmWithin,
        }, null);
    }

    /// <summary>Whether a proposal is still open at this moment.</summary>
    public bool IsOpen(PendingOrder pending) => clock.UtcNow < pending.ExpiresAt;

    public Task<OrderResult> PlaceAsync(string userId, PendingOrder pending) => checkout.PlaceAsync(userId, pending.ToRequest());

    public Task<OrderResult> CancelLastAsync(string userId) => checkout.CancelLastAsync(userId);

    /// <summary>The shop's name for a receipt (its id when the shop has left the catalog).</summary>
    public string ShopName(string shopId) => catalog.TryGet(shopId, out var shop) ? shop.Name : shopId;

    /// <summary>How long an order may be cancelled after it is placed.</summary>
    public TimeSpan CancelWindow => options.Value.CancelWindow;
}
