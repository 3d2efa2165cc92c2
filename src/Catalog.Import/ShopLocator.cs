using Naviyam.Places;
using Naviyam.Shops;

namespace Naviyam.Catalog.Import;

/// <summary>
/// Decides where each imported shop is, from its coordinates and its address (<see cref="AreaIndex"/>, which parses
/// the address, checks the coordinates against the 시군구 it names and learns the legal 동 the list's own addresses
/// name). Coordinates that agree with the address are kept. A shop whose coordinates fall outside its address's
/// 시군구 (a Jeju shop at a Seoul point) and a shop without coordinates (the Seoul list) are put at the point of the
/// area their address names — the 읍면동's when it can be placed, else the 시군구's — and marked approximate, with
/// that area's name. A shop without an address keeps what it had.
/// </summary>
public sealed class ShopLocator(AdminAreas areas)
{
    public (IReadOnlyList<ShopRecord> Shops, LocationCounts Counts) Locate(IReadOnlyList<ShopRecord> shops)
    {
        ArgumentNullException.ThrowIfNull(shops);
        var index = AreaIndex.Build(areas, shops.Select(shop => new PlaceInput(shop.Id, shop.Address, shop.Location)));
        var located = new ShopRecord[shops.Count];
        var counts = new LocationCounter();
        for (var i = 0; i < shops.Count; i++)
        {
            var shop = shops[i];
            if (shop.LocationApproximate)
            {
                // Already placed by an earlier import (a list this product wrote): its point is an area's, not a shop's.
                counts.AlreadyApproximate++;
                located[i] = shop;
                continue;
            }
            var place = index.PlaceOf(shop.Id)!;
            var verdict = place.Location;
            counts.Count(verdict.Status);
            located[i] = verdict.Status switch
            {
                LocationStatus.Outside or LocationStatus.NoCoordinates when verdict.Position is { } point => shop with
                {
                    Location = point,
                    LocationApproximate = true,
                    ApproximateArea = AreaName(index, place, verdict),
                },
                _ => shop,
            };
        }
        return (located, counts.ToCounts());
    }

    /// <summary>The area whose point stands for the shop: "서울특별시 은평구 불광동", "제주특별자치도 제주시".</summary>
    private string? AreaName(AreaIndex index, ShopPlace place, LocationVerdict verdict)
    {
        var address = place.Address;
        if (verdict.Precision == PositionPrecision.Eupmyeondong && address.SigunguId >= 0 && address.Dong is { } dong)
        {
            if (address.DongMatch.DongIds is [var only])
            {
                return areas[only].FullName;
            }
            return index.Legal.Find(address.SigunguId, dong)?.FullName ?? $"{areas[address.SigunguId].FullName} {address.DongWritten ?? dong.ToString()}";
        }
        if (address.SigunguId >= 0)
        {
            return areas[address.SigunguId].FullName;
        }
        return address.City is { } city ? $"{areas[city.SidoId].Sido} {city.Name}" : null;
    }

    private sealed class LocationCounter
    {
        public int Consistent;
        public int Outside;
        public int FromAddress;
        public int Unverified;
        public int Unplaced;
        public int AlreadyApproximate;

        public void Count(LocationStatus status)
        {
            switch (status)
            {
                case LocationStatus.Consistent: Consistent++; break;
                case LocationStatus.Outside: Outside++; break;
                case LocationStatus.NoCoordinates: FromAddress++; break;
                case LocationStatus.Unverified: Unverified++; break;
                default: Unplaced++; break;
            }
        }

        public LocationCounts ToCounts() => new(Consistent, Outside, FromAddress, Unverified, Unplaced, AlreadyApproximate);
    }
}

/// <summary>
/// What the location check decided for the shops of one import.
/// </summary>
/// <param name="Consistent">Coordinates inside the 시군구 their address names: kept.</param>
/// <param name="Relocated">Coordinates outside their address's 시군구: flagged, moved to the address's area point (approximate).</param>
/// <param name="FromAddress">No coordinates: placed at the address's area point (approximate).</param>
/// <param name="Unverified">Coordinates, but an address that names no 시군구 to check them against: kept as they are.</param>
/// <param name="Unplaced">Neither usable coordinates nor an address that places the shop: no position.</param>
/// <param name="AlreadyApproximate">Read with an approximate position already (a file this product wrote): kept.</param>
public sealed record LocationCounts(int Consistent, int Relocated, int FromAddress, int Unverified, int Unplaced, int AlreadyApproximate = 0)
{
    public static LocationCounts None { get; } = new(0, 0, 0, 0, 0);

    /// <summary>Shops whose position is an area's point, not their own.</summary>
    public int Approximate => Relocated + FromAddress + AlreadyApproximate;

    public static LocationCounts operator +(LocationCounts left, LocationCounts right) => new(
        left.Consistent + right.Consistent, left.Relocated + right.Relocated, left.FromAddress + right.FromAddress,
        left.Unverified + right.Unverified, left.Unplaced + right.Unplaced, left.AlreadyApproximate + right.AlreadyApproximate);
}
