using Microsoft.Extensions.DependencyInjection;
using Naviyam.Cards;
using Naviyam.Catalog;
using Naviyam.Coupons;
using Naviyam.Learning;
using Naviyam.Logging;
using Naviyam.Orders;
using Naviyam.Profiles;

namespace Naviyam.Hosting;

public static class InMemoryStoreServiceCollectionExtensions
{
    /// <summary>
    /// The embedded default's stores: everything in memory, lost on restart. A host registers these or the MySQL
    /// stores, never both (the storage mode is chosen in one place, the silo's hosting).
    /// </summary>
    public static IServiceCollection AddNaviyamInMemoryStores(this IServiceCollection services)
    {
        services.AddSingleton<IShopRepository, InMemoryShopRepository>();
        // The order store takes the card and coupon stores' locks, so it needs their concrete types.
        services.AddSingleton<InMemoryFoodCardStore>();
        services.AddSingleton<IFoodCardStore>(sp => sp.GetRequiredService<InMemoryFoodCardStore>());
        services.AddSingleton<InMemoryCouponStore>();
        services.AddSingleton<ICouponStore>(sp => sp.GetRequiredService<InMemoryCouponStore>());
        services.AddSingleton<IOrderStore, InMemoryOrderStore>();
        services.AddSingleton<ITurnJournal, InMemoryTurnJournal>();
        services.AddSingleton<INluPredictionSink, DiscardingNluPredictionSink>();
        services.AddSingleton<IProfileMirror, NoProfileMirror>();
        services.AddSingleton<InMemoryInteractionLog>();
        services.AddSingleton<IInteractionLog>(sp => sp.GetRequiredService<InMemoryInteractionLog>());
        services.AddSingleton<IJourneyStore, InMemoryJourneyStore>();
        services.AddSingleton<IFeatureStore, InMemoryFeatureStore>();
        return services;
    }
}
