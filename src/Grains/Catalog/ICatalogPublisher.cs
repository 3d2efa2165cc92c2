using Naviyam.Shops;

namespace Naviyam.Catalog;

/// <summary>Makes stored shop changes visible to the catalogs that serve turns.</summary>
public interface ICatalogPublisher
{
    Task PublishAsync(IReadOnlyList<ShopRecord> shops);
}

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
