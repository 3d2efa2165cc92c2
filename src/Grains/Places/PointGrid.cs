using Naviyam.Shops;

namespace Naviyam.Places;

/// <summary>
/// Finds the nearest of a fixed set of points (the gazetteer's 3,523 읍면동 points) without scanning them all: the
/// points are bucketed in cells of 0.1° (about 11 × 9 km in Korea), and the search widens ring by ring until no
/// nearer point can remain. Import asks this once per shop, so it must stay cheap for 100,000 shops.
/// </summary>
internal sealed class PointGrid
{
    private const double CellDegrees = 0.1;
    // A ring of cells is at least this far from the query point (a 0.1° longitude at 38.7°N is about 8.7 km).
    private const double MetersPerRing = 8_600;

    private readonly Dictionary<(int Row, int Column), List<int>> cells = [];
    private readonly IReadOnlyList<GeoPoint> points;
    private readonly int minRow, maxRow, minColumn, maxColumn;

    public PointGrid(IReadOnlyList<GeoPoint> points)
    {
        this.points = points;
        for (var i = 0; i < points.Count; i++)
        {
            var cell = Cell(points[i]);
            if (!cells.TryGetValue(cell, out var list))
            {
                cells[cell] = list = [];
            }
            list.Add(i);
        }
        if (cells.Count > 0)
        {
            (minRow, maxRow) = (cells.Keys.Min(c => c.Row), cells.Keys.Max(c => c.Row));
            (minColumn, maxColumn) = (cells.Keys.Min(c => c.Column), cells.Keys.Max(c => c.Column));
        }
    }

    /// <summary>The index of the point nearest to <paramref name="point"/>, or −1 when the grid is empty.</summary>
    public int Nearest(GeoPoint point)
    {
        var (row, column) = Cell(point);
        var best = -1;
        var bestMeters = double.MaxValue;
        if (cells.Count == 0)
        {
            return best;
        }
        // A point outside the grid (a shop geocoded abroad) starts at the grid's own edge; no ring reaches past its far edge.
        var first = Math.Max(0, Math.Max(Math.Max(minRow - row, row - maxRow), Math.Max(minColumn - column, column - maxColumn)));
        var last = Math.Max(Math.Max(row - minRow, maxRow - row), Math.Max(column - minColumn, maxColumn - column));
        for (var ring = first; ring <= last; ring++)
        {
            if (best >= 0 && (ring - 1) * MetersPerRing > bestMeters)
            {
                break;
            }
            foreach (var cell in Ring(row, column, ring))
            {
                if (!cells.TryGetValue(cell, out var list))
                {
                    continue;
                }
                foreach (var index in list)
                {
                    var meters = point.DistanceMetersTo(points[index]);
                    if (meters < bestMeters)
                    {
                        (best, bestMeters) = (index, meters);
                    }
                }
            }
        }
        return best;
    }

    private static IEnumerable<(int Row, int Column)> Ring(int row, int column, int ring)
    {
        if (ring == 0)
        {
            yield return (row, column);
            yield break;
        }
        for (var d = -ring; d <= ring; d++)
        {
            yield return (row - ring, column + d);
            yield return (row + ring, column + d);
        }
        for (var d = -ring + 1; d <= ring - 1; d++)
        {
            yield return (row + d, column - ring);
            yield return (row + d, column + ring);
        }
    }

    private static (int Row, int Column) Cell(GeoPoint point) =>
        ((int)Math.Floor(point.Latitude / CellDegrees), (int)Math.Floor(point.Longitude / CellDegrees));
}
