using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Naviyam.Cards;
using Naviyam.Catalog;
using Naviyam.Coupons;
using Naviyam.Lexicons;
using Naviyam.Catalog.Import.DataGeneration;
using Naviyam.Catalog.Import;

namespace Naviyam.Hosting;

/// <summary>
/// Fills the store and the silo-local catalog before the silo takes its first turn: generated data when the
/// store is empty, then every import named in configuration (<see cref="ImportOptions"/>). Registered before Orleans, so it finishes first.
/// </summary>
public sealed class CatalogStartup(
    IShopRepository shops,
    IFoodCardStore cards,
    ICouponStore coupons,
    IShopCatalog catalog,
    PlaceGazetteer places,
    IOptions<DataOptions> dataOptions,
    IOptions<ImportOptions> importOptions,
    IOptions<DataPaths> dataPaths,
    ILogger<CatalogStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var options = dataOptions.Value;
        var stored = await shops.LoadAllAsync(cancellationToken);
        if (stored.Count == 0 && options.GenerateShops > 0)
        {
            var city = CityDataGenerator.Generate(new CityGenerationOptions
            {
                ShopCount = options.GenerateShops,
                UserCount = options.GenerateUsers,
                Seed = options.Seed,
            });
            await shops.UpsertAsync(city.Shops, cancellationToken);
            await cards.UpsertAccountsAsync(city.Users, cancellationToken);
            // After the users (wallet rows reference them) and the coupons they hold.
            await coupons.UpsertCouponsAsync(city.Coupons, cancellationToken);
            await coupons.IssueManyAsync(city.Wallets, cancellationToken);
            logger.LogInformation("Generated {Shops} synthetic shops, {Users} synthetic meal-card users and {Coupons} wallet coupons (seed {Seed})",
                city.Shops.Count, city.Users.Count, city.Wallets.Count, options.Seed);
        }

        var imports = importOptions.Value.Specs.ToList();
        if (imports.Count > 0)
        {
            var categories = CategoryMap.Load(dataPaths.Value.Catalog("categories.json"));
            var menuKinds = MenuKindClassifier.Load(dataPaths.Value);
            foreach (var import in imports)
            {
                var result = MerchantImport.ReadFile(import.Kind, import.Path, categories, menuKinds);
                await shops.UpsertAsync(result.Shops, cancellationToken);
                // A source's own meal-card accounts and coupon definitions (the prototype's sample tables).
                if (result.Accounts.Count > 0)
                {
                    await cards.UpsertAccountsAsync(result.Accounts, cancellationToken);
                }
                if (result.Coupons.Count > 0)
                {
                    await coupons.UpsertCouponsAsync(result.Coupons, cancellationToken);
                }
                logger.LogInformation("Imported {Shops} shops from {Kind} {Path}; {Rejected} rows rejected; {MostlyAlcohol} not for children because their menu is mostly alcohol",
                    result.Shops.Count, import.Kind, import.Path, result.Rejected.Count, result.MostlyAlcoholShopIds.Count);
            }
        }

        var all = await shops.LoadAllAsync(cancellationToken);
        catalog.Load(all);
        places.LearnAddresses(all.Select(s => s.Address));
        logger.LogInformation("Catalog ready with {Shops} shops", catalog.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
