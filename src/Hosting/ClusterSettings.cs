using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Naviyam.Hosting;

/// <summary>What silos and cluster clients must agree on, read from one place.</summary>
public static class ClusterSettings
{
    /// <summary>
    /// The storage mode and the silo's ports, read while the host is built (they decide how it is built). The same
    /// values are registered as validated options, so a wrong value stops the host at start.
    /// </summary>
    public static (StorageOptions Storage, SiloOptions Silo) Read(IConfiguration configuration) =>
        (configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions(),
         configuration.GetSection(SiloOptions.Section).Get<SiloOptions>() ?? new SiloOptions());

    /// <summary><see cref="StorageOptions"/>, bound and validated at start.</summary>
    public static IServiceCollection AddNaviyamStorageOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<StorageOptions>(configuration, StorageOptions.Section);
        return services;
    }

    /// <summary>
    /// <see cref="SiloOptions"/>, bound and validated at start, and the cluster and service ids every member of one
    /// cluster, silo or client, shares.
    /// </summary>
    public static IServiceCollection AddNaviyamClusterIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<SiloOptions>(configuration, SiloOptions.Section);
        services.AddOptions<ClusterOptions>().Configure<IOptions<SiloOptions>>((options, silo) =>
        {
            options.ClusterId = silo.Value.ClusterId;
            options.ServiceId = silo.Value.ServiceId;
        });
        return services;
    }
}
