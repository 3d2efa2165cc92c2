using Naviyam.Cards;
using Naviyam.Coupons;

namespace Naviyam.Orders;

/// <summary>
/// The embedded default's orders. It takes the card store's lock and then the coupon store's (always in that order),
/// so placing or cancelling an order is as atomic here as the MySQL transaction is, and takes the same decisions.
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

    public Task<OrderReceipt?> FindLastAsync(string userId, CancellationToken cancellationToken = default)
    {
        lock (cards.WriteLock)
        {
            return Task.FromResult(orders.Where(o => o.Key.UserId == userId).Select(o => o.Value).MaxBy(o => o.OrderId));
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
                if (placement.Coupon is { } coupon && !coupons.TryUseLocked(placement.UserId, coupon.WalletCouponId, request.OrderKey, placement.Now))
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

    public Task<OrderCommit> CancelAsync(OrderCancellation cancellation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cancellation);
        var key = (cancellation.UserId, cancellation.OrderKey);
        lock (cards.WriteLock)
        {
            var account = cards.FindLocked(cancellation.UserId);
            if (!orders.TryGetValue(key, out var order))
            {
                return Task.FromResult(new OrderCommit(OrderResult.Refused(OrderErrors.UnknownOrder), account));
            }
            if (order.Status == OrderStatus.Cancelled)
            {
                return Task.FromResult(new OrderCommit(OrderResult.Placed(order, duplicate: true), account));
            }
            if (order.Status == OrderStatus.Accepted)
            {
                return Task.FromResult(new OrderCommit(OrderResult.Refused(OrderErrors.OrderAccepted), account));
            }
            if (OrderLifecycle.WindowPassed(order.PlacedAt, cancellation.Now, cancellation.CancelWindow))
            {
                orders[key] = order with { Status = OrderStatus.Accepted, AcceptedAt = order.PlacedAt + cancellation.CancelWindow };
                return Task.FromResult(new OrderCommit(OrderResult.Refused(OrderErrors.OrderAccepted), account));
            }
            if (account is null)
            {
                // An order is paid by a card; a card that is gone cannot be refunded, so nothing changes.
                return Task.FromResult(new OrderCommit(OrderResult.Refused(OrderErrors.NoCard), null));
            }
            if (order.Paid > 0)
            {
                account = cards.ApplyLocked(account, order.Paid, cancellation.LedgerKey);
            }
            if (order.WalletCouponId is { } walletCouponId)
            {
                lock (coupons.WriteLock)
                {
                    coupons.RestoreLocked(cancellation.UserId, walletCouponId, cancellation.OrderKey, cancellation.Now);
                }
            }
            var cancelled = order with
            {
                Status = OrderStatus.Cancelled,
                CancelledAt = cancellation.Now,
                BalanceAfterCancel = account.Balance,
            };
            orders[key] = cancelled;
            return Task.FromResult(new OrderCommit(OrderResult.Placed(cancelled), account));
        }
    }

    public Task<OrderResult> AcceptAsync(string userId, string orderKey, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        lock (cards.WriteLock)
        {
            if (!orders.TryGetValue((userId, orderKey), out var order))
            {
                return Task.FromResult(OrderResult.Refused(OrderErrors.UnknownOrder));
            }
            switch (order.Status)
            {
                case OrderStatus.Cancelled:
                    return Task.FromResult(OrderResult.Refused(OrderErrors.OrderCancelled));
                case OrderStatus.Accepted:
                    return Task.FromResult(OrderResult.Placed(order, duplicate: true));
            }
            var accepted = order with { Status = OrderStatus.Accepted, AcceptedAt = now };
            orders[(userId, orderKey)] = accepted;
            return Task.FromResult(OrderResult.Placed(accepted));
        }
    }
}
