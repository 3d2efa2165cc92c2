namespace Naviyam.Eval.Places;

/// <summary>A WGS84 point; distances are great-circle metres.</summary>
public readonly record struct GeoPoint(double Lat, double Lng)
{
    private const double EarthRadiusMeters = 6_371_000;

    public double MetersTo(GeoPoint other)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(other.Lat - Lat);
        var dLng = Radians(other.Lng - Lng);
        var a = Math.Pow(Math.Sin(dLat / 2), 2)
                + Math.Cos(Radians(Lat)) * Math.Cos(Radians(other.Lat)) * Math.Pow(Math.Sin(dLng / 2), 2);
        return 2 * EarthRadiusMeters * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>Korea's bounding box: anything else (0,0, swapped columns) is not a position.</summary>
    public bool IsInKorea => Lat is > 32.5 and < 39 && Lng is > 124 and < 132;

    public static GeoPoint Centroid(IReadOnlyCollection<GeoPoint> points) =>
        new(points.Average(p => p.Lat), points.Average(p => p.Lng));

    public override string ToString() => $"{Lat:F5},{Lng:F5}";
}
