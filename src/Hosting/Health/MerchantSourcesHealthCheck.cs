using Microsoft.Extensions.Diagnostics.HealthChecks;
using Naviyam.Catalog;

namespace Naviyam.Hosting.Health;

/// <summary>
/// The <c>merchant-sources</c> entry of <c>/health</c>: which merchant sources this silo's catalog serves, with their
/// shop counts as the entry's data (<c>{"generated": 0, "jeju": 2006}</c>). Healthy while shops are served; degraded
/// (still 200) when the catalog is empty, since every answer would then be "nothing found".
/// </summary>
public sealed class MerchantSourcesHealthCheck(IShopCatalog catalog) : IHealthCheck
{
    public const string Name = "merchant-sources";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var counts = MerchantSources.Count(catalog);
        var data = counts.ToDictionary(pair => pair.Key, pair => (object)pair.Value);
        return Task.FromResult(catalog.Count > 0
            ? HealthCheckResult.Healthy($"{catalog.Count} shops served", data)
            : HealthCheckResult.Degraded("No merchant is served: the catalog is empty.", data: data));
    }
}
