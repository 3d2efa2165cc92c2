using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Naviyam.Gateway.Errors;
using Naviyam.Hosting;

namespace Naviyam.Gateway.Limits;

public static class LimitsExtensions
{
    /// <summary>The per-caller limit (<see cref="LimitsOptions"/>): 429 problem+json with <c>Retry-After</c> and the code <c>rate_limited</c>.</summary>
    public static IServiceCollection AddNaviyamLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<LimitsOptions>(configuration, LimitsOptions.Section);
        services.AddSingleton<CallRateLimiter>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<CallRateLimiter>((options, limiter) =>
        {
            options.GlobalLimiter = limiter.ForHttp;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = WriteRejectionAsync;
        });
        return services;
    }

    private static async ValueTask WriteRejectionAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retry = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : 1;
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = retry.ToString(CultureInfo.InvariantCulture);
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"요청이 너무 많아요. {retry}초 뒤에 다시 시도해 주세요.",
                Extensions = { ["code"] = ErrorCodes.RateLimited },
            },
        });
    }
}
