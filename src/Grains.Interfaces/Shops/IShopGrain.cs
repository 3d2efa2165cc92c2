namespace Naviyam.Shops;

/// <summary>One merchant (key: shop id, "source:sourceId"): the write path for a shop's live data.</summary>
[Alias("naviyam.IShopGrain")]
public interface IShopGrain : IGrainWithStringKey
{
    [Alias("Get")]
    Task<ShopRecord?> GetAsync();

    /// <summary>Stores a new version of the shop and makes every silo's catalog see it.</summary>
    [Alias("Update")]
    Task<ShopRecord> UpdateAsync(ShopRecord shop);
}
