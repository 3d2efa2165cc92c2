using System.Collections.Concurrent;
using Naviyam.Shops;

namespace Naviyam.Catalog;

/// <summary>The embedded default's shops: in memory, merged like the MySQL store merges them.</summary>
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
