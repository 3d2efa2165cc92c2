namespace Naviyam.Coupons;

/// <summary>The embedded default's coupons and wallets. One lock makes every status change atomic, as a row lock would.</summary>
public sealed class InMemoryCouponStore : ICouponStore
{
    private readonly Dictionary<string, Coupon> coupons = new(StringComparer.Ordinal);
    private readonly Dictionary<long, WalletRow> rows = [];
    private readonly Dictionary<string, long> rowsByIssueKey = new(StringComparer.Ordinal);
    private long lastRowId;

    /// <summary>Held by the in-memory order store too, so an order's coupon use and a concurrent expiry never interleave.</summary>
    internal Lock WriteLock { get; } = new();

    public Task<IReadOnlyList<WalletCoupon>> LoadActiveAsync(string userId, CancellationToken cancellationToken = default)
    {
        lock (WriteLock)
        {
            IReadOnlyList<WalletCoupon> active = rows.Values
                .Where(r => r.UserId == userId && r.Coupon.Status == WalletCoupon.Active)
                .Select(r => r.Coupon)
                .OrderBy(c => c.ExpiresAt ?? DateTimeOffset.MaxValue)
                .ThenBy(c => c.WalletCouponId)
                .ToList();
            return Task.FromResult(active);
        }
    }

    public Task<Coupon?> FindCouponAsync(string couponId, CancellationToken cancellationToken = default)
    {
        lock (WriteLock)
        {
            return Task.FromResult(coupons.GetValueOrDefault(couponId));
        }
    }

    public Task<(WalletCoupon Coupon, string UserId, bool Created)> IssueAsync(CouponGrant grant, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grant);
        lock (WriteLock)
        {
            if (rowsByIssueKey.TryGetValue(grant.IssueKey, out var existingId))
            {
                var existing = rows[existingId];
                return Task.FromResult((existing.Coupon, existing.UserId, false));
            }
            var row = AddLocked(grant);
            return Task.FromResult((row.Coupon, row.UserId, true));
        }
    }

    public Task<IReadOnlyList<long>> ExpireDueAsync(string userId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        lock (WriteLock)
        {
            var due = rows.Values
                .Where(r => r.UserId == userId && r.Coupon.Status == WalletCoupon.Active && r.Coupon.ExpiresAt <= now)
                .ToList();
            foreach (var row in due)
            {
                rows[row.Coupon.WalletCouponId] = row with { Coupon = row.Coupon with { Status = WalletCoupon.Expired } };
            }
            IReadOnlyList<long> ids = due.Select(r => r.Coupon.WalletCouponId).ToList();
            return Task.FromResult(ids);
        }
    }

    public Task UpsertCouponsAsync(IEnumerable<Coupon> incoming, CancellationToken cancellationToken = default)
    {
        lock (WriteLock)
        {
            foreach (var coupon in incoming)
            {
                coupons[coupon.Id] = coupon;
            }
            return Task.CompletedTask;
        }
    }

    public Task IssueManyAsync(IEnumerable<CouponGrant> grants, CancellationToken cancellationToken = default)
    {
        lock (WriteLock)
        {
            foreach (var grant in grants.Where(g => !rowsByIssueKey.ContainsKey(g.IssueKey)))
            {
                AddLocked(grant);
            }
            return Task.CompletedTask;
        }
    }

    /// <summary>
    /// Marks a row USED by the order <paramref name="orderKey"/> if it is the user's, still ACTIVE and not expired; the
    /// caller holds <see cref="WriteLock"/>.
    /// </summary>
    internal bool TryUseLocked(string userId, long walletCouponId, string orderKey, DateTimeOffset now)
    {
        if (!rows.TryGetValue(walletCouponId, out var row) || row.UserId != userId
            || row.Coupon.Status != WalletCoupon.Active || row.Coupon.ExpiresAt <= now)
        {
            return false;
        }
        rows[walletCouponId] = row with { Coupon = row.Coupon with { Status = WalletCoupon.Used }, UsedBy = orderKey };
        return true;
    }

    /// <summary>
    /// Gives back a row the order <paramref name="orderKey"/> used: ACTIVE again, or EXPIRED when its time has passed
    /// meanwhile. A row not used by that order is left alone. The caller holds <see cref="WriteLock"/>.
    /// </summary>
    internal void RestoreLocked(string userId, long walletCouponId, string orderKey, DateTimeOffset now)
    {
        if (rows.TryGetValue(walletCouponId, out var row) && row.UserId == userId && row.Coupon.Status == WalletCoupon.Used && row.UsedBy == orderKey)
        {
            var status = row.Coupon.ExpiresAt is { } expiry && expiry <= now ? WalletCoupon.Expired : WalletCoupon.Active;
            rows[walletCouponId] = row with { Coupon = row.Coupon with { Status = status }, UsedBy = null };
        }
    }

    internal WalletCoupon? FindRowLocked(long walletCouponId) => rows.TryGetValue(walletCouponId, out var row) ? row.Coupon : null;

    private WalletRow AddLocked(CouponGrant grant)
    {
        var definition = coupons.TryGetValue(grant.CouponId, out var found)
            ? found
            : throw new InvalidOperationException($"Coupon {grant.CouponId} is not defined.");
        var row = new WalletRow(grant.UserId, new WalletCoupon(++lastRowId, definition, grant.AcquiredAt, grant.ExpiresAt, WalletCoupon.Active, grant.Source));
        rows[row.Coupon.WalletCouponId] = row;
        rowsByIssueKey[grant.IssueKey] = row.Coupon.WalletCouponId;
        return row;
    }

    /// <param name="UsedBy">The key of the order that used the row, while it is USED.</param>
    private sealed record WalletRow(string UserId, WalletCoupon Coupon, string? UsedBy = null);
}
