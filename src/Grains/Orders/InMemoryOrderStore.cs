using Naviyam.Cards;
using Naviyam.Coupons;

namespace Naviyam.Orders;

/// <summary>
/// The embedded default's orders. It takes the card store's lock and then the coupon store's (always in that order),
/// so an order is as atomic here as the MySQL transaction is.
/// </summary>
public sealed class InMemoryOrderStore(InMemoryFoodCardStore cards, InMemoryCouponStore coupons) : IOrderStore
{
    private readonly Dictionary<(string UserId, string OrderKey), OrderReceipt> orders = [];
    private long lastOrderId;

    public Task<OrderReceipt?> FindAsync(string userId, string orderKey, CancellationToken cancellationToken = default)
    {
        lock (cards.WriteLock)
        {
            return Task.FromResult(orders.GetValueOrDefault((userId, orderKey)));
        }
    }

    public Task<OrderCommit> PlaceAsync(OrderPlacement placement, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(placement);
        var request = placement.Request;
        lock (cards.WriteLock)
        {
            var account = cards.FindLocked(placement.UserId);
            if (account is null)
            {
                return Task.FromResult(new OrderCommit(OrderResult.Refused(OrderErrors.NoCard), null));
            }
            if (orders.TryGetValue((placement.UserId, request.OrderKey), out var first))
            {
                return Task.FromResult(new OrderCommit(OrderResult.Placed(first, duplicate: true), account));
            }
            if (account.Status != "ACTIVE")
            {
                return Task.FromResult(new OrderCommit(OrderResult.Refused(OrderErrors.CardInactive), account));
            }
            if (account.Balance < placement.Paid)
            {
                return Task.FromResult(new OrderCommit(OrderResult.Refused(OrderErrors.InsufficientBalance), account));
            }
            lock (coupons.WriteLock)
            {
                if (placement.Coupon is { } coupon && !coupons.TryUseLocked(placement.UserId, coupon.WalletCouponId, placement.Now))
                {
                    return Task.FromResult(new OrderCommit(OrderResult.Refused(OrderErrors.CouponNotUsable), account));
                }
            }
            if (placement.Paid > 0)
            {
                account = cards.ApplyLocked(account, -placement.Paid, placement.LedgerKey);
            }
            var receipt = placement.Receipt(++lastOrderId, account.Balance);
            orders[(placement.UserId, request.OrderKey)] = receipt;
            return Task.FromResult(new OrderCommit(OrderResult.Placed(receipt), account));
        }
    }
}
