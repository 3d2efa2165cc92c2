using Microsoft.Extensions.DependencyInjection;
using MySqlConnector;
using Naviyam.Cards;
using Naviyam.Catalog;
using Naviyam.Coupons;
using Naviyam.Logging;
using Naviyam.Orders;
using Naviyam.Profiles;

namespace Naviyam.Infrastructure.MySql;

public static class MySqlStoreExtensions
{
    /// <summary>Replaces the embedded default's stores with the spec's MySQL tables.</summary>
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
        services.AddOptions<CatalogSyncOptions>().BindConfiguration(CatalogSyncOptions.Section);
        services.AddHostedService<CatalogChangePoller>();
        return services;
    }
}
