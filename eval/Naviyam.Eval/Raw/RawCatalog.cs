using Naviyam.Eval.Places;

namespace Naviyam.Eval.Raw;

/// <summary>
/// Every shop of one dataset as the raw files state it, and the way back from a pick in an answer to its raw row: by
/// the product's id, else by name and address, else by a name that only one shop carries.
/// </summary>
public sealed class RawCatalog
{
    private readonly Dictionary<string, RawShop> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<RawShop>> _byName = new(StringComparer.Ordinal);

    public RawCatalog(string dataset, string sido, IEnumerable<RawShop> rows, PlaceIndex places)
    {
        Dataset = dataset;
        Sido = sido;
        Places = places;
        var shops = new List<RawShop>();
        foreach (var row in rows)
        {
            if (_byId.TryGetValue(row.Id, out var earlier))
            {
                // The same id twice (the Jeju lists repeat shops): one shop whose every row is raw truth.
                var merged = earlier with
                {
                    Menus = [.. earlier.Menus, .. row.Menus],
                    FlaggedNotForChildren = earlier.FlaggedNotForChildren || row.FlaggedNotForChildren,
                    SellsFood = earlier.SellsFood || row.SellsFood,
                    Origin = $"{earlier.Origin}, {row.Origin}",
                };
                shops[shops.IndexOf(earlier)] = merged;
                foreach (var id in merged.Ids)
                {
                    _byId[id] = merged;
                }
                continue;
            }
            shops.Add(row);
            foreach (var id in row.Ids)
            {
                _byId[id] = row;
            }
        }
        Shops = shops;
        foreach (var shop in shops)
        {
            var key = TextKey.Of(shop.Name);
            if (!_byName.TryGetValue(key, out var list))
            {
                _byName[key] = list = [];
            }
            list.Add(shop);
        }
    }

    public string Dataset { get; }

    /// <summary>The 시도 the dataset's places are resolved in.</summary>
    public string Sido { get; }

    public PlaceIndex Places { get; }

    public IReadOnlyList<RawShop> Shops { get; }

    /// <summary>The raw shop a pick names, or null when nothing in this dataset is that shop.</summary>
    public RawShop? Find(string? shopId, string? shopName, string? address)
    {
        if (shopId is not null && _byId.TryGetValue(shopId, out var byId))
        {
            return byId;
        }
        if (shopName is null || !_byName.TryGetValue(TextKey.Of(shopName), out var named))
        {
            return null;
        }
        if (address is not null)
        {
            var core = TextKey.AddressCore(address);
            var same = named.FirstOrDefault(s => TextKey.AddressCore(s.Address) == core);
            if (same is not null)
            {
                return same;
            }
        }
        return named.Count == 1 ? named[0] : null;
    }

    /// <summary>A query's area, with a 리's point taken from the shops whose addresses name it.</summary>
    public NamedArea ResolveArea(string text)
    {
        var area = Places.Resolve(text, Sido);
        if (area.Name is { Level: AreaLevel.Ri } ri)
        {
            var points = Shops.Where(s => s.Place.Ri is { } r && r.SameBase(ri) && s.Position is not null)
                .Select(s => s.Position!.Value).ToList();
            if (points.Count == 0)
            {
                throw new InvalidDataException($"Area '{text}': no shop address in {Dataset} names this 리, so it cannot be placed.");
            }
            area = area with { Point = GeoPoint.Centroid(points) };
        }
        return area;
    }
}
