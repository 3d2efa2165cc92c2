using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Naviyam.Nlu;

namespace Naviyam.Hosting.Health;

/// <summary>
/// The <c>models</c> entry: the intent model is loaded (resolving the engine loads it) and which version serves.
/// Degraded (still ready) when the learned model file is missing and the rule classifier answers instead.
/// </summary>
public sealed class ModelsHealthCheck(IServiceProvider services) : IHealthCheck
{
    public const string Name = "models";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var nlu = services.GetRequiredService<INluEngine>();
            var data = new Dictionary<string, object> { ["nlu"] = nlu.ModelVersion };
            return Task.FromResult(nlu is RuleBasedNluEngine
                ? HealthCheckResult.Degraded("No learned intent model: the rule classifier answers", data: data)
                : HealthCheckResult.Healthy("Loaded", data));
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or InvalidDataException or UnauthorizedAccessException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The intent model did not load", ex));
        }
    }
}
