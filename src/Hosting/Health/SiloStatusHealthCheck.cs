using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace Naviyam.Hosting.Health;

/// <summary>The <c>silo</c> entry: this host's silo is an active member of its cluster (not joining, not shutting down, not declared dead).</summary>
public sealed class SiloStatusHealthCheck(ISiloStatusOracle membership) : IHealthCheck
{
    public const string Name = "silo";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = membership.CurrentStatus;
        var active = membership.GetApproximateSiloStatuses(onlyActive: true).Count;
        var data = new Dictionary<string, object> { ["status"] = status.ToString(), ["activeSilos"] = active };
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy($"Active in a cluster of {active}", data)
            : HealthCheckResult.Unhealthy($"The silo is {status}", data: data));
    }
}
