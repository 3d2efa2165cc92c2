using Naviyam.Shops;

namespace Naviyam.Places;

/// <summary>
/// Checks a shop's coordinates against its address and gives the position to use (for the importer): coordinates
/// that fall plausibly inside the 시군구 the address names are kept; others, and shops without coordinates (the
/// Seoul list), get the point of the area their address names — the 읍면동's when the address names one the
/// gazetteer (or the served shops) place, else the 시군구's — marked approximate.
/// </summary>
/// <remarks>
/// "Plausibly inside" without boundaries: the coordinates' nearest 읍면동 point in the country belongs to that
/// 시군구 (a Voronoi approximation of its territory), or they lie within the 시군구's own tolerance of one of its
/// 읍면동 points. The tolerance is twice the widest gap between a 읍면동 point of that 시군구 and its nearest
/// sibling: a 읍면동 on the 시군구's edge reaches away from its siblings about as far as towards them, and the
/// Voronoi cells of border 읍면동 are cut short by a neighbour's points. So it follows the 시군구's own scale (about
/// 2–4 km in Seoul and Daegu, tens of km for rural 군) and forgives real shops near a border (Daegu's 연경동, 3.6 km
/// from the nearest 북구 point), never a point in another city. A far island widens it (제주시's 추자면: ~107 km),
/// which still catches the errors real lists make: points in another province.
/// </remarks>
public sealed class LocationCheck
{
    private readonly AdminAreas areas;
    private readonly double[] toleranceMeters;

    public LocationCheck(AdminAreas areas)
    {
        this.areas = areas;
        toleranceMeters = new double[areas.All.Count];
        var gaps = new List<double>();
        foreach (var sigungu in areas.Sigungus)
        {
            var dongs = areas.DongsOf(sigungu.Id);
            var widest = 0.0;
            foreach (var dong in dongs)
            {
                var nearest = dongs.Where(other => other != dong).Select(other => areas[dong].Point.DistanceMetersTo(areas[other].Point)).DefaultIfEmpty(0).Min();
                widest = Math.Max(widest, nearest);
            }
            toleranceMeters[sigungu.Id] = 2 * widest;
            if (widest > 0)
            {
                gaps.Add(widest);
            }
        }
        // A 시군구 with a single 읍면동 point has no gap of its own: it gets the country's median.
        gaps.Sort();
        var median = gaps.Count > 0 ? gaps[gaps.Count / 2] : 0;
        foreach (var sigungu in areas.Sigungus.Where(s => toleranceMeters[s.Id] == 0))
        {
            toleranceMeters[sigungu.Id] = median;
        }
    }

    /// <summary>How far from its nearest 읍면동 point a position may lie and still count as inside the 시군구.</summary>
    public double ToleranceMeters(int sigunguId) => toleranceMeters[sigunguId];

    /// <summary>
    /// The verdict on <paramref name="coordinates"/> against <paramref name="address"/>. <paramref name="legalDongPoint"/>
    /// is the point of a legal 동 the gazetteer does not hold (법환동), learned from the served shops, used before the
    /// 시군구's point when the coordinates cannot be.
    /// </summary>
    public LocationVerdict Check(ParsedAddress address, GeoPoint? coordinates, GeoPoint? legalDongPoint = null)
    {
        var usable = coordinates is { IsValid: true } point ? point : (GeoPoint?)null;
        var dongs = DongsOf(address);
        if (usable is not { } position)
        {
            return Approximate(address, legalDongPoint) is { } approximate
                ? approximate with { Status = LocationStatus.NoCoordinates }
                : new LocationVerdict(LocationStatus.Unplaced, null, PositionPrecision.None);
        }
        if (dongs.IsDefaultOrEmpty)
        {
            return new LocationVerdict(LocationStatus.Unverified, position, PositionPrecision.Coordinates);
        }
        var (outside, tolerance) = Distance(position, dongs, address);
        if (IsInside(position, dongs, outside, tolerance))
        {
            return new LocationVerdict(LocationStatus.Consistent, position, PositionPrecision.Coordinates, outside, tolerance);
        }
        var instead = Approximate(address, legalDongPoint)!;
        return instead with { Status = LocationStatus.Outside, MetersFromArea = outside, ToleranceMeters = tolerance };
    }

    /// <summary>True when the coordinates are plausibly inside the 시군구 (or city) the address names.</summary>
    public bool IsConsistent(ParsedAddress address, GeoPoint coordinates)
    {
        var dongs = DongsOf(address);
        if (dongs.IsDefaultOrEmpty || !coordinates.IsValid)
        {
            return false;
        }
        var (outside, tolerance) = Distance(coordinates, dongs, address);
        return IsInside(coordinates, dongs, outside, tolerance);
    }

    /// <summary>
    /// The approximate position an address alone gives: the 읍면동's point (the mean of the administrative 읍면동 a
    /// legal one spans, or the learned point of a legal 동), else the 시군구's or city's point; null for an address
    /// that names no 시군구 (a 시도's point is too far from most of its shops to stand for one).
    /// </summary>
    public LocationVerdict? Approximate(ParsedAddress address, GeoPoint? legalDongPoint = null)
    {
        if (address.SigunguId >= 0 && address.Dong is not null)
        {
            if (!address.DongMatch.IsEmpty)
            {
                var ids = address.DongMatch.DongIds;
                var point = new GeoPoint(ids.Average(id => areas[id].Point.Latitude), ids.Average(id => areas[id].Point.Longitude));
                return new LocationVerdict(LocationStatus.NoCoordinates, point, PositionPrecision.Eupmyeondong);
            }
            if (legalDongPoint is { } learned)
            {
                return new LocationVerdict(LocationStatus.NoCoordinates, learned, PositionPrecision.Eupmyeondong);
            }
        }
        if (address.SigunguId >= 0)
        {
            return new LocationVerdict(LocationStatus.NoCoordinates, areas[address.SigunguId].Point, PositionPrecision.Sigungu);
        }
        return address.City is { } city ? new LocationVerdict(LocationStatus.NoCoordinates, city.Point, PositionPrecision.Sigungu) : null;
    }

    private bool IsInside(GeoPoint position, IReadOnlyList<int> dongs, double outside, double tolerance) =>
        outside <= tolerance || dongs.Contains(areas.NearestDong(position));

    private (double Meters, double Tolerance) Distance(GeoPoint position, IReadOnlyList<int> dongs, ParsedAddress address)
    {
        var nearest = areas.NearestDong(position, dongs);
        var tolerance = address.SigunguId >= 0
            ? toleranceMeters[address.SigunguId]
            : address.City!.SigunguIds.Max(id => toleranceMeters[id]);
        return (position.DistanceMetersTo(areas[nearest].Point), tolerance);
    }

    private System.Collections.Immutable.ImmutableArray<int> DongsOf(ParsedAddress address) =>
        address.SigunguId >= 0 ? areas.DongsOf(address.SigunguId)
        : address.City is { } city ? [.. city.SigunguIds.SelectMany(id => areas.DongsOf(id))]
        : default;
}
