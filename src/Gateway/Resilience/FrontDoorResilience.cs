using Microsoft.Extensions.Options;
using Naviyam.Gateway.Errors;
using Naviyam.Hosting;
using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;
using Polly.Timeout;

namespace Naviyam.Gateway.Resilience;

/// <summary>
/// The front doors' resilience pipeline (Polly through Microsoft.Extensions.Resilience): a per-call timeout inside a
/// circuit breaker that counts only <see cref="TransientFailures"/>. While the database or the cluster is gone, calls
/// fail fast with 503 and <c>Retry-After</c> (<see cref="ProblemExceptionHandler"/>), and one trial call after each
/// break closes the circuit again as soon as they are back: no restart needed. Client mistakes never count.
/// </summary>
public static class FrontDoorResilience
{
    public const string PipelineName = "naviyam-front-door";

    public static IServiceCollection AddFrontDoorResilience(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<FrontDoorResilienceOptions>(configuration, FrontDoorResilienceOptions.Section);
        services.AddResiliencePipeline(PipelineName, (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<FrontDoorResilienceOptions>>().Value;
            pipeline
                .AddCircuitBreaker(new CircuitBreakerStrategyOptions
                {
                    FailureRatio = options.FailureRatio,
                    SamplingDuration = options.SamplingDuration,
                    MinimumThroughput = options.MinimumThroughput,
                    BreakDuration = options.BreakDuration,
                    ShouldHandle = new PredicateBuilder().Handle<Exception>(TransientFailures.IsTransient),
                })
                .AddTimeout(new TimeoutStrategyOptions { Timeout = options.CallTimeout });
        });
        return services;
    }

    /// <summary>Runs <paramref name="call"/> through the pipeline; a call that outlives the timeout is abandoned (its work may still finish).</summary>
    public static ValueTask<T> ExecuteAsync<T>(this ResiliencePipeline pipeline, Func<ValueTask<T>> call, CancellationToken cancellationToken) =>
        pipeline.ExecuteAsync(async token => await call().AsTask().WaitAsync(token), cancellationToken);

    public static ResiliencePipeline FrontDoor(this ResiliencePipelineProvider<string> pipelines) => pipelines.GetPipeline(PipelineName);
}

/// <summary>The REST side: every route handler of the user API runs through the pipeline.</summary>
public sealed class ResilienceEndpointFilter(ResiliencePipelineProvider<string> pipelines) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        pipelines.FrontDoor().ExecuteAsync(() => next(context), context.HttpContext.RequestAborted);
}

/// <summary>The hub side: every hub method runs through the same pipeline (and circuit) as REST.</summary>
public sealed class ResilienceHubFilter(ResiliencePipelineProvider<string> pipelines) : Microsoft.AspNetCore.SignalR.IHubFilter
{
    public ValueTask<object?> InvokeMethodAsync(Microsoft.AspNetCore.SignalR.HubInvocationContext invocationContext,
        Func<Microsoft.AspNetCore.SignalR.HubInvocationContext, ValueTask<object?>> next) =>
        pipelines.FrontDoor().ExecuteAsync(() => next(invocationContext), invocationContext.Context.ConnectionAborted);
}
