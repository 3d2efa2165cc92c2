using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Naviyam.Infrastructure.MySql;
using Naviyam.Infrastructure.MySql.Embeddings;
using Naviyam.Infrastructure.MySql.Retention;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;

namespace Naviyam.Hosting;

public static class StorageModeExtensions
{
    /// <summary>
    /// The one place the storage mode (<c>Naviyam:Storage:Mode</c>) is decided: clustering, grain storage, reminders
    /// and the product's stores all come from one branch, each registered once. Both branches use the same storage
    /// name (<see cref="StorageNames.Default"/>), so grains never know which mode they run in.
    /// </summary>
    public static ISiloBuilder UseNaviyamStorage(this ISiloBuilder orleans, StorageOptions storage, SiloOptions silo, IConfiguration configuration)
    {
        if (storage.IsMySql)
        {
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
            orleans.AddNaviyamMySqlStorage(connectionString);
        }
        else
        {
            orleans.UseLocalhostClustering(
                siloPort: silo.SiloPort + silo.Instance,
                gatewayPort: silo.GatewayPort + silo.Instance);
            orleans.Configure<EndpointOptions>(options => options.AdvertisedIPAddress = IPAddress.Loopback);
            orleans.AddNaviyamInMemoryStorage();
        }
        return orleans;
    }

    /// <summary>
    /// The embedded default's storage, without its clustering: in-memory grain storage, reminders and stores. A test
    /// cluster, which brings its own membership, uses this alone.
    /// </summary>
    public static ISiloBuilder AddNaviyamInMemoryStorage(this ISiloBuilder orleans)
    {
        orleans.AddMemoryGrainStorage(StorageNames.Default);
        // The same binary serializer as MySQL mode: the default JSON one costs milliseconds per session write.
        orleans.Services.AddOptions<MemoryGrainStorageOptions>(StorageNames.Default)
            .Configure<Serializer>((options, serializer) => options.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer));
        orleans.UseInMemoryReminderService();
        orleans.Services.AddNaviyamInMemoryStores();
        return orleans;
    }

    /// <summary>MySQL mode's storage: Orleans' ADO.NET grain storage and reminders, and the spec's tables for the product.</summary>
    private static ISiloBuilder AddNaviyamMySqlStorage(this ISiloBuilder orleans, string connectionString)
    {
        orleans.AddAdoNetGrainStorage(StorageNames.Default, options =>
        {
            options.Invariant = StorageOptions.AdoNetInvariant;
            options.ConnectionString = connectionString;
        });
        orleans.Services.AddOptions<AdoNetGrainStorageOptions>(StorageNames.Default)
            .Configure<Serializer>((options, serializer) => options.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer));
        orleans.UseAdoNetReminderService(options =>
        {
            options.Invariant = StorageOptions.AdoNetInvariant;
            options.ConnectionString = connectionString;
        });
        orleans.Services.AddNaviyamMySqlStores(connectionString);
        orleans.Services.AddNaviyamMySqlEmbeddingStores();
        orleans.Services.AddNaviyamMySqlRetention();
        return orleans;
    }

    /// <summary>Loopback unless configured; a host name (a compose service) is resolved to its IPv4 address.</summary>
    private static IPAddress ResolveAdvertisedAddress(string? configured) =>
        configured is null ? IPAddress.Loopback
        : IPAddress.TryParse(configured, out var address) ? address
        : Dns.GetHostAddresses(configured).First(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork);
}
