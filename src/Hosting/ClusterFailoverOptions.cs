using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Naviyam.Hosting;

/// <summary>
/// Bound from <c>Naviyam:Cluster</c>: how fast a small cluster (a handful of silos on one network) notices a dead silo
/// and how fast a gateway's cluster client stops using it. Orleans' defaults suit clusters of dozens of silos where a
/// wrong death costs more than a slow one; ours has three, where every second a dead silo stays "alive" fails its
/// sessions. docs/reliability.md says why each value is what it is and what it measured.
/// </summary>
public sealed class ClusterFailoverOptions : IValidatableObject
{
    public const string Section = "Naviyam:Cluster";

    /// <summary>
    /// The first liveness probe's timeout (Orleans' <see cref="ClusterMembershipOptions.ProbeTimeout"/>, default 5 s);
    /// Orleans also paces probes by it, adapting both to observed round trips between half of it and
    /// <see cref="MaxProbeTimeout"/>. A dead silo on the same network refuses the probe at once; one second paces the
    /// probes so that <see cref="MissedProbesLimit"/> of them fit in the failover goal.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.200", "00:01:00")]
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest a probe may wait when a silo answers slowly (Orleans' default is four times the probe timeout). A
    /// silo busy with a GC or a loaded machine answers late rather than never; this keeps it from being voted dead.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.200", "00:05:00")]
    public TimeSpan MaxProbeTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Missed probes before a silo suspects another (Orleans' <see cref="ClusterMembershipOptions.NumMissedProbesLimit"/>, default 3).</summary>
    [Range(1, 10)]
    public int MissedProbesLimit { get; set; } = 2;

    /// <summary>
    /// Suspicions needed to declare a silo dead (<see cref="ClusterMembershipOptions.NumVotesForDeathDeclaration"/>,
    /// default 2). Two: with three silos both survivors must agree, so one silo's bad network alone kills nobody.
    /// </summary>
    [Range(1, 10)]
    public int VotesForDeathDeclaration { get; set; } = 2;

    /// <summary>
    /// How long a suspicion counts (<see cref="ClusterMembershipOptions.DeathVoteExpirationTimeout"/>, default 2 min):
    /// votes must meet within this window, so stale suspicions from an old blip do not add up with a new one.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:10:00")]
    public TimeSpan DeathVoteExpiration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often a silo writes its heartbeat to the membership table (<see cref="ClusterMembershipOptions.IAmAliveTablePublishTimeout"/>,
    /// default 30 s). Probes, not heartbeats, find a dead silo; the heartbeat lets a cluster that lost every other
    /// silo at once, and the dashboard, tell a stale entry. Ten seconds is one cheap row update per silo.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan IAmAliveTablePublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How often a silo reads the membership table (<see cref="ClusterMembershipOptions.TableRefreshTimeout"/>, default
    /// 1 min). Gossip spreads a death at once; this is the fallback for a silo that missed the gossip.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan TableRefreshTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How often a cluster client re-reads the list of live silo gateways (<see cref="GatewayOptions.GatewayListRefreshPeriod"/>,
    /// default 1 min). A client drops a gateway whose connection breaks by itself; this brings a new or restarted
    /// silo into use within seconds and drops one declared dead that it had not noticed yet.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "00:10:00")]
    public TimeSpan GatewayListRefreshPeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long a client or silo waits after a failed connection before trying that endpoint again
    /// (<see cref="ConnectionOptions.ConnectionRetryDelay"/>, default 1 s).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan ConnectionRetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// How long opening a connection may take (<see cref="ConnectionOptions.OpenConnectionTimeout"/>, default 5 s): a
    /// peer on the same network answers in milliseconds, a dead one refuses at once, an unreachable one hangs.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.200", "00:01:00")]
    public TimeSpan OpenConnectionTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long a gateway's cluster client waits for an answer (<see cref="MessagingOptions.ResponseTimeout"/>, default
    /// 30 s). A request in flight to a silo that dies is never answered and nothing fails it but this timeout; when the
    /// client did not see a silo go (<see cref="SiloLossSignal"/>), this is how long such a turn waits before
    /// <see cref="ResendUnansweredCallFilter"/> sends it again. A turn takes milliseconds and a cold one on a busy
    /// machine a few seconds; the first try and the resend together fit the front door's call timeout (8 s).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "00:05:00")]
    public TimeSpan ClientResponseTimeout { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>
    /// How long after a turn was first sent <see cref="ResendUnansweredCallFilter"/> keeps sending it again while it
    /// fails for want of a live silo. Covers the death's detection (about 1.3 s with the values above) and the client's
    /// next gateway list (<see cref="GatewayListRefreshPeriod"/>); the front door's call timeout (8 s) bounds it anyway.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan ResendWindow { get; set; } = TimeSpan.FromSeconds(3);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxProbeTimeout < ProbeTimeout)
        {
            yield return new ValidationResult($"{Section}:MaxProbeTimeout ({MaxProbeTimeout}) is below ProbeTimeout ({ProbeTimeout}).",
                [nameof(MaxProbeTimeout)]);
        }
    }
}

public static class ClusterFailoverExtensions
{
    /// <summary>A silo's membership and connections, from <see cref="ClusterFailoverOptions"/>.</summary>
    public static IServiceCollection AddNaviyamSiloFailover(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddClusterFailoverOptions(configuration);
        services.AddOptions<ClusterMembershipOptions>().Configure<IOptions<ClusterFailoverOptions>>((membership, failover) =>
        {
            var value = failover.Value;
            membership.ProbeTimeout = value.ProbeTimeout;
            membership.MinProbeTimeout = value.ProbeTimeout / 2;
            membership.MaxProbeTimeout = value.MaxProbeTimeout;
            membership.NumMissedProbesLimit = value.MissedProbesLimit;
            membership.NumVotesForDeathDeclaration = value.VotesForDeathDeclaration;
            membership.DeathVoteExpirationTimeout = value.DeathVoteExpiration;
            membership.IAmAliveTablePublishTimeout = value.IAmAliveTablePublishTimeout;
            membership.TableRefreshTimeout = value.TableRefreshTimeout;
        });
        services.AddOptions<ConnectionOptions>().Configure<IOptions<ClusterFailoverOptions>>((connections, failover) => Apply(connections, failover.Value));
        return services;
    }

    /// <summary>A cluster client's gateway list and connections, from <see cref="ClusterFailoverOptions"/>.</summary>
    public static IServiceCollection AddNaviyamClientFailover(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddClusterFailoverOptions(configuration);
        services.AddOptions<GatewayOptions>().Configure<IOptions<ClusterFailoverOptions>>((gateways, failover) =>
            gateways.GatewayListRefreshPeriod = failover.Value.GatewayListRefreshPeriod);
        services.AddOptions<ClientMessagingOptions>().Configure<IOptions<ClusterFailoverOptions>>((messaging, failover) =>
            messaging.ResponseTimeout = failover.Value.ClientResponseTimeout);
        services.AddOptions<ConnectionOptions>().Configure<IOptions<ClusterFailoverOptions>>((connections, failover) => Apply(connections, failover.Value));
        return services;
    }

    private static void AddClusterFailoverOptions(this IServiceCollection services, IConfiguration configuration) =>
        services.AddValidatedOptions<ClusterFailoverOptions>(configuration, ClusterFailoverOptions.Section);

    private static void Apply(ConnectionOptions connections, ClusterFailoverOptions failover)
    {
        connections.ConnectionRetryDelay = failover.ConnectionRetryDelay;
        connections.OpenConnectionTimeout = failover.OpenConnectionTimeout;
    }
}
