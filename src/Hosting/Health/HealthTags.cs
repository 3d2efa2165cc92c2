namespace Naviyam.Hosting.Health;

/// <summary>
/// Which health checks each endpoint runs: <c>/health/live</c> only what says the process itself works (a load
/// balancer restarts it when that fails), <c>/health/ready</c> everything a turn needs (a load balancer stops sending
/// traffic while that fails), <c>/health</c> every check.
/// </summary>
public static class HealthTags
{
    public const string Live = "live";
    public const string Ready = "ready";
}
