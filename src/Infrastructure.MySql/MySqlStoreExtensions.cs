using Microsoft.Extensions.DependencyInjection;
using MySqlConnector;
using Naviyam.Cards;
using Naviyam.Catalog;
using Naviyam.Coupons;
using Naviyam.Learning;
using Naviyam.Logging;
using Naviyam.Orders;
using Naviyam.Profiles;

namespace Naviyam.Infrastructure.MySql;

public static class MySqlStoreExtensions
{
    /// <summary>
    /// MySQL mode's stores: the spec's tables, plus the poller that keeps this silo's catalog in step with the others.
    /// A host registers these or the in-memory ones (<c>AddNaviyamInMemoryStores</c>), never both.
    /// </summary>
    public static IServiceCollection AddNaviyamMySqlStores(this IServiceCollection services, string connectionString)
    {
        services.AddSingleton(_ => new MySqlDataSource(connectionString));
        services.AddSingleton<MySqlShopRepository>();
        services.AddSingleton<IShopRepository>(sp => sp.GetRequiredService<MySqlShopRepository>());
        services.AddSingleton<IFoodCardStore, MySqlFoodCardStore>();
        services.AddSingleton<ICouponStore, MySqlCouponStore>();
        services.AddSingleton<IOrderStore, MySqlOrderStore>();
        services.AddOptions<TurnJournalOptions>().BindConfiguration(TurnJournalOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ITurnJournal, MySqlTurnJournal>();
        services.AddSingleton<IProfileMirror, MySqlProfileMirror>();
        services.AddSingleton<INluPredictionSink, MySqlNluPredictionSink>();
        services.AddSingleton<IInteractionLog, MySqlInteractionLog>();
        services.AddSingleton<IJourneyStore, MySqlJourneyStore>();
        services.AddSingleton<IFeatureStore, MySqlFeatureStore>();
        services.AddOptions<CatalogSyncOptions>().BindConfiguration(CatalogSyncOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<CatalogChangePoller>();
        return services;
    }
}
