using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Naviyam.Cards;
using Naviyam.Catalog;
using Naviyam.Coupons;
using Naviyam.Lexicons;
using Naviyam.Catalog.Import.DataGeneration;
using Naviyam.Catalog.Import;
using Naviyam.Places;

namespace Naviyam.Hosting;

/// <summary>
/// Fills the store and the silo-local catalog before the silo takes its first turn: a generated city when the store
/// is empty and generation is asked for (by default only when no list is imported, <see cref="DataOptions"/>), then
/// every import named in configuration (<see cref="ImportOptions"/>) in one <see cref="ImportRun"/>: each shop
/// located against its address and merged into one across rows, files and lists. Registered before Orleans, so it
/// finishes first.
/// </summary>
public sealed class CatalogStartup(
    IShopRepository shops,
    IFoodCardStore cards,
    ICouponStore coupons,
    IShopCatalog catalog,
    PlaceGazetteer places,
    AdminAreas areas,
    IOptions<DataOptions> dataOptions,
    IOptions<ImportOptions> importOptions,
    IOptions<DataPaths> dataPaths,
    ILogger<CatalogStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var imports = importOptions.Value.Specs.ToList();
        var stored = await shops.LoadAllAsync(cancellationToken);
        var generate = stored.Count == 0 ? dataOptions.Value.ShopsToGenerate(importsConfigured: imports.Count > 0) : 0;
        if (generate > 0 || imports.Count > 0)
        {
            var run = new ImportRun(
                CategoryMap.Load(dataPaths.Value.Catalog("categories.json")), MenuKindClassifier.Load(dataPaths.Value), areas);
            run.Know(stored);
            if (generate > 0)
            {
                await GenerateAsync(run, generate, cancellationToken);
            }
            foreach (var import in imports)
            {
                var result = run.Import(import);
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
                logger.LogInformation("Imported {Kind} {Path}: {Report}", import.Kind, import.Path, ImportReport.Describe(result));
            }
            stored = await shops.LoadAllAsync(cancellationToken);
        }

        catalog.Load(stored);
        places.LearnAddresses(stored.Select(s => s.Address));
        logger.LogInformation("Catalog ready with {Shops} shops; merchant sources served: {Sources}",
            catalog.Count, MerchantSources.Describe(MerchantSources.Count(catalog)));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The synthetic city, its positions checked like an imported list's (its addresses name the district it was scattered around).</summary>
    private async Task GenerateAsync(ImportRun run, int shopCount, CancellationToken cancellationToken)
    {
        var options = dataOptions.Value;
        var city = CityDataGenerator.Generate(new CityGenerationOptions
        {
            ShopCount = shopCount,
            UserCount = options.GenerateUsers,
            Seed = options.Seed,
        });
        var located = run.Add(new ImportResult(city.Shops, []));
        await shops.UpsertAsync(located.Shops, cancellationToken);
        await cards.UpsertAccountsAsync(city.Users, cancellationToken);
        // After the users (wallet rows reference them) and the coupons they hold.
        await coupons.UpsertCouponsAsync(city.Coupons, cancellationToken);
        await coupons.IssueManyAsync(city.Wallets, cancellationToken);
        logger.LogInformation("Generated {Shops} synthetic shops, {Users} synthetic meal-card users and {Coupons} wallet coupons (seed {Seed}): {Report}",
            located.Shops.Count, city.Users.Count, city.Wallets.Count, options.Seed, ImportReport.Describe(located));
    }
}
