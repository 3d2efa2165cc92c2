using System.Collections.Frozen;
using Naviyam.Shops;

namespace Naviyam.Catalog;

/// <summary>
/// An immutable snapshot with a uniform latitude/longitude grid, swapped atomically on change so that
/// readers never lock. Rebuilding on a single-shop edit costs a copy of the snapshot; shop edits are rare
/// next to turns, and a turn must never wait behind a writer.
/// </summary>
public sealed class ShopCatalog : IShopCatalog
{
    // About 1.1 km of latitude; small enough that a 1 km search touches few cells at city density.
    private const double CellDegrees = 0.01;

    private readonly Lock writeLock = new();
    private Snapshot snapshot = Snapshot.Empty;

    public event Action? Changed;

    public int Count => snapshot.Shops.Length;

    public bool TryGet(string shopId, out ShopRecord shop) => snapshot.ById.TryGetValue(shopId, out shop!);

    public IReadOnlyList<ShopRecord> All() => snapshot.Shops;

    public IReadOnlyList<(ShopRecord Shop, double DistanceMeters)> Near(GeoPoint point, double radiusMeters)
    {
        var current = snapshot;
        var latSpan = radiusMeters / 111_320.0;
        var lngSpan = radiusMeters / (111_320.0 * Math.Max(0.1, Math.Cos(point.Latitude * Math.PI / 180)));
        var minLat = CellOf(point.Latitude - latSpan);
        var maxLat = CellOf(point.Latitude + latSpan);
        var minLng = CellOf(point.Longitude - lngSpan);
        var maxLng = CellOf(point.Longitude + lngSpan);
        // Sized once for every shop of the cells touched, rather than grown as shops are found.
        var inCells = 0;
        for (var lat = minLat; lat <= maxLat; lat++)
        {
            for (var lng = minLng; lng <= maxLng; lng++)
            {
                inCells += current.Grid.TryGetValue(Key(lat, lng), out var cell) ? cell.Length : 0;
            }
        }
        var result = new List<(ShopRecord, double)>(inCells);
        for (var lat = minLat; lat <= maxLat; lat++)
        {
            for (var lng = minLng; lng <= maxLng; lng++)
            {
                if (!current.Grid.TryGetValue(Key(lat, lng), out var cell))
                {
                    continue;
                }
                foreach (var index in cell)
                {
                    var shop = current.Shops[index];
                    var distance = point.DistanceMetersTo(shop.Location!.Value);
                    if (distance <= radiusMeters)
                    {
                        result.Add((shop, distance));
                    }
                }
            }
        }
        return result;
    }

    public void Load(IEnumerable<ShopRecord> shops)
    {
        lock (writeLock)
        {
            snapshot = Snapshot.Build(shops);
        }
        Changed?.Invoke();
    }

    public void Apply(IEnumerable<ShopRecord> shops)
    {
        lock (writeLock)
        {
            var merged = snapshot.ById.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
            foreach (var shop in shops)
            {
                merged[shop.Id] = shop;
            }
            snapshot = Snapshot.Build(merged.Values);
        }
        Changed?.Invoke();
    }

    private static int CellOf(double degrees) => (int)Math.Floor(degrees / CellDegrees);

    private static long Key(int latCell, int lngCell) => ((long)latCell << 32) | (uint)lngCell;

    private sealed record Snapshot(
        ShopRecord[] Shops,
        FrozenDictionary<string, ShopRecord> ById,
        FrozenDictionary<long, int[]> Grid)
    {
        public static Snapshot Empty { get; } = new([], FrozenDictionary<string, ShopRecord>.Empty, FrozenDictionary<long, int[]>.Empty);

        public static Snapshot Build(IEnumerable<ShopRecord> source)
        {
            var byId = new Dictionary<string, ShopRecord>(StringComparer.Ordinal);
            foreach (var shop in source)
            {
                byId[shop.Id] = shop;
            }
            // Most popular first: searches without a location stop early and still keep the best-known shops.
            var shops = byId.Values.OrderByDescending(s => s.Popularity).ThenBy(s => s.Id, StringComparer.Ordinal).ToArray();
            var grid = new Dictionary<long, List<int>>();
            for (var i = 0; i < shops.Length; i++)
            {
                if (shops[i].Location is { IsValid: true } location)
                {
                    var key = Key(CellOf(location.Latitude), CellOf(location.Longitude));
                    if (!grid.TryGetValue(key, out var cell))
                    {
                        grid[key] = cell = [];
                    }
                    cell.Add(i);
                }
            }
            return new Snapshot(
                shops,
                byId.ToFrozenDictionary(StringComparer.Ordinal),
                grid.ToFrozenDictionary(pair => pair.Key, pair => pair.Value.ToArray()));
        }
    }
}
