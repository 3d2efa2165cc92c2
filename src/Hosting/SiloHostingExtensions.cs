using Microsoft.Extensions.Configuration;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;
using Naviyam.Infrastructure.MySql;
using Orleans.Dashboard;
using Naviyam.Nlu.Model;
using Naviyam.Time;

namespace Naviyam.Hosting;

public static class SiloHostingExtensions
{
    /// <summary>
    /// Makes this host a Naviyam silo: the grain services, the catalog start-up, and Orleans with the storage
    /// mode from configuration. The gateway calls the same method to co-host a silo on the embedded default.
    /// </summary>
    public static IHostApplicationBuilder AddNaviyamSilo(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var (storage, silo) = ClusterSettings.Read(configuration);
        builder.Services.AddNaviyamClusterIdentity(silo);

        builder.Services.AddOptions<DataOptions>().Bind(configuration.GetSection(DataOptions.Section));
        builder.Services.AddNaviyamClock(builder.Environment, configuration);
        builder.Services.AddNaviyamGrainServices(configuration);
        // The learned intent model (data/models/nlu/intent.onnx) replaces the rule classifier when it is present.
        builder.Services.AddLearnedNlu();
        if (storage.IsMySql && storage.MigrateOnStart)
        {
            builder.Services.AddHostedService(_ => new MigrateOnStart(storage.RequireConnectionString(configuration)));
        }
        // Before Orleans: the schema exists and the catalog is full before the silo accepts its first turn.
        builder.Services.AddHostedService<CatalogStartup>();

        builder.UseOrleans(orleans =>
        {

            if (storage.IsMySql)
            {
                // Same storage and provider names as the embedded default: only where the bytes go changes.
                var connectionString = storage.RequireConnectionString(configuration);
                orleans.ConfigureEndpoints(
                    ResolveAdvertisedAddress(silo.AdvertisedAddress),
                    silo.SiloPort + silo.Instance,
                    silo.GatewayPort + silo.Instance,
                    listenOnAnyHostAddress: silo.AdvertisedAddress is not null);
                orleans.UseAdoNetClustering(options =>
                {
                    options.Invariant = StorageOptions.AdoNetInvariant;
                    options.ConnectionString = connectionString;
                });
                orleans.AddAdoNetGrainStorage(StorageNames.Default, options =>
                {
                    options.Invariant = StorageOptions.AdoNetInvariant;
                    options.ConnectionString = connectionString;
                });
                orleans.UseAdoNetReminderService(options =>
                {
                    options.Invariant = StorageOptions.AdoNetInvariant;
                    options.ConnectionString = connectionString;
                });
                orleans.Services.AddOptions<AdoNetGrainStorageOptions>(StorageNames.Default)
                    .Configure<Serializer>((options, serializer) => options.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer));
                orleans.Services.AddNaviyamMySqlStores(connectionString);
            }
            else
            {
                orleans.UseLocalhostClustering(
                    siloPort: silo.SiloPort + silo.Instance,
                    gatewayPort: silo.GatewayPort + silo.Instance);
                orleans.Configure<EndpointOptions>(options => options.AdvertisedIPAddress = IPAddress.Loopback);
                orleans.AddMemoryGrainStorage(StorageNames.Default);
                // The same binary serializer as MySQL mode: the default JSON one costs milliseconds per session write.
                orleans.Services.AddOptions<MemoryGrainStorageOptions>(StorageNames.Default)
                    .Configure<Serializer>((options, serializer) => options.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer));
                orleans.UseInMemoryReminderService();
            }
            if (silo.MinimumReminderPeriod is { } minimum)
            {
                orleans.Configure<ReminderOptions>(options => options.MinimumReminderPeriod = minimum);
            }
            orleans.AddDashboard();
        });
        return builder;
    }

    /// <summary>Loopback unless configured; a host name (a compose service) is resolved to its IPv4 address.</summary>
    private static IPAddress ResolveAdvertisedAddress(string? configured) =>
        configured is null ? IPAddress.Loopback
        : IPAddress.TryParse(configured, out var address) ? address
        : Dns.GetHostAddresses(configured).First(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork);

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
