using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Naviyam.Gateway.Errors;

/// <summary>
/// Every exception that escapes an endpoint as problem+json with the status it deserves: the client's own mistakes
/// (an unreadable body, a wrong content type, a body too large) keep their 4xx; a cluster or database that cannot
/// answer now is a 503 with <c>Retry-After</c> and the retryable code <see cref="ErrorCodes.Unavailable"/>; only a real
/// bug is a 500, and it is logged.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && context.RequestAborted.IsCancellationRequested)
        {
            // The client went away: nobody is left to answer, and nothing failed on our side.
            context.Response.StatusCode = StatusCodes.Status499ClientClosedRequest;
            return true;
        }
        var problem = Describe(exception);
        if (problem.Status >= StatusCodes.Status500InternalServerError && problem.Status != StatusCodes.Status503ServiceUnavailable)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
        }
        else if (problem.Status == StatusCodes.Status429TooManyRequests)
        {
            context.Response.Headers.RetryAfter = "60";
        }
        else if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            logger.LogWarning("Answered 503 on {Method} {Path}: {Error}", context.Request.Method, context.Request.Path, exception.GetType().Name);
            context.Response.Headers.RetryAfter = TransientFailures.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>The problem an exception comes to; public so the hub can speak the same codes.</summary>
    public static ProblemDetails Describe(Exception exception)
    {
        var (status, title, detail, code) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, "Invalid request", bad.Message, ErrorCodes.InvalidInput),
            JsonException json => (StatusCodes.Status400BadRequest, "Invalid JSON", json.Message, ErrorCodes.InvalidInput),
            Naviyam.Chat.SessionLimitException => (StatusCodes.Status429TooManyRequests, "Too many sessions",
                "새 대화를 너무 많이 열었어요. 열려 있는 대화에서 이어서 말해 주세요.", ErrorCodes.SessionLimit),
            _ when TransientFailures.IsTransient(exception) =>
                (StatusCodes.Status503ServiceUnavailable, "Service unavailable", TransientFailures.Detail, ErrorCodes.Unavailable),
            _ => (StatusCodes.Status500InternalServerError, "Unexpected error", "잠시 후 다시 시도해 주세요.", ErrorCodes.Internal),
        };
        return new ProblemDetails { Status = status, Title = title, Detail = detail, Extensions = { ["code"] = code } };
    }
}
