using Naviyam.Shops;

namespace Naviyam.Catalog;

/// <summary>Makes stored shop changes visible to the catalogs that serve turns.</summary>
public interface ICatalogPublisher
{
    Task PublishAsync(IReadOnlyList<ShopRecord> shops);
}
