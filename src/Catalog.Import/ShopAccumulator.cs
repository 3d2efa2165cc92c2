using Naviyam.Catalog;
using Naviyam.Shops;

namespace Naviyam.Catalog.Import;

/// <summary>
/// Collects shops by id in first-seen order; a repeated id merges into the earlier version with
/// <see cref="ShopMerge.Merge"/> (the later row wins, a not-for-children flag is never cleared, and data the
/// later row lacks is kept) and is counted.
/// </summary>
public sealed class ShopAccumulator
{
    private readonly Dictionary<string, int> _indexById = new(StringComparer.Ordinal);
    private readonly List<ShopRecord> _shops = [];
    private readonly List<RejectedRow> _rejected = [];
    private readonly HashSet<string> _mostlyAlcohol = new(StringComparer.Ordinal);
    private int _mergedById;
    private readonly List<Naviyam.Cards.FoodCardAccount> _accounts = [];
    private readonly List<Naviyam.Coupons.Coupon> _coupons = [];

    public int Count => _shops.Count;

    public void Add(ShopRecord shop)
    {
        if (_indexById.TryGetValue(shop.Id, out var index))
        {
            _shops[index] = ShopMerge.Merge(_shops[index], shop);
            _mergedById++;
        }
        else
        {
            _indexById[shop.Id] = _shops.Count;
            _shops.Add(shop);
        }
    }

    public void AddRange(ImportResult result)
    {
        foreach (var shop in result.Shops)
        {
            Add(shop);
        }
        _rejected.AddRange(result.Rejected);
        _mostlyAlcohol.UnionWith(result.MostlyAlcoholShopIds);
        _mergedById += result.MergedById;
        _accounts.AddRange(result.Accounts);
        _coupons.AddRange(result.Coupons);
    }

    /// <summary>Records that the shop was made not-for-children because its menu is mostly alcohol (for the import report).</summary>
    public void MarkMostlyAlcohol(string shopId) => _mostlyAlcohol.Add(shopId);

    public void Reject(RejectedRow row) => _rejected.Add(row);

    public void Reject(int line, string reason, string raw) => _rejected.Add(RejectedRow.Create(line, reason, raw));

    public ImportResult ToResult() => new(_shops.ToArray(), _rejected.ToArray())
    {
        MostlyAlcoholShopIds = _mostlyAlcohol.Order(StringComparer.Ordinal).ToArray(),
        MergedById = _mergedById,
        Accounts = [.. _accounts],
        Coupons = [.. _coupons],
    };
}
