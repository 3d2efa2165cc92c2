using Naviyam.Shops;

namespace Naviyam.Catalog;

/// <summary>
/// Applies a stored change to this silo's catalog at once. Alone it serves the embedded default; in MySQL mode the
/// other silos pull the same rows through their catalog pollers.
/// </summary>
public sealed class LocalCatalogPublisher(IShopCatalog catalog) : ICatalogPublisher
{
    public Task PublishAsync(IReadOnlyList<ShopRecord> shops)
    {
        catalog.Apply(shops);
        return Task.CompletedTask;
    }
}
