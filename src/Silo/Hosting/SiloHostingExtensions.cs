using Microsoft.Extensions.Configuration;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Dashboard;
using Naviyam.Hosting;
using Naviyam.Time;

namespace Naviyam.Silo.Hosting;

public static class SiloHostingExtensions
{
    /// <summary>
    /// Makes this host a Naviyam silo: the grain services, the catalog start-up, and Orleans with the storage
    /// mode from configuration. The gateway calls the same method to co-host a silo on the embedded default.
    /// </summary>
    public static IHostApplicationBuilder AddNaviyamSilo(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var silo = configuration.GetSection(SiloOptions.Section).Get<SiloOptions>() ?? new SiloOptions();

        builder.Services.AddOptions<DataOptions>().Bind(configuration.GetSection(DataOptions.Section));
        builder.Services.AddNaviyamClock(builder.Environment, configuration);
        builder.Services.AddNaviyamGrainServices(configuration);
        // Before Orleans: the catalog is full before the silo accepts its first turn.
        builder.Services.AddHostedService<CatalogStartup>();

        builder.UseOrleans(orleans =>
        {
            orleans.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = silo.ClusterId;
                options.ServiceId = silo.ServiceId;
            });

            if (storage.IsMySql)
            {
                throw new NotSupportedException("MySQL mode is not available in this build; set Naviyam:Storage:Mode to Memory.");
            }

            orleans.UseLocalhostClustering(
                siloPort: silo.SiloPort + silo.Instance,
                gatewayPort: silo.GatewayPort + silo.Instance);
            orleans.Configure<EndpointOptions>(options => options.AdvertisedIPAddress = IPAddress.Loopback);
            orleans.AddMemoryGrainStorage(StorageNames.Default);
            orleans.UseInMemoryReminderService();
            orleans.AddDashboard();
        });
        return builder;
    }

    /// <summary>
    /// The product's clock (<see cref="SeoulClock"/>) over the host's <see cref="TimeProvider"/>. Development may pin
    /// its start (Naviyam:Clock:PinnedLocalTime, a Seoul wall time) for demos; only the product's notion of "now"
    /// moves, never the runtime's own timers. Tests replace the clock with a fake one.
    /// </summary>
    public static IServiceCollection AddNaviyamClock(this IServiceCollection services, IHostEnvironment environment, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        var pinned = configuration.GetSection(ClockOptions.Section).Get<ClockOptions>()?.PinnedLocalTime;
        if (environment.IsDevelopment() && !string.IsNullOrWhiteSpace(pinned))
        {
            var local = DateTime.Parse(pinned, System.Globalization.CultureInfo.InvariantCulture);
            services.AddSingleton(new SeoulClock(new PinnedStartTimeProvider(SeoulClock.FromSeoulLocal(local))));
        }
        return services;
    }
}
