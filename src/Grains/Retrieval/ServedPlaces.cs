using Naviyam.Catalog;
using Naviyam.Places;
using Naviyam.Shops;

namespace Naviyam.Retrieval;

/// <summary>
/// Where the served shops are, built once per catalog version: the <see cref="AreaIndex"/> (each shop's 시도, 시군구 and
/// 읍면동 from its address) and the position to measure each shop by — its coordinates when they agree with its
/// address, else its address's area point (a Jeju shop filed at a Seoul point, a Seoul shop without coordinates) — in a
/// grid for searches around a point. A turn only reads it; the catalog's change event starts the next build.
/// </summary>
public sealed class ServedPlaces
{
    // About 1.1 km of latitude, as the catalog's own grid: a 1 km search touches few cells at city density.
    private const double CellDegrees = 0.01;

    private readonly IShopCatalog catalog;
    private volatile Lazy<Snapshot> current;

    public ServedPlaces(IShopCatalog catalog, AdminAreas areas)
    {
        this.catalog = catalog;
        Areas = areas;
        current = new Lazy<Snapshot>(Build);
        catalog.Changed += () =>
        {
            var next = new Lazy<Snapshot>(Build);
            current = next;
            // Built off the turn's path, so the first turn after a change rarely waits for it.
            _ = Task.Run(() => next.Value);
        };
    }

    public AdminAreas Areas { get; }

    public AreaIndex Index => current.Value.Index;

    /// <summary>The area a user's place phrase names; their location decides between areas of the same name.</summary>
    public AreaResolution Resolve(string phrase, GeoPoint? near) => Index.Resolve(phrase, near);

    /// <summary>The served shops inside an area, as catalog records.</summary>
    public IEnumerable<ShopRecord> ShopsIn(Area area)
    {
        var snapshot = current.Value;
        foreach (var place in snapshot.Index.ShopsIn(area))
        {
            if (snapshot.ById.TryGetValue(place.ShopId, out var i))
            {
                yield return snapshot.Shops[i];
            }
        }
    }

    public bool Contains(Area area, ShopRecord shop) => Index.Contains(area, shop.Id);

    /// <summary>The position a shop is measured by, and whether it is only its address's area point.</summary>
    public (GeoPoint? Position, bool Approximate) PositionOf(ShopRecord shop)
    {
        var snapshot = current.Value;
        return snapshot.ById.TryGetValue(shop.Id, out var i)
            ? (snapshot.Positions[i], snapshot.Approximate[i])
            : (shop.Location is { IsValid: true } own ? own : null, false);
    }

    /// <summary>
    /// The id the shop is known by in an answer: its own, or that of the first shop of the catalog with the same name
    /// and address (<see cref="SameShop"/>) — one shop listed twice under two ids is named once.
    /// </summary>
    public string OneIdOf(ShopRecord shop) =>
        current.Value.SameAs.TryGetValue(shop.Id, out var first) ? first : shop.Id;

    /// <summary>The area a shop lies in, as a user would say it ("아라동", "애월읍", "은평구"); null when unknown.</summary>
    public string? AreaNameOf(ShopRecord shop)
    {
        var place = Index.PlaceOf(shop.Id);
        if (place is null)
        {
            return null;
        }
        var id = place.AdminDongId >= 0 ? place.AdminDongId : place.SigunguId;
        return id >= 0 ? Areas[id].Name : null;
    }

    /// <summary>Shops whose position lies within <paramref name="radiusMeters"/> of a point, with their distance.</summary>
    public IEnumerable<(ShopRecord Shop, double DistanceMeters)> Near(GeoPoint point, double radiusMeters)
    {
        var snapshot = current.Value;
        var latSpan = radiusMeters / 111_320.0;
        var lngSpan = radiusMeters / (111_320.0 * Math.Max(0.1, Math.Cos(point.Latitude * Math.PI / 180)));
        for (var lat = CellOf(point.Latitude - latSpan); lat <= CellOf(point.Latitude + latSpan); lat++)
        {
            for (var lng = CellOf(point.Longitude - lngSpan); lng <= CellOf(point.Longitude + lngSpan); lng++)
            {
                if (!snapshot.Grid.TryGetValue(Key(lat, lng), out var cell))
                {
                    continue;
                }
                foreach (var i in cell)
                {
                    var distance = point.DistanceMetersTo(snapshot.Positions[i]!.Value);
                    if (distance <= radiusMeters)
                    {
                        yield return (snapshot.Shops[i], distance);
                    }
                }
            }
        }
    }

    /// <summary>
    /// Shops whose position lies within <paramref name="radiusMeters"/> of a point, with their distance and whether the
    /// position is only their address area's point: the same shops in the same order as <see cref="Near"/>, but read
    /// straight from the snapshot's arrays, without a lookup per shop or an allocation per call.
    /// </summary>
    /// <param name="beyondMeters">Cells lying wholly within this distance (a ring already searched) are not walked; a
    /// shop of another cell within it may still be returned.</param>
    public NearbyShops Within(GeoPoint point, double radiusMeters, double beyondMeters = -1) => new(current.Value, point, radiusMeters, beyondMeters, only: null, members: true);

    /// <summary>
    /// As <see cref="Within"/>, but only the shops of <paramref name="subset"/> (built over this very snapshot): the
    /// others cost no distance, so a dish's search pays for the shops that may serve it, not for every shop in reach.
    /// </summary>
    internal NearbyShops Within(GeoPoint point, double radiusMeters, double beyondMeters, ShopSubset subset) =>
        new(subset.Snapshot, point, radiusMeters, beyondMeters, subset.Members, members: true);

    /// <summary>The served shops now, as <see cref="ShopSubset"/>s are built over them.</summary>
    internal Snapshot Current => current.Value;

    /// <summary>A shop found by <see cref="Within"/>; <paramref name="Position"/> is its index in the snapshot.</summary>
    public readonly record struct NearbyShop(ShopRecord Shop, double DistanceMeters, bool Approximate, int Position = -1);

    /// <summary>The grid cells around a point, walked cell by cell as <see cref="Near"/> walks them.</summary>
    public struct NearbyShops
    {
        private readonly Snapshot snapshot;
        private readonly GeoPoint point;
        private readonly double radiusMeters;
        private readonly double beyondMeters;
        private readonly bool[]? only;
        private readonly bool members;
        private readonly int maxLat, minLng, maxLng;
        private int lat, lng, next;
        private int[]? cell;
        private NearbyShop current;

        /// <param name="only">When given, only the shops it marks (<paramref name="members"/>) or those it does not.</param>
        internal NearbyShops(Snapshot snapshot, GeoPoint point, double radiusMeters, double beyondMeters, bool[]? only, bool members)
        {
            this.snapshot = snapshot;
            this.only = only;
            this.members = members;
            this.point = point;
            this.radiusMeters = radiusMeters;
            this.beyondMeters = beyondMeters;
            var latSpan = radiusMeters / 111_320.0;
            var lngSpan = radiusMeters / (111_320.0 * Math.Max(0.1, Math.Cos(point.Latitude * Math.PI / 180)));
            lat = CellOf(point.Latitude - latSpan);
            maxLat = CellOf(point.Latitude + latSpan);
            minLng = CellOf(point.Longitude - lngSpan);
            maxLng = CellOf(point.Longitude + lngSpan);
            lng = minLng - 1;
        }

        public readonly NearbyShops GetEnumerator() => this;

        public readonly NearbyShop Current => current;

        public bool MoveNext()
        {
            while (true)
            {
                if (cell is not null)
                {
                    while (next < cell.Length)
                    {
                        var i = cell[next++];
                        if (only is not null && only[i] != members)
                        {
                            continue;
                        }
                        var distance = point.DistanceMetersTo(snapshot.Positions[i]!.Value);
                        if (distance <= radiusMeters)
                        {
                            current = new NearbyShop(snapshot.Shops[i], distance, snapshot.Approximate[i], i);
                            return true;
                        }
                    }
                    cell = null;
                }
                if (++lng > maxLng)
                {
                    lng = minLng;
                    if (++lat > maxLat)
                    {
                        lat = maxLat;
                        lng = maxLng;
                        return false;
                    }
                }
                if (snapshot.Grid.TryGetValue(Key(lat, lng), out var found) && !InsideInnerRing(lat, lng))
                {
                    (cell, next) = (found, 0);
                }
            }
        }

        /// <summary>
        /// Every point of the cell is within the inner ring, with a metre to spare: the farthest point of a small
        /// latitude/longitude box from a point is one of its corners.
        /// </summary>
        private readonly bool InsideInnerRing(int latCell, int lngCell)
        {
            if (beyondMeters <= 0)
            {
                return false;
            }
            var (south, north) = (latCell * CellDegrees, (latCell + 1) * CellDegrees);
            var (west, east) = (lngCell * CellDegrees, (lngCell + 1) * CellDegrees);
            var farthest = Math.Max(
                Math.Max(point.DistanceMetersTo(new GeoPoint(south, west)), point.DistanceMetersTo(new GeoPoint(south, east))),
                Math.Max(point.DistanceMetersTo(new GeoPoint(north, west)), point.DistanceMetersTo(new GeoPoint(north, east))));
            return farthest < beyondMeters - 1;
        }
    }

    private Snapshot Build()
    {
        var shops = catalog.All().ToArray();
        var index = AreaIndex.Build(Areas, shops.Select(shop => new PlaceInput(shop.Id, shop.Address, shop.Location)));
        var positions = new GeoPoint?[shops.Length];
        var approximate = new bool[shops.Length];
        var byId = new Dictionary<string, int>(shops.Length, StringComparer.Ordinal);
        var grid = new Dictionary<long, List<int>>();
        var firstAt = new Dictionary<string, string>(StringComparer.Ordinal);
        var sameAs = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < shops.Length; i++)
        {
            byId[shops[i].Id] = i;
            if (SameShop.PlaceKey(shops[i]) is { } place && !firstAt.TryAdd(place, shops[i].Id))
            {
                sameAs[shops[i].Id] = firstAt[place];
            }
            var verdict = index.Places[i].Location;
            positions[i] = verdict.Position is { IsValid: true } position ? position : null;
            // Approximate too when the importer placed the shop at its address's area (a list without coordinates,
            // or coordinates in another city): that point agrees with the address, so the check above cannot tell.
            approximate[i] = verdict.IsApproximate || shops[i].LocationApproximate;
            if (positions[i] is { } at)
            {
                var key = Key(CellOf(at.Latitude), CellOf(at.Longitude));
                if (!grid.TryGetValue(key, out var cell))
                {
                    grid[key] = cell = [];
                }
                cell.Add(i);
            }
        }
        return new Snapshot(shops, index, byId, positions, approximate, grid.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray()), sameAs);
    }

    private static int CellOf(double degrees) => (int)Math.Floor(degrees / CellDegrees);

    private static long Key(int latCell, int lngCell) => ((long)latCell << 32) | (uint)lngCell;

    /// <summary>Some of a snapshot's shops, by their index in it.</summary>
    internal sealed record ShopSubset(Snapshot Snapshot, bool[] Members);

    /// <summary>Whether a shop not in <paramref name="subset"/> lies within <paramref name="radiusMeters"/> of a point.</summary>
    internal static bool AnyOutside(GeoPoint point, double radiusMeters, ShopSubset subset) =>
        new NearbyShops(subset.Snapshot, point, radiusMeters, beyondMeters: -1, subset.Members, members: false).MoveNext();

    internal sealed record Snapshot(
        ShopRecord[] Shops,
        AreaIndex Index,
        Dictionary<string, int> ById,
        GeoPoint?[] Positions,
        bool[] Approximate,
        Dictionary<long, int[]> Grid,
        Dictionary<string, string> SameAs);
}
