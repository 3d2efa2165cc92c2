using System.Collections.Concurrent;
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

public sealed class InMemoryShopRepository : IShopRepository
{
    private readonly ConcurrentDictionary<string, ShopRecord> shops = new(StringComparer.Ordinal);

    public Task<ShopRecord?> GetAsync(string shopId, CancellationToken cancellationToken = default) =>
        Task.FromResult(shops.TryGetValue(shopId, out var shop) ? shop : null);

    public Task<IReadOnlyList<ShopRecord>> LoadAllAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ShopRecord>>(shops.Values.ToArray());

    public Task<IReadOnlyList<ShopRecord>> UpsertAsync(IReadOnlyList<ShopRecord> incoming, CancellationToken cancellationToken = default)
    {
        var stored = new List<ShopRecord>(incoming.Count);
        foreach (var shop in incoming)
        {
            stored.Add(shops.AddOrUpdate(shop.Id, shop, (_, existing) => ShopMerge.Merge(existing, shop)));
        }
        return Task.FromResult<IReadOnlyList<ShopRecord>>(stored);
    }
}
