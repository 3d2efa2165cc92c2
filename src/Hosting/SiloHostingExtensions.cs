using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Naviyam.Catalog;
using Naviyam.Embeddings;
using Naviyam.Hosting.Health;
using Naviyam.Lexicons;
using Naviyam.Nlu.Model;
using Naviyam.Ranking;
using Naviyam.Retention;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace Naviyam.Hosting;

public static class SiloHostingExtensions
{
    /// <summary>
    /// Makes this host a Naviyam silo: the silo's services and Orleans with the storage mode from configuration.
    /// The gateway calls the same method to co-host a silo on the embedded default.
    /// </summary>
    public static IHostApplicationBuilder AddNaviyamSilo(this IHostApplicationBuilder builder)
    {
        var (storage, silo) = ClusterSettings.Read(builder.Configuration);
        builder.Services.AddNaviyamClusterIdentity(builder.Configuration);
        builder.Services.AddNaviyamSiloFailover(builder.Configuration);
        builder.AddNaviyamSiloServices();
        builder.Services.AddHealthChecks().AddCheck<SiloStatusHealthCheck>(SiloStatusHealthCheck.Name, tags: [HealthTags.Ready]);
        if (storage.IsMySql)
        {
            builder.Services.AddHealthChecks().AddDatabaseCheck(storage.RequireConnectionString(builder.Configuration));
        }

        builder.UseOrleans(orleans =>
        {
            orleans.UseNaviyamStorage(storage, silo, builder.Configuration);
            if (silo.MinimumReminderPeriod is { } minimum)
            {
                orleans.Configure<ReminderOptions>(options => options.MinimumReminderPeriod = minimum);
            }
            orleans.AddDashboard();
            // Grain calls continue the caller's trace (a gateway request, another grain) instead of starting their own.
            orleans.AddActivityPropagation();
            // A grain's database failure reaches a caller in another process as a failure it can read (503 or 500).
            orleans.AddIncomingGrainCallFilter<DatabaseFailureFilter>();
        });
        builder.Services.AddOptions<GrainCollectionOptions>().Configure<IOptions<Naviyam.Conversation.SessionOptions>>((collection, sessions) =>
        {
            // An idle session leaves memory sooner than Orleans' default 15 minutes; the sweep runs often enough to honour it.
            var idle = sessions.Value.DeactivateAfterIdle;
            collection.ClassSpecificCollectionAge[typeof(Naviyam.Conversation.ConversationGrain).FullName!] = idle;
            if (idle / 2 < collection.CollectionQuantum)
            {
                collection.CollectionQuantum = idle / 2;
            }
        });
        return builder;
    }

    /// <summary>
    /// What a silo holds besides Orleans itself: the turn pipeline's services, the clock, the learned NLU model, and
    /// the start-up work (migrations when asked, then the catalog). A test cluster, which brings its own Orleans
    /// configuration, hosts the same services through this method.
    /// </summary>
    public static IHostApplicationBuilder AddNaviyamSiloServices(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var (storage, _) = ClusterSettings.Read(configuration);

        builder.Services.AddNaviyamStorageOptions(configuration);
        builder.Services.AddValidatedOptions<DataOptions>(configuration, DataOptions.Section);
        builder.Services.AddValidatedOptions<ImportOptions>(configuration, ImportOptions.Section);
        builder.Services.AddNaviyamClock(builder.Environment, configuration);
        builder.Services.AddNaviyamGrainServices(configuration);
        builder.Services.AddNaviyamRetention(configuration);
        // The learned intent model (models/nlu/intent.onnx in the data folder) replaces the rule classifier when it is present.
        var dataPaths = configuration.GetSection(DataPaths.Section).Get<DataPaths>() ?? new DataPaths();
        builder.Services.AddLearnedNlu(dataPaths.IntentModel);
        // The text encoder (models/embedder) serves free wishes, unknown menu names and similar dishes when it is present.
        builder.Services.AddNaviyamSemanticRetrieval(configuration);
        // The trained Wide&Deep ranker (models/ranker/wide-deep.onnx) joins the heuristic as the A/B test's second arm.
        builder.Services.AddWideDeepRanking(WideDeepModelFormat.PathIn(dataPaths));
        // Hosted services start in registration order, and these are registered before Orleans: the schema exists and
        // the catalog is full before the silo accepts its first turn.
        if (storage.IsMySql && storage.MigrateOnStart)
        {
            builder.Services.AddHostedService(_ => new MigrateOnStart(storage.RequireConnectionString(configuration)));
        }
        builder.Services.AddHostedService<CatalogStartup>();
        builder.Services.AddHealthChecks()
            .AddCheck<MerchantSourcesHealthCheck>(MerchantSourcesHealthCheck.Name, tags: [HealthTags.Ready])
            .AddCheck<ModelsHealthCheck>(ModelsHealthCheck.Name, tags: [HealthTags.Ready]);
        return builder;
    }

    /// <summary>
    /// A silo's own endpoints: the root shows the dashboard, and what this silo's catalog serves for one shop lets an
    /// operator (and the cluster tests) see that a change made on another silo has arrived here. Returns the catalog's
    /// endpoints so that the host can restrict them to operators.
    /// </summary>
    public static IEndpointConventionBuilder MapNaviyamSiloEndpoints(this WebApplication app)
    {
        app.MapGet("/", () => Results.Redirect(ServiceDefaultsExtensions.DashboardPath));
        return app.MapGet("/operator/catalog/shops/{shopId}", (string shopId, IShopCatalog catalog) =>
            catalog.TryGet(shopId, out var shop) ? Results.Ok(shop) : Results.NotFound());
    }
}
