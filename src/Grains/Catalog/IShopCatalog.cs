using Naviyam.Shops;

namespace Naviyam.Catalog;

/// <summary>
/// The silo-local, read-only view of every shop that turns search. Candidate search reads it instead of
/// fanning out to thousands of <c>ShopGrain</c>s; shop changes reach it through <see cref="Apply"/>.
/// </summary>
public interface IShopCatalog
{
    int Count { get; }

    /// <summary>Raised after the content changed, e.g. so the NLU can learn new menu and place names.</summary>
    event Action? Changed;

    bool TryGet(string shopId, out ShopRecord shop);

    /// <summary>Every shop, most popular first (a stable order).</summary>
    IReadOnlyList<ShopRecord> All();

    /// <summary>Shops within <paramref name="radiusMeters"/> of a point (shops without coordinates are not included).</summary>
    IReadOnlyList<(ShopRecord Shop, double DistanceMeters)> Near(GeoPoint point, double radiusMeters);

    /// <summary>Replaces the whole content (start-up load, bulk import).</summary>
    void Load(IEnumerable<ShopRecord> shops);

    /// <summary>Adds or replaces shops (one edited shop, or a change from another silo).</summary>
    void Apply(IEnumerable<ShopRecord> shops);
}
