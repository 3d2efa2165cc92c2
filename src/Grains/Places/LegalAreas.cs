using System.Collections.Immutable;
using Naviyam.Shops;

namespace Naviyam.Places;

/// <summary>
/// The legal 동, 가 and 리 the served shops' addresses name that the gazetteer does not hold as administrative
/// 읍면동 — 법환동 (in 대륜동), 도련일동, 서귀동, 명륜4가, 애월읍 고성리, and legal parts such as 아라일동 (of 아라동) —
/// learned when the index is built so users can name them too. Each gets a point (the median of the coordinates of
/// its shops that agree with their addresses; else the point of the administrative 읍면동 it is part of; else its
/// 읍·면's or 시군구's) and the administrative 읍면동 it lies in: those its name matches, or those nearest its shops.
/// </summary>
public sealed class LegalAreas
{
    private readonly Dictionary<(int SigunguId, DongName Name), Area> dongs = [];
    private readonly Dictionary<(int SigunguId, DongName Name), GeoPoint> measured = [];
    private readonly Dictionary<(int SigunguId, DongName Name), int> within = [];
    private readonly Dictionary<DongName, List<Area>> dongsByName = [];
    private readonly Dictionary<(int SigunguId, string Ri), List<Area>> ris = [];
    private readonly Dictionary<string, List<Area>> risByName = new(StringComparer.Ordinal);

    private LegalAreas()
    {
    }

    public static LegalAreas Empty { get; } = new();

    public IEnumerable<Area> All => dongs.Values.Concat(ris.Values.SelectMany(list => list));

    /// <summary>
    /// Learns from the shops' parsed addresses; <paramref name="agreeing"/> holds each shop's coordinates when they
    /// agree with its address (null otherwise), so a shop geocoded to another city never moves a legal 동.
    /// </summary>
    public static LegalAreas Learn(AdminAreas areas, IReadOnlyList<ParsedAddress> addresses, IReadOnlyList<GeoPoint?> agreeing)
    {
        var learned = new LegalAreas();
        var dongShops = new Dictionary<(int, DongName), Evidence>();
        var riShops = new Dictionary<(int SigunguId, int Eupmyeon, string Ri), Evidence>();
        for (var i = 0; i < addresses.Count; i++)
        {
            var address = addresses[i];
            if (address.SigunguId < 0 || address.Dong is not { } dong)
            {
                continue;
            }
            if (address.DongMatch.Kind != DongMatchKind.Exact && dong.Unit is '동' or '읍' or '면')
            {
                Collect(dongShops, (address.SigunguId, dong), address.DongWritten!, agreeing[i]);
            }
            if (address.Ri is { } ri)
            {
                var eupmyeon = address.DongMatch.DongIds is [var only] ? only : -1;
                Collect(riShops, (address.SigunguId, eupmyeon, ri), ri, agreeing[i]);
            }
        }
        foreach (var ((sigunguId, name), evidence) in dongShops)
        {
            var match = areas.MatchDong(name, sigunguId);
            var nearest = evidence.Points.Select(p => areas.NearestDong(p, match.IsEmpty ? areas.DongsOf(sigunguId) : match.DongIds))
                .GroupBy(id => id).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).ToImmutableArray();
            var children = match.IsEmpty ? nearest : match.DongIds;
            var written = evidence.MostWritten();
            var area = new Area
            {
                Kind = AreaKind.Legal,
                Level = AreaLevel.Eupmyeondong,
                Name = written,
                FullName = $"{areas[sigunguId].FullName} {written}",
                Point = Median(evidence.Points) ?? (children.IsEmpty ? areas[sigunguId].Point : areas.Centre(children)),
                SidoId = areas[sigunguId].SidoId,
                SigunguId = sigunguId,
                Children = children,
                LegalName = name,
            };
            learned.dongs[(sigunguId, name)] = area;
            if (match.IsEmpty && Dominant(evidence.Points, nearest, areas, sigunguId) is >= 0 and var dominant)
            {
                learned.within[(sigunguId, name)] = dominant;
            }
            if (Median(evidence.Points) is { } point)
            {
                learned.measured[(sigunguId, name)] = point;
            }
            learned.dongsByName.ListFor(name).Add(area);
        }
        foreach (var ((sigunguId, eupmyeon, ri), evidence) in riShops)
        {
            var above = eupmyeon >= 0 ? areas[eupmyeon] : areas[sigunguId];
            var area = new Area
            {
                Kind = AreaKind.Legal,
                Level = AreaLevel.Ri,
                Name = ri,
                FullName = $"{above.FullName} {ri}",
                Point = Median(evidence.Points) ?? above.Point,
                SidoId = areas[sigunguId].SidoId,
                SigunguId = sigunguId,
                EupmyeonId = eupmyeon,
                Children = eupmyeon >= 0 ? [eupmyeon] : [],
            };
            learned.ris.ListFor((sigunguId, ri)).Add(area);
            learned.risByName.ListFor(ri).Add(area);
        }
        return learned;
    }

    /// <summary>
    /// The administrative 읍면동 a legal 동 the gazetteer does not relate by name (법환동, 색달동) lies in, learned from
    /// where its shops' agreeing coordinates fall: −1 unless nearly all of them fall in one (서귀동 spans four).
    /// </summary>
    public int AdministrativeDongOf(int sigunguId, DongName name) => within.TryGetValue((sigunguId, name), out var id) ? id : -1;

    /// <summary>The legal 동 of this name in this 시군구, or null.</summary>
    public Area? Find(int sigunguId, DongName name) => dongs.GetValueOrDefault((sigunguId, name));

    /// <summary>The point of a legal 동 measured from its shops' agreeing coordinates, or null when none had any.</summary>
    public GeoPoint? MeasuredPoint(int sigunguId, DongName name) => measured.TryGetValue((sigunguId, name), out var point) ? point : null;

    /// <summary>The legal 동 of this name anywhere (도련1동 in 제주시; 신촌동 in several cities).</summary>
    public IReadOnlyList<Area> Named(DongName name) => dongsByName.GetValueOrDefault(name) ?? [];

    /// <summary>The 리 of this name (in the 시군구, or anywhere for −1): 고성리 is in 애월읍 and in 성산읍.</summary>
    public IReadOnlyList<Area> Ris(string ri, int sigunguId = -1) =>
        (sigunguId >= 0 ? ris.GetValueOrDefault((sigunguId, ri)) : risByName.GetValueOrDefault(ri)) ?? [];

    // Shops a legal 동 needs, and the share of them one administrative 읍면동 must hold, to be where it lies.
    private const int MinimumShops = 2;
    private const double DominantShare = 0.8;

    private static int Dominant(List<GeoPoint> points, ImmutableArray<int> nearestFirst, AdminAreas areas, int sigunguId)
    {
        if (points.Count < MinimumShops || nearestFirst.IsEmpty)
        {
            return -1;
        }
        var top = nearestFirst[0];
        var among = areas.DongsOf(sigunguId);
        var share = points.Count(p => areas.NearestDong(p, among) == top) / (double)points.Count;
        return share >= DominantShare ? top : -1;
    }

    private static void Collect<TKey>(Dictionary<TKey, Evidence> into, TKey key, string written, GeoPoint? point) where TKey : notnull
    {
        if (!into.TryGetValue(key, out var evidence))
        {
            into[key] = evidence = new Evidence();
        }
        evidence.Written[written] = evidence.Written.GetValueOrDefault(written) + 1;
        if (point is { } p)
        {
            evidence.Points.Add(p);
        }
    }

    /// <summary>The median latitude and longitude: one shop geocoded across town does not move the 동.</summary>
    private static GeoPoint? Median(List<GeoPoint> points)
    {
        if (points.Count == 0)
        {
            return null;
        }
        var latitudes = points.Select(p => p.Latitude).Order().ToList();
        var longitudes = points.Select(p => p.Longitude).Order().ToList();
        return new GeoPoint(latitudes[latitudes.Count / 2], longitudes[longitudes.Count / 2]);
    }

    private sealed class Evidence
    {
        public Dictionary<string, int> Written { get; } = new(StringComparer.Ordinal);

        public List<GeoPoint> Points { get; } = [];

        /// <summary>The spelling most addresses use ("도련일동"), the first in order among equals.</summary>
        public string MostWritten() => Written.OrderByDescending(w => w.Value).ThenBy(w => w.Key, StringComparer.Ordinal).First().Key;
    }
}
