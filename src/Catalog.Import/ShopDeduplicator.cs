using Naviyam.Catalog;
using Naviyam.Shops;

namespace Naviyam.Catalog.Import;

/// <summary>
/// One shop once across the lists of one run (and the shops already stored): a shop whose id was imported earlier
/// in the run merges into it; a shop of another id with the same name and address (<see cref="ShopIdentity"/>) takes
/// the id it was first seen under and merges into it. Merging is <see cref="ShopMerge"/>: the not-for-children flag,
/// once set by any row or list, is never cleared. Real shops never merge into synthetic ones or back.
/// </summary>
/// <remarks>
/// The first id wins, so the result does not depend on anything but the order of the lists and rows: a re-import of
/// the same lists gives the same ids, and the stored shops (<see cref="Know"/>) keep theirs.
/// </remarks>
public sealed class ShopDeduplicator(Func<string, string?>? canonicalSido = null)
{
    private readonly Dictionary<string, ShopRecord> imported = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Identity> byKey = new(StringComparer.Ordinal);

    /// <summary>Shops already stored: a later shop with the same name and address takes the stored one's id.</summary>
    public void Know(IEnumerable<ShopRecord> stored)
    {
        foreach (var shop in stored)
        {
            if (Key(shop) is { } key)
            {
                byKey.TryAdd(key, new Identity(shop.Id, shop.Source, shop.SourceId));
            }
        }
    }

    /// <summary>
    /// Merges one list's shops (ids unique within it) into the run's and returns them as merged, each id once, in
    /// the order first seen, with how many merged by id (into a shop of an earlier list) and by name and address.
    /// </summary>
    public (IReadOnlyList<ShopRecord> Shops, int MergedById, int MergedByNameAndAddress) Add(IReadOnlyList<ShopRecord> shops)
    {
        var order = new List<string>(shops.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int byId = 0, byNameAndAddress = 0;
        foreach (var incoming in shops)
        {
            var shop = incoming;
            var key = Key(shop);
            if (!imported.ContainsKey(shop.Id) && key is not null && byKey.TryGetValue(key, out var first) && first.Id != shop.Id)
            {
                shop = shop with { Id = first.Id, Source = first.Source, SourceId = first.SourceId };
                byNameAndAddress++;
            }
            else if (imported.ContainsKey(shop.Id) && !seen.Contains(shop.Id))
            {
                byId++;
            }
            else if (key is not null)
            {
                byKey.TryAdd(key, new Identity(shop.Id, shop.Source, shop.SourceId));
            }

            imported[shop.Id] = ShopMerge.Merge(imported.GetValueOrDefault(shop.Id), shop);
            if (seen.Add(shop.Id))
            {
                order.Add(shop.Id);
            }
        }
        return (order.Select(id => imported[id]).ToArray(), byId, byNameAndAddress);
    }

    private string? Key(ShopRecord shop) =>
        ShopIdentity.Key(shop, canonicalSido) is { } key ? (shop.Synthetic ? "synthetic|" : "real|") + key : null;

    private readonly record struct Identity(string Id, string Source, string SourceId);
}
