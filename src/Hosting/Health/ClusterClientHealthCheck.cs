using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace Naviyam.Hosting.Health;

/// <summary>
/// The <c>cluster</c> entry of a gateway in front of a separate cluster: a round trip to it (the management grain lists
/// the active silos) answers within the check's time.
/// </summary>
public sealed class ClusterClientHealthCheck(IClusterClient client) : IHealthCheck
{
    public const string Name = "cluster";

    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var hosts = await client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(Limit, cancellationToken);
            var data = new Dictionary<string, object> { ["activeSilos"] = hosts.Count };
            return hosts.Count > 0
                ? HealthCheckResult.Healthy($"{hosts.Count} active silos", data)
                : HealthCheckResult.Unhealthy("No active silo", data: data);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The cluster does not answer", ex);
        }
    }
}
