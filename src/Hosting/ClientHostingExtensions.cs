using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Naviyam.Hosting.Health;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace Naviyam.Hosting;

public static class ClientHostingExtensions
{
    /// <summary>
    /// Makes this host an Orleans client of a separate cluster (the gateway in front of several silos): the same
    /// cluster id and clustering store the silos use, found through the same configuration keys.
    /// </summary>
    public static IHostApplicationBuilder AddNaviyamClusterClient(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var (storage, silo) = ClusterSettings.Read(configuration);
        builder.Services.AddNaviyamClusterIdentity(configuration);
        builder.Services.AddNaviyamStorageOptions(configuration);
        builder.Services.AddNaviyamClientFailover(configuration);

        builder.Services.AddHealthChecks().AddCheck<ClusterClientHealthCheck>(ClusterClientHealthCheck.Name, tags: [HealthTags.Ready]);
        if (storage.IsMySql)
        {
            builder.Services.AddHealthChecks().AddDatabaseCheck(storage.RequireConnectionString(configuration));
        }

        builder.UseOrleansClient(client =>
        {
            if (storage.IsMySql)
            {
                var connectionString = storage.RequireConnectionString(configuration);
                client.UseAdoNetClustering(options =>
                {
                    options.Invariant = StorageOptions.AdoNetInvariant;
                    options.ConnectionString = connectionString;
                });
            }
            else
            {
                client.UseLocalhostClustering(silo.GatewayPort + silo.Instance, silo.ServiceId, silo.ClusterId);
            }
            var losses = new SiloLossSignal();
            client.Services.AddSingleton(losses);
            client.AddClusterConnectionStatusObserver(losses);
            client.AddOutgoingGrainCallFilter<ResendUnansweredCallFilter>();
            client.AddDashboard();
            // A grain call carries the caller's trace (W3C traceparent), so its spans are children of the request's.
            client.AddActivityPropagation();
        });
        return builder;
    }
}
