using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Naviyam.Gateway.Limits;

/// <summary>
/// One token bucket per caller, shared by both front doors: the rate-limiting middleware (REST, by
/// <see cref="ForHttp"/>) and the hub (<see cref="HubRateLimitFilter"/>, per message). A caller is the token's subject,
/// else the client's address; health, the page and its files are never limited.
/// </summary>
public sealed class CallRateLimiter : IDisposable
{
    private const string Unlimited = "";
    private readonly PartitionedRateLimiter<string> limiter;

    public CallRateLimiter(IOptions<LimitsOptions> options)
    {
        var limits = options.Value;
        limiter = PartitionedRateLimiter.Create<string, string>(caller => caller switch
        {
            Unlimited => RateLimitPartition.GetNoLimiter(caller),
            _ when caller.StartsWith("user:", StringComparison.Ordinal) => RateLimitPartition.GetTokenBucketLimiter(caller, _ => Bucket(limits.UserRequestsPerMinute, limits.Burst)),
            _ => RateLimitPartition.GetTokenBucketLimiter(caller, _ => Bucket(limits.AnonymousRequestsPerMinute, limits.Burst)),
        });
        ForHttp = limiter.WithTranslatedKey<HttpContext>(CallerOf, leaveOpen: true);
    }

    /// <summary>The middleware's view: each request by its caller.</summary>
    public PartitionedRateLimiter<HttpContext> ForHttp { get; }

    /// <summary>A hub message of <paramref name="userId"/>: granted or not, at once (a hub call never queues).</summary>
    public RateLimitLease AcquireForUser(string userId) => limiter.AttemptAcquire("user:" + userId);

    public void Dispose()
    {
        ForHttp.Dispose();
        limiter.Dispose();
    }

    private static string CallerOf(HttpContext context)
    {
        var path = context.Request.Path;
        if (!path.StartsWithSegments("/api") && !path.StartsWithSegments("/hubs") && !path.StartsWithSegments("/v1") && !path.StartsWithSegments("/operator"))
        {
            return Unlimited;
        }
        return context.User.FindFirst("sub")?.Value is { Length: > 0 } user
            ? "user:" + user
            : "address:" + context.Connection.RemoteIpAddress;
    }

    /// <summary>Refilled every ten seconds with a sixth of the minute's calls, so a caller never waits a whole minute.</summary>
    private static TokenBucketRateLimiterOptions Bucket(int perMinute, int burst) => new()
    {
        TokenLimit = burst,
        TokensPerPeriod = Math.Max(1, perMinute / 6),
        ReplenishmentPeriod = TimeSpan.FromSeconds(10),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
