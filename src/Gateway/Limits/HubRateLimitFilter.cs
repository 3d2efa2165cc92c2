using System.Threading.RateLimiting;
using Microsoft.AspNetCore.SignalR;
using Naviyam.Gateway.Errors;

namespace Naviyam.Gateway.Limits;

/// <summary>Hub messages draw from the caller's bucket too: the rate-limiting middleware sees only the connection's start.</summary>
public sealed class HubRateLimitFilter(CallRateLimiter limiter) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        using var lease = limiter.AcquireForUser(invocationContext.Context.UserIdentifier ?? invocationContext.Context.ConnectionId);
        if (!lease.IsAcquired)
        {
            var retry = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : 1;
            throw new HubException($"{ErrorCodes.RateLimited}: 메시지를 너무 빨리 보내고 있어요. {retry}초 뒤에 다시 보내 주세요. (retry after {retry} s)");
        }
        return await next(invocationContext);
    }
}
