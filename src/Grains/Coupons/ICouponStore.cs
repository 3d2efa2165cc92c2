namespace Naviyam.Coupons;

/// <summary>
/// Where coupon definitions (<c>coupons</c>) and wallets (<c>user_coupon_wallet</c>) are kept for good, or memory on
/// the embedded default. Status changes are conditional on the row still being ACTIVE, so a coupon is used or
/// expired once, whoever asks twice. Using a coupon belongs to an order (<see cref="Naviyam.Orders.IOrderStore"/>).
/// </summary>
public interface ICouponStore
{
    /// <summary>The user's ACTIVE rows with their definitions, soonest expiry first.</summary>
    Task<IReadOnlyList<WalletCoupon>> LoadActiveAsync(string userId, CancellationToken cancellationToken = default);

    Task<Coupon?> FindCouponAsync(string couponId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds a wallet row unless <paramref name="grant"/>'s issue key is stored already. Returns the row stored under
    /// that key (possibly another user's: the caller checks), and whether this call created it.
    /// </summary>
    Task<(WalletCoupon Coupon, string UserId, bool Created)> IssueAsync(CouponGrant grant, CancellationToken cancellationToken = default);

    /// <summary>Marks the user's ACTIVE rows whose expiry is at or before <paramref name="now"/> EXPIRED; returns their ids.</summary>
    Task<IReadOnlyList<long>> ExpireDueAsync(string userId, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Adds or replaces definitions (seeding, an operator's change).</summary>
    Task UpsertCouponsAsync(IEnumerable<Coupon> coupons, CancellationToken cancellationToken = default);

    /// <summary>Issues many grants at once, skipping issue keys already stored (seeding).</summary>
    Task IssueManyAsync(IEnumerable<CouponGrant> grants, CancellationToken cancellationToken = default);
}

/// <summary>One coupon copy to put into a user's wallet. <see cref="IssueKey"/> is unique across all wallets.</summary>
public sealed record CouponGrant(string UserId, string CouponId, string IssueKey, string Source, DateTimeOffset? ExpiresAt, DateTimeOffset AcquiredAt);
