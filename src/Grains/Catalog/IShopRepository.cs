using Naviyam.Shops;

namespace Naviyam.Catalog;

/// <summary>Where shops are stored for good: the <c>shops</c>/<c>menus</c> tables, or memory on the embedded default.</summary>
public interface IShopRepository
{
    Task<ShopRecord?> GetAsync(string shopId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ShopRecord>> LoadAllAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores shops, merging each with the stored version by <see cref="ShopMerge"/> (re-imports are
    /// idempotent and never clear a not-for-children flag). Returns the versions as stored.
    /// </summary>
    Task<IReadOnlyList<ShopRecord>> UpsertAsync(IReadOnlyList<ShopRecord> shops, CancellationToken cancellationToken = default);
}
