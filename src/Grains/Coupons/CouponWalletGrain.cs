using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Naviyam.Time;
using Orleans.Configuration;
using Orleans.Runtime;

namespace Naviyam.Coupons;

/// <summary>
/// One user's coupon wallet. The <c>user_coupon_wallet</c> rows are the truth: the grain loads the active ones on
/// activation, writes an issue through before answering, and keeps one reminder due at the soonest expiry, which
/// marks the rows EXPIRED (conditionally, so a coupon an order used a moment before stays USED).
/// </summary>
public sealed class CouponWalletGrain(
    ICouponStore store,
    SeoulClock clock,
    IOptions<ReminderOptions> reminderOptions,
    ILogger<CouponWalletGrain> logger) : Grain, ICouponWalletGrain, IRemindable
{
    private const string ExpiryReminder = "coupon-expiry";

    /// <summary>Orleans timers cannot wait longer than about 49 days; a far expiry is approached in hops of this.</summary>
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(30);

    /// <summary>The period only matters when a tick fails half-way: then the next one retries.</summary>
    private static readonly TimeSpan RetryPeriod = TimeSpan.FromMinutes(5);

    private IReadOnlyList<WalletCoupon> active = [];

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        active = await store.LoadActiveAsync(this.GetPrimaryKeyString(), cancellationToken);
        // Rows written straight into the table (seeding, another service) have no reminder yet.
        if (SoonestExpiry() is not null && await this.GetReminder(ExpiryReminder) is null)
        {
            await ScheduleExpiryAsync();
        }
    }

    Task<IReadOnlyList<WalletCoupon>> ICouponWalletGrain.GetActiveAsync() => Task.FromResult(Usable());

    async Task<IssueResult> ICouponWalletGrain.IssueAsync(string couponId, string issueKey, string source, DateTimeOffset? expiresAt)
    {
        if (string.IsNullOrWhiteSpace(couponId) || string.IsNullOrWhiteSpace(issueKey) || issueKey.Length > 100
            || string.IsNullOrWhiteSpace(source) || source.Length > 50)
        {
            return new IssueResult(null, false, "invalid_input");
        }
        var coupon = await store.FindCouponAsync(couponId);
        if (coupon is null || !coupon.IsActive)
        {
            return new IssueResult(null, false, "unknown_coupon");
        }
        var now = clock.UtcNow;
        var expiry = expiresAt ?? EndOfSeoulDay(coupon.ValidUntil);
        if (expiry <= now)
        {
            return new IssueResult(null, false, "already_expired");
        }

        var userId = this.GetPrimaryKeyString();
        var (stored, owner, created) = await store.IssueAsync(new CouponGrant(userId, couponId, issueKey, source, expiry, now));
        if (owner != userId)
        {
            return new IssueResult(null, false, "issue_key_taken");
        }
        if (created)
        {
            active = [.. active, stored];
            await ScheduleExpiryAsync();
            logger.LogInformation("Issued coupon {Coupon} to {User} from {Source}", couponId, userId, source);
        }
        return new IssueResult(stored, !created, null);
    }

    Task<CouponChoice?> ICouponWalletGrain.BestForAsync(int orderAmount, CouponTarget target)
    {
        var (now, today) = Now();
        return Task.FromResult(CouponChooser.Best(active, orderAmount, target, now, today));
    }

    Task<IReadOnlyList<CouponChoice?>> ICouponWalletGrain.BestForEachAsync(IReadOnlyList<CouponQuery> queries)
    {
        var (now, today) = Now();
        IReadOnlyList<CouponChoice?> choices = queries.Select(q => CouponChooser.Best(active, q.OrderAmount, q.Target, now, today)).ToList();
        return Task.FromResult(choices);
    }

    async Task ICouponWalletGrain.ReloadAsync()
    {
        active = await store.LoadActiveAsync(this.GetPrimaryKeyString());
    }

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ExpiryReminder)
        {
            return;
        }
        var userId = this.GetPrimaryKeyString();
        var expired = await store.ExpireDueAsync(userId, clock.UtcNow);
        // Read back rather than patch the cache: an order on another activation may have used a row meanwhile.
        active = await store.LoadActiveAsync(userId);
        if (expired.Count > 0)
        {
            logger.LogInformation("Expired {Count} coupons of {User}", expired.Count, userId);
        }
        await ScheduleExpiryAsync();
    }

    /// <summary>Points the reminder at the soonest expiry, or removes it when nothing is left to expire.</summary>
    private async Task ScheduleExpiryAsync()
    {
        if (SoonestExpiry() is not { } soonest)
        {
            if (await this.GetReminder(ExpiryReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }
            return;
        }
        var wait = soonest - clock.UtcNow;
        var dueTime = wait <= TimeSpan.Zero ? TimeSpan.Zero : wait < LongestWait ? wait : LongestWait;
        var minimum = reminderOptions.Value.MinimumReminderPeriod;
        await this.RegisterOrUpdateReminder(ExpiryReminder, dueTime, minimum > RetryPeriod ? minimum : RetryPeriod);
    }

    private DateTimeOffset? SoonestExpiry() =>
        active.Where(c => c.ExpiresAt is not null).Select(c => c.ExpiresAt).Min();

    private IReadOnlyList<WalletCoupon> Usable()
    {
        var (now, today) = Now();
        return active.Where(c => c.IsUsableAt(now, today)).ToList();
    }

    private (DateTimeOffset Now, DateOnly SeoulDate) Now() => (clock.UtcNow, DateOnly.FromDateTime(clock.LocalNow.DateTime));

    /// <summary>The first instant after the Seoul calendar day <paramref name="lastDay"/>; null means no end.</summary>
    private static DateTimeOffset? EndOfSeoulDay(DateOnly? lastDay) =>
        lastDay is { } day ? SeoulClock.FromSeoulLocal(day.AddDays(1).ToDateTime(TimeOnly.MinValue)) : null;
}
