using Naviyam.Shops;

namespace Naviyam.Catalog;

/// <summary>Makes stored shop changes visible to the catalogs that serve turns.</summary>
public interface ICatalogPublisher
{
    Task PublishAsync(IReadOnlyList<ShopRecord> shops);
}

/// <summary>A single silo: the local catalog is the only one.</summary>
public sealed class LocalCatalogPublisher(IShopCatalog catalog) : ICatalogPublisher
{
    public Task PublishAsync(IReadOnlyList<ShopRecord> shops)
    {
        catalog.Apply(shops);
        return Task.CompletedTask;
    }
}
