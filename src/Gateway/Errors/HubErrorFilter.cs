using Microsoft.AspNetCore.SignalR;

namespace Naviyam.Gateway.Errors;

/// <summary>
/// The hub's counterpart of <see cref="ProblemExceptionHandler"/>: whatever a hub method throws reaches the client as a
/// <see cref="HubException"/> whose message starts with its code (<c>unavailable: …</c>, <c>internal_error: …</c>), so
/// a client tells a retryable failure from a refusal without parsing prose. A method's own <see cref="HubException"/>
/// (<c>invalid_input: …</c>) passes as it is.
/// </summary>
public sealed class HubErrorFilter(ILogger<HubErrorFilter> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (HubException)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !invocationContext.Context.ConnectionAborted.IsCancellationRequested)
        {
            var problem = ProblemExceptionHandler.Describe(ex);
            var code = (string)problem.Extensions["code"]!;
            if (code == ErrorCodes.Internal)
            {
                logger.LogError(ex, "Hub method {Method} failed", invocationContext.HubMethodName);
            }
            else
            {
                logger.LogWarning("Hub method {Method} answered {Code}: {Error}", invocationContext.HubMethodName, code, ex.GetType().Name);
            }
            var retry = code == ErrorCodes.Unavailable ? $" (retry after {TransientFailures.RetryAfterSeconds} s)" : "";
            throw new HubException($"{code}: {problem.Detail}{retry}");
        }
    }
}
