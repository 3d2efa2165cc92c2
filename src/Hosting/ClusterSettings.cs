using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace Naviyam.Hosting;

/// <summary>What silos and cluster clients must agree on, read from one place.</summary>
public static class ClusterSettings
{
    public static (StorageOptions Storage, SiloOptions Silo) Read(IConfiguration configuration) =>
        (configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions(),
         configuration.GetSection(SiloOptions.Section).Get<SiloOptions>() ?? new SiloOptions());

    /// <summary>The cluster and service ids every member of one cluster, silo or client, shares.</summary>
    public static IServiceCollection AddNaviyamClusterIdentity(this IServiceCollection services, SiloOptions silo) =>
        services.Configure<ClusterOptions>(options =>
        {
            options.ClusterId = silo.ClusterId;
            options.ServiceId = silo.ServiceId;
        });
}
