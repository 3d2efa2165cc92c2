using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MySqlConnector;

namespace Naviyam.Hosting.Health;

/// <summary>
/// The <c>database</c> entry in MySQL mode: a connection opens and answers <c>SELECT 1</c> within a couple of seconds.
/// A stopped server fails at once; a frozen one fails at the limit instead of hanging the probe.
/// </summary>
public sealed class DatabaseHealthCheck(string connectionString) : IHealthCheck
{
    public const string Name = "database";

    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(2);

    private readonly string probeConnectionString = new MySqlConnectionStringBuilder(connectionString)
    {
        ConnectionTimeout = (uint)Limit.TotalSeconds,
        DefaultCommandTimeout = (uint)Limit.TotalSeconds,
        // Its own small pool, so a probe never waits behind turns for a connection, nor takes one from them.
        MaximumPoolSize = 2,
        ApplicationName = "naviyam-health",
    }.ConnectionString;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(Limit);
        try
        {
            await using var connection = new MySqlConnection(probeConnectionString);
            await connection.OpenAsync(limit.Token);
            await using var command = new MySqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(limit.Token);
            return HealthCheckResult.Healthy("Reachable");
        }
        catch (Exception ex) when (ex is MySqlException or OperationCanceledException or TimeoutException or InvalidOperationException
                                   && !cancellationToken.IsCancellationRequested)
        {
            // The exception's message only: a connection string never reaches the report.
            return HealthCheckResult.Unhealthy($"Unreachable: {ex.GetType().Name}: {ex.Message}");
        }
    }
}

public static class DatabaseHealthCheckExtensions
{
    /// <summary>The <c>database</c> readiness entry for MySQL mode's connection string.</summary>
    public static IHealthChecksBuilder AddDatabaseCheck(this IHealthChecksBuilder checks, string connectionString) =>
        checks.Add(new HealthCheckRegistration(DatabaseHealthCheck.Name, _ => new DatabaseHealthCheck(connectionString), failureStatus: null, tags: [HealthTags.Ready]));
}
