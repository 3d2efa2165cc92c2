using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Naviyam.Gateway.Telemetry;

/// <summary>
/// <c>naviyam.sessions.active</c>: the chat sessions active in the whole cluster (activations of the session grain, from
/// Orleans' management grain), polled in the background since a gauge's callback must not wait on the cluster.
/// </summary>
public sealed class ActiveSessions : BackgroundService
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(5);

    private readonly IGrainFactory grains;
    private readonly ILogger<ActiveSessions> logger;
    private int? count;

    public ActiveSessions(IGrainFactory grains, IMeterFactory meterFactory, IOptions<ClusterOptions> cluster, ILogger<ActiveSessions> logger)
    {
        this.grains = grains;
        this.logger = logger;
        // Labelled with the cluster: every gateway of a cluster reports the same cluster-wide count.
        var tag = new KeyValuePair<string, object?>("cluster", cluster.Value.ClusterId);
        meterFactory.Create(TurnMetrics.MeterName).CreateObservableGauge("naviyam.sessions.active",
            () => count is { } active ? [new Measurement<int>(active, tag)] : Array.Empty<Measurement<int>>(), "{session}", "Chat sessions active in the cluster");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var statistics = await grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
                count = statistics.Where(s => s.GrainType.Contains("ConversationGrain", StringComparison.OrdinalIgnoreCase)).Sum(s => s.ActivationCount);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The cluster may not be reachable yet (a thin client starting before its silos); the next poll tries again.
                logger.LogDebug(ex, "Active sessions could not be counted");
            }
            try
            {
                await Task.Delay(PollEvery, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return; // the host is stopping (or never started): nothing is wrong
            }
        }
    }
}
