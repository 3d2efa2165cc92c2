using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Naviyam.Catalog;

namespace Naviyam.Infrastructure.MySql;

/// <summary>
/// Keeps this silo's catalog in step with shop changes made on any silo: the database is the source of truth,
/// and every silo pulls rows changed since the last change it saw. Pulling (rather than a broadcast) means a
/// silo that was busy, restarting or partitioned catches up on its own, with no message to lose.
/// </summary>
public sealed class CatalogChangePoller(
    MySqlShopRepository repository,
    IShopCatalog catalog,
    IOptions<CatalogSyncOptions> options,
    TimeProvider time,
    ILogger<CatalogChangePoller> logger) : BackgroundService
{
    // Rows are stamped by the database clock; starting from "now" minus a margin covers the load that just ran.
    private DateTime watermark = DateTime.UtcNow.AddMinutes(-1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RefreshInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var (changed, newest) = await repository.LoadChangedSinceAsync(watermark, stoppingToken);
                if (changed.Count > 0)
                {
                    catalog.Apply(changed);
                    watermark = newest;
                    logger.LogInformation("Catalog picked up {Count} changed shops", changed.Count);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Catalog refresh failed; retrying on the next tick");
            }
        }
    }
}
