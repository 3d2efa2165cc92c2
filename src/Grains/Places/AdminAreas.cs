using System.Collections.Concurrent;
using System.Collections.Immutable;
using Naviyam.Lexicons;
using Naviyam.Shops;

namespace Naviyam.Places;

/// <summary>
/// The gazetteer, loaded once and read by every other part of <c>Naviyam.Places</c>: 17 시도, 250 시군구 and 3,523
/// administrative 읍면동 with their points, the cities of several 구, and the lookups by name that addresses and
/// users need (aliases, the 구 of a city alone, a 읍면동 name in any spelling). Immutable after construction and safe
/// to share; the one cache (written names matched to 읍면동) is concurrent.
/// </summary>
public sealed class AdminAreas
{
    private readonly AdminArea[] all;
    private readonly Dictionary<string, int> sidoByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> sigunguByName = new(StringComparer.Ordinal);
    private readonly Dictionary<(int SidoId, string Written), int> sigunguAliases = [];
    private readonly Dictionary<string, List<int>> sigunguByStem = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<City>> citiesByName = new(StringComparer.Ordinal);
    private readonly Dictionary<(int SigunguId, string Stem), DongMember[]> families = [];
    private readonly Dictionary<string, int[]> sigungusByDongStem = new(StringComparer.Ordinal);
    private readonly HashSet<string> knownStems = new(StringComparer.Ordinal);
    private readonly ImmutableArray<int>[] dongsBySigungu;
    private readonly int[] cityOfSigungu;
    private readonly PointGrid dongGrid;
    private readonly ConcurrentDictionary<(int SigunguId, DongName Name), DongMatch> matches = new();
    private readonly Dictionary<(int SigunguId, DongName Name), ImmutableArray<int>> legalDongs = [];
    private readonly Area[] adminAreas;
    private readonly Area[] cityAreas;

    public AdminAreas(IReadOnlyList<AdminArea> areas, PlaceAliases aliases)
    {
        all = [.. areas];
        Sidos = all.Where(a => a.Level == AreaLevel.Sido).ToArray();
        Sigungus = all.Where(a => a.Level == AreaLevel.Sigungu).ToArray();
        Dongs = all.Where(a => a.Level == AreaLevel.Eupmyeondong).ToArray();

        foreach (var sido in Sidos)
        {
            sidoByName[sido.Sido] = sido.Id;
        }
        foreach (var (canonical, written) in aliases.Sido)
        {
            var id = sidoByName.TryGetValue(canonical, out var found) ? found : throw new InvalidDataException($"Alias for unknown 시도 '{canonical}'.");
            foreach (var alias in written)
            {
                sidoByName[Compact(alias)] = id;
            }
        }

        dongsBySigungu = new ImmutableArray<int>[all.Length];
        cityOfSigungu = new int[all.Length];
        Array.Fill(cityOfSigungu, -1);
        foreach (var sigungu in Sigungus)
        {
            var name = sigungu.Sigungu!;
            Add(sigunguByName, Compact(name), sigungu.Id);
            var space = name.IndexOf(' ', StringComparison.Ordinal);
            var district = space > 0 ? name[(space + 1)..] : name;
            if (space > 0)
            {
                // "팔달구" alone names 수원시 팔달구 (and "남구" every 남구: the caller narrows by 시도 or city).
                Add(sigunguByName, district, sigungu.Id);
            }
            if (Stem(district) is { } stem)
            {
                Add(sigunguByStem, stem, sigungu.Id);
            }
            dongsBySigungu[sigungu.Id] = [.. Dongs.Where(d => d.SigunguId == sigungu.Id).Select(d => d.Id)];
        }
        foreach (var alias in aliases.Sigungu)
        {
            var sidoId = FindSido(alias.Sido);
            var targets = sigunguByName.GetValueOrDefault(Compact(alias.Is)) ?? [];
            if (sidoId < 0 || targets.Count != 1)
            {
                throw new InvalidDataException($"시군구 alias '{alias.Sido} {alias.Written}' → '{alias.Is}' does not name one 시군구.");
            }
            sigunguAliases[(sidoId, Compact(alias.Written))] = targets[0];
        }

        Cities = Sigungus
            .Where(s => s.Sigungu!.Contains(' ', StringComparison.Ordinal))
            .GroupBy(s => (s.SidoId, City: s.Sigungu![..s.Sigungu!.IndexOf(' ', StringComparison.Ordinal)]))
            .Select((group, id) => new City(id, group.Key.City, group.Key.SidoId, [.. group.Select(s => s.Id)],
                new GeoPoint(group.Average(s => s.Point.Latitude), group.Average(s => s.Point.Longitude))))
            .ToArray();
        foreach (var city in Cities)
        {
            citiesByName.ListFor(city.Name).Add(city);
            foreach (var sigunguId in city.SigunguIds)
            {
                cityOfSigungu[sigunguId] = city.Id;
            }
        }

        var membersBySigungu = new Dictionary<(int, string), List<DongMember>>();
        foreach (var dong in Dongs)
        {
            foreach (var member in DongName.Members(dong.Eupmyeondong!))
            {
                // Administrative names write numbers in digits, so no Hangul numeral is read here; "상중이동" stays whole.
                var name = DongName.Parse(member) ?? new DongName(member, 0, 0, '\0');
                knownStems.Add(name.Stem);
                membersBySigungu.ListFor((dong.SigunguId, name.Stem)).Add(new DongMember(dong.Id, name));
            }
        }
        foreach (var ((sigunguId, stem), members) in membersBySigungu)
        {
            families[(sigunguId, stem)] = [.. members];
        }
        var sigungusByStem = membersBySigungu.Keys.Select(key => (Stem: key.Item2, SigunguId: key.Item1)).ToList();
        foreach (var alias in aliases.Dong)
        {
            var (sigunguId, name, spans) = Resolve(alias);
            legalDongs[(sigunguId, name)] = spans;
            knownStems.Add(name.Stem);
            sigungusByStem.Add((name.Stem, sigunguId));
        }
        foreach (var group in sigungusByStem.GroupBy(key => key.Stem, key => key.SigunguId))
        {
            sigungusByDongStem[group.Key] = [.. group.Distinct()];
        }
        dongGrid = new PointGrid(Dongs.Select(d => d.Point).ToArray());
        adminAreas = [.. all.Select(CreateArea)];
        cityAreas = [.. Cities.Select(CreateArea)];
    }

    /// <summary>The shipped gazetteer, <c>data/places/admin-areas.tsv</c> with <c>aliases.json</c>, beside the binaries.</summary>
    public static AdminAreas LoadDefault(DataPaths paths) =>
        Load(paths.Place("admin-areas.tsv"), paths.Place("aliases.json"));

    public static AdminAreas Load(string areasPath, string aliasesPath) =>
        new(AdminAreaReader.Read(areasPath), PlaceAliases.Load(aliasesPath));

    public IReadOnlyList<AdminArea> All => all;

    /// <summary>
    /// Every 시군구 and 읍면동 name as the gazetteer writes it ("팔달구", "삼도2동", "애월읍"), for the words a message
    /// may name a place with: addresses rarely spell the numbered administrative 동 so.
    /// </summary>
    public IEnumerable<string> Names() =>
        Sigungus.Select(s => s.Sigungu![(s.Sigungu!.LastIndexOf(' ') + 1)..])
            .Concat(Dongs.SelectMany(d => DongName.Members(d.Eupmyeondong!)))
            .Distinct(StringComparer.Ordinal);

    public IReadOnlyList<AdminArea> Sidos { get; }

    public IReadOnlyList<AdminArea> Sigungus { get; }

    public IReadOnlyList<AdminArea> Dongs { get; }

    public IReadOnlyList<City> Cities { get; }

    public AdminArea this[int id] => all[id];

    /// <summary>The 시도 a word names ("서울", "서울시", "서울특별시", "강원특별자치도"), or −1.</summary>
    public int FindSido(string written) => sidoByName.GetValueOrDefault(Compact(written), -1);

    /// <summary>
    /// The 시군구 a word names within a 시도 (or anywhere for −1): "은평구", "수원시 팔달구", "수원시팔달구", "팔달구",
    /// "인천광역시 남구" (미추홀구). Several for a name many cities have ("중구" without a 시도).
    /// </summary>
    public IReadOnlyList<int> FindSigungus(string written, int sidoId = -1)
    {
        var compact = Compact(written);
        if (sidoId >= 0 && sigunguAliases.TryGetValue((sidoId, compact), out var alias))
        {
            return [alias];
        }
        return Within(sigunguByName.GetValueOrDefault(compact), sidoId);
    }

    /// <summary>The 시군구 whose name without 시/군/구 is <paramref name="stem"/> ("은평", "달서", "팔달"); stems of one letter never count.</summary>
    public IReadOnlyList<int> FindSigungusByStem(string stem, int sidoId = -1) => Within(sigunguByStem.GetValueOrDefault(stem), sidoId);

    /// <summary>The cities of several 구 named <paramref name="written"/> ("수원시"), or with that stem ("수원").</summary>
    public IReadOnlyList<City> FindCities(string written, int sidoId = -1)
    {
        var compact = Compact(written);
        var cities = citiesByName.GetValueOrDefault(compact) ?? citiesByName.GetValueOrDefault(compact + "시");
        return cities is null ? [] : sidoId < 0 ? cities : cities.Where(c => c.SidoId == sidoId).ToArray();
    }

    /// <summary>The city of several 구 a 시군구 belongs to ("수원시 팔달구" → 수원시), or null.</summary>
    public City? CityOf(int sigunguId) => cityOfSigungu[sigunguId] is >= 0 and var id ? Cities[id] : null;

    /// <summary>The administrative 읍면동 of a 시군구.</summary>
    public ImmutableArray<int> DongsOf(int sigunguId) => dongsBySigungu[sigunguId];

    /// <summary>
    /// The 시군구 (anywhere) where <see cref="MatchDong"/> may find the name, by its stem and the stems it falls back to
    /// (거제동 → 거, 하월곡동 → 월곡): for an address or a user that names a 동 without its 시군구.
    /// </summary>
    public IReadOnlyList<int> SigungusWithDong(DongName name)
    {
        var found = sigungusByDongStem.GetValueOrDefault(name.Stem);
        var stem = name.Stem;
        var fallback = stem.Length >= 2 && stem[^1] == '제' ? stem[..^1]
            : stem.Length >= 3 && stem[0] is '상' or '중' or '하' or '내' or '외' ? stem[1..]
            : null;
        var more = fallback is null ? null : sigungusByDongStem.GetValueOrDefault(fallback);
        return more is null ? found ?? [] : found is null ? more : [.. found.Union(more)];
    }

    /// <summary>The area an administrative row is (one instance per row, so areas compare by reference too).</summary>
    public Area AreaOf(int adminId) => adminAreas[adminId];

    /// <summary>The area a city of several 구 is.</summary>
    public Area AreaOf(City city) => cityAreas[city.Id];

    private Area CreateArea(City city) => new()
    {
        Kind = AreaKind.City,
        Level = AreaLevel.Sigungu,
        Name = city.Name,
        FullName = $"{all[city.SidoId].Sido} {city.Name}",
        Point = city.Point,
        SidoId = city.SidoId,
        City = city,
        Children = city.SigunguIds,
    };

    /// <summary>The area a name several administrative 읍면동 of one 시군구 share ("신월동" → 신월1동 … 신월7동).</summary>
    public Area FamilyArea(int sigunguId, string name, ImmutableArray<int> dongIds) => new()
    {
        Kind = AreaKind.DongFamily,
        Level = AreaLevel.Eupmyeondong,
        Name = name,
        FullName = $"{all[sigunguId].FullName} {name}",
        Point = Centre(dongIds),
        SidoId = all[sigunguId].SidoId,
        SigunguId = sigunguId,
        Children = dongIds,
    };

    /// <summary>The mean of the areas' points.</summary>
    public GeoPoint Centre(IReadOnlyCollection<int> ids) =>
        new(ids.Average(id => all[id].Point.Latitude), ids.Average(id => all[id].Point.Longitude));

    private Area CreateArea(AdminArea area) => new()
    {
        Kind = AreaKind.Administrative,
        Level = area.Level,
        Name = area.Name,
        FullName = area.FullName,
        Point = area.Point,
        SidoId = area.Level == AreaLevel.Sido ? area.Id : area.SidoId,
        SigunguId = area.SigunguId,
        AdminId = area.Id,
        Children = area.Level switch
        {
            AreaLevel.Sido => [.. Sigungus.Where(s => s.SidoId == area.Id).Select(s => s.Id)],
            AreaLevel.Sigungu => dongsBySigungu[area.Id],
            _ => [area.Id],
        },
    };

    /// <summary>True when some administrative 읍면동 has this stem ("이도", "방이", "애월").</summary>
    public bool IsKnownStem(string stem) => knownStems.Contains(stem);

    /// <summary>A written 읍면동/가/리 name read with the gazetteer's stems (so "이도이동" is 이도2동, "방이동" stays 방이동).</summary>
    public DongName? ParseDongName(ReadOnlySpan<char> written) => DongName.Parse(written, knownStems.Contains);

    /// <summary>
    /// The administrative 읍면동 of <paramref name="sigunguId"/> a written name stands for: its own (일도이동 → 일도2동),
    /// the one it is part of (아라일동 → 아라동, 한강로2가 → 한강로동), or all those it spans (신월동 → 신월1동 … 7동).
    /// </summary>
    public DongMatch MatchDong(DongName name, int sigunguId) =>
        name.Unit == '리' ? DongMatch.None : matches.GetOrAdd((sigunguId, name), key => Match(key.Name, key.SigunguId));

    /// <summary>The administrative 읍면동 whose point is nearest (anywhere in Korea).</summary>
    public int NearestDong(GeoPoint point) => Dongs[dongGrid.Nearest(point)].Id;

    /// <summary>The one of <paramref name="dongIds"/> whose point is nearest, or −1 when there is none.</summary>
    public int NearestDong(GeoPoint point, IReadOnlyList<int> dongIds)
    {
        // Ordering only: an equirectangular distance (exact enough within a 시군구) spares a haversine per 읍면동.
        var scale = Math.Cos(point.Latitude * Math.PI / 180);
        var best = -1;
        var bestSquare = double.MaxValue;
        for (var i = 0; i < dongIds.Count; i++)
        {
            var other = all[dongIds[i]].Point;
            var dx = (other.Longitude - point.Longitude) * scale;
            var dy = other.Latitude - point.Latitude;
            var square = dx * dx + dy * dy;
            if (square < bestSquare)
            {
                (best, bestSquare) = (dongIds[i], square);
            }
        }
        return best;
    }

    /// <summary>The written form used as a lookup key: no spaces ("수원시 팔달구" → "수원시팔달구").</summary>
    public static string Compact(string written) =>
        written.Contains(' ', StringComparison.Ordinal) ? written.Replace(" ", "", StringComparison.Ordinal) : written;

    /// <exception cref="InvalidDataException">The alias names no one 시군구, or an administrative 읍면동 it does not have.</exception>
    private (int SigunguId, DongName Name, ImmutableArray<int> Spans) Resolve(DongAlias alias)
    {
        var sidoId = FindSido(alias.Sido);
        IReadOnlyList<int> sigungus = sidoId < 0 ? [] : FindSigungus(alias.Sigungu, sidoId);
        if (sigungus.Count != 1 || DongName.Parse(alias.Written) is not { Unit: '동' } name)
        {
            throw new InvalidDataException($"Legal 동 alias '{alias.Sido} {alias.Sigungu} {alias.Written}' does not name one 시군구's 동.");
        }
        var spans = alias.Spans
            .Select(written => Dongs.FirstOrDefault(d => d.SigunguId == sigungus[0] && d.Eupmyeondong == written)?.Id
                               ?? throw new InvalidDataException($"Legal 동 alias '{alias.Written}': {alias.Sigungu} has no 읍면동 '{written}'."))
            .ToImmutableArray();
        return (sigungus[0], name, spans);
    }

    private DongMatch Match(DongName name, int sigunguId)
    {
        if (legalDongs.TryGetValue((sigunguId, name), out var spans))
        {
            return Part(spans);
        }
        var family = Family(sigunguId, name.Stem, name.Unit);
        if (family.Count == 0 && name.Stem.Length >= 2 && name.Stem[^1] == '제')
        {
            // The legal "거제동" of the administrative "거제1동" (read as 거 + 제1).
            family = Family(sigunguId, name.Stem[..^1], name.Unit);
        }
        if (family.Count == 0 && name.Stem.Length >= 3 && name.Stem[0] is '상' or '중' or '하' or '내' or '외')
        {
            // 하월곡동 and 상월곡동 are parts of 월곡1동 and 월곡2동; 내발산동 of 발산1동; 하왕십리동 of 왕십리제2동 ….
            return Family(sigunguId, name.Stem[1..], name.Unit) is { Count: > 0 } whole ? Part(Ids(whole)) : DongMatch.None;
        }
        if (family.Count == 0)
        {
            return DongMatch.None;
        }
        if (Ids(family.Where(m => m.Name == name)) is { Length: > 0 } exact)
        {
            return new DongMatch(DongMatchKind.Exact, exact);
        }
        if (name.IsNumbered)
        {
            // 성수1가 → 성수1가1동 and 성수1가2동; 아라일동 → 아라동 (its unnumbered parent); 한강로2가 → 한강로동.
            if (name.Ga != 0 && Ids(family.Where(m => m.Name.Ga == name.Ga)) is { Length: > 0 } sameGa)
            {
                return Part(sameGa);
            }
            if (Ids(family.Where(m => !m.Name.IsNumbered)) is { Length: > 0 } parent)
            {
                return Part(parent);
            }
            if (name.Ga != 0)
            {
                // A 가 is a precise legal area: 명륜4가 is not somewhere in 원주's 명륜1동 and 명륜2동.
                return DongMatch.None;
            }
        }
        // An unnumbered legal name (신월동), or a number no administrative 읍면동 carries (신월8동, a former split).
        return Part(Ids(family));
    }

    private static DongMatch Part(ImmutableArray<int> ids) => new(ids.Length == 1 ? DongMatchKind.Within : DongMatchKind.Spans, ids);

    private List<DongMember> Family(int sigunguId, string stem, char unit) =>
        families.TryGetValue((sigunguId, stem), out var members) ? members.Where(m => m.Name.Unit == unit).ToList() : [];

    private static ImmutableArray<int> Ids(IEnumerable<DongMember> members) => [.. members.Select(m => m.DongId).Distinct()];

    private IReadOnlyList<int> Within(List<int>? ids, int sidoId)
    {
        if (ids is null)
        {
            return [];
        }
        if (sidoId < 0 || ids.TrueForAll(id => all[id].SidoId == sidoId))
        {
            return ids;
        }
        // Rare: a name several 시도 share ("중구", "고성군"), narrowed to one.
        return ids.Where(id => all[id].SidoId == sidoId).ToArray();
    }

    /// <summary>"은평구" → 은평; "중구" has no stem (one letter names nothing).</summary>
    private static string? Stem(string district) =>
        district.Length >= 3 && district[^1] is '시' or '군' or '구' ? district[..^1] : null;

    private static void Add(Dictionary<string, List<int>> index, string key, int id)
    {
        var list = index.ListFor(key);
        if (!list.Contains(id))
        {
            list.Add(id);
        }
    }

    private readonly record struct DongMember(int DongId, DongName Name);
}
