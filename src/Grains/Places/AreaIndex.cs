using Naviyam.Shops;

namespace Naviyam.Places;

/// <summary>A served shop as the index needs it: its id, address and coordinates (either may be missing).</summary>
public readonly record struct PlaceInput(string ShopId, string? Address, GeoPoint? Location);

/// <summary>
/// Where every served shop is, by area, built once per catalog (at import or when the catalog changes) and read on
/// every turn that names a place. Building parses each address once, checks its coordinates against it
/// (<see cref="LocationCheck"/>), learns the legal 동 and 리 the addresses name (<see cref="LegalAreas"/>) and decides
/// each shop's 시도, 시군구 and administrative 읍면동 (<see cref="ShopPlace"/>). A turn then resolves the user's
/// phrase once (<see cref="Resolve"/>) and tests candidate shops with integer comparisons (<see cref="Contains"/>).
/// </summary>
/// <example>
/// <code>
/// var index = AreaIndex.Build(areas, catalog.All().Select(s => new PlaceInput(s.Id, s.Address, s.Location)));
/// if (index.Resolve("은평구에서", userLocation).Area is { } area)
///     candidates = candidates.Where(c => index.Contains(area, c.Shop.Id));
/// </code>
/// </example>
public sealed class AreaIndex
{
    private readonly ShopPlace[] places;
    private readonly Dictionary<string, int> byShopId;
    private readonly Dictionary<int, List<int>> bySigungu = [];
    private readonly Dictionary<int, List<int>> bySido = [];
    private readonly AreaResolver resolver;

    private AreaIndex(AdminAreas areas, ShopPlace[] places, LegalAreas legal)
    {
        Areas = areas;
        Legal = legal;
        this.places = places;
        byShopId = new Dictionary<string, int>(places.Length, StringComparer.Ordinal);
        for (var i = 0; i < places.Length; i++)
        {
            byShopId[places[i].ShopId] = i;
            if (places[i].SigunguId >= 0)
            {
                bySigungu.ListFor(places[i].SigunguId).Add(i);
            }
            if (places[i].SidoId >= 0)
            {
                bySido.ListFor(places[i].SidoId).Add(i);
            }
        }
        resolver = new AreaResolver(areas, legal, area => ShopsIn(area).Any(), ShopsInRegionOf);
    }

    public AdminAreas Areas { get; }

    /// <summary>The legal 동 and 리 learned from the shops' addresses.</summary>
    public LegalAreas Legal { get; }

    /// <summary>The shops in the order they were given.</summary>
    public IReadOnlyList<ShopPlace> Places => places;

    public static AreaIndex Build(AdminAreas areas, IEnumerable<PlaceInput> shops, AddressParser? parser = null)
    {
        parser ??= new AddressParser(areas);
        var check = new LocationCheck(areas);
        var inputs = shops.ToArray();
        var addresses = new ParsedAddress[inputs.Length];
        var verdicts = new LocationVerdict[inputs.Length];
        var agreeing = new GeoPoint?[inputs.Length];
        for (var i = 0; i < inputs.Length; i++)
        {
            addresses[i] = parser.Parse(inputs[i].Address);
            verdicts[i] = check.Check(addresses[i], inputs[i].Location);
            agreeing[i] = verdicts[i].Status == LocationStatus.Consistent ? verdicts[i].Position : null;
        }
        var legal = LegalAreas.Learn(areas, addresses, agreeing);
        var places = new ShopPlace[inputs.Length];
        for (var i = 0; i < inputs.Length; i++)
        {
            places[i] = Place(areas, check, legal, inputs[i], addresses[i], verdicts[i], agreeing[i]);
        }
        return new AreaIndex(areas, places, legal);
    }

    /// <summary>The area a user's place phrase names; <paramref name="near"/> (their location) decides between several.</summary>
    public AreaResolution Resolve(string? phrase, GeoPoint? near = null) => resolver.Resolve(phrase, near);

    /// <summary>How many shops are served in the area's 시군구 (its 시도 for a 시도 or a city).</summary>
    public int ShopsInRegionOf(Area area) =>
        (area.SigunguId >= 0 ? bySigungu.GetValueOrDefault(area.SigunguId) : bySido.GetValueOrDefault(area.SidoId))?.Count ?? 0;

    public ShopPlace? PlaceOf(string shopId) => byShopId.TryGetValue(shopId, out var i) ? places[i] : null;

    /// <summary>True when the shop lies in the area (see <see cref="AreaMatcher"/>); false for a shop not indexed.</summary>
    public bool Contains(Area area, string shopId) => byShopId.TryGetValue(shopId, out var i) && AreaMatcher.Contains(area, places[i]);

    /// <summary>The shops in the area, looked for only among those of its 시군구 (or 시도).</summary>
    public IEnumerable<ShopPlace> ShopsIn(Area area)
    {
        IEnumerable<int> candidates = area.Level == AreaLevel.Sido ? bySido.GetValueOrDefault(area.SidoId) ?? []
            : area.Kind == AreaKind.City ? area.Children.SelectMany(id => bySigungu.GetValueOrDefault(id) ?? [])
                .Concat(bySido.GetValueOrDefault(area.SidoId)?.Where(i => places[i].SigunguId < 0) ?? [])
            : bySigungu.GetValueOrDefault(area.SigunguId) ?? [];
        return candidates.Select(i => places[i]).Where(place => AreaMatcher.Contains(area, place));
    }

    private static ShopPlace Place(
        AdminAreas areas, LocationCheck check, LegalAreas legal, PlaceInput input, ParsedAddress address, LocationVerdict location, GeoPoint? agreeing)
    {
        if (location.Precision == PositionPrecision.Sigungu && address.Dong is { } name && legal.MeasuredPoint(address.SigunguId, name) is { } learned)
        {
            // A legal 동 the gazetteer lacks (법환동) has a point of its own now, measured from the shops that name it.
            location = check.Check(address, input.Location, learned);
        }
        var (dong, evidence) = AdminDong(areas, legal, address, agreeing, location);
        var sigungu = address.SigunguId >= 0 ? address.SigunguId : dong >= 0 ? areas[dong].SigunguId : -1;
        var sido = address.SidoId >= 0 ? address.SidoId : sigungu >= 0 ? areas[sigungu].SidoId : -1;
        if (dong >= 0 && address.SidoId >= 0 && areas[dong].SidoId != address.SidoId)
        {
            // Unverified coordinates in another 시도 than the address names: the address wins, the 읍면동 stays unknown.
            (dong, evidence, sigungu) = (-1, DongEvidence.None, address.SigunguId);
        }
        return new ShopPlace(input.ShopId, address, location, sido, sigungu, dong, evidence);
    }

    /// <summary>
    /// The administrative 읍면동 the shop lies in: the one its address names; else the nearest point to its agreeing
    /// coordinates among those its address allows (the 읍면동 its legal 동 spans, or all of its 시군구: a Voronoi
    /// approximation of each 읍면동's territory); an address with no 시군구 leaves unchecked coordinates to decide
    /// among all of Korea.
    /// </summary>
    private static (int DongId, DongEvidence Evidence) AdminDong(
        AdminAreas areas, LegalAreas legal, ParsedAddress address, GeoPoint? agreeing, LocationVerdict location)
    {
        if (address.DongMatch.DongIds is [var named])
        {
            return (named, DongEvidence.Address);
        }
        if (address.DongMatch.IsEmpty && address.Dong is { } legalDong && legal.AdministrativeDongOf(address.SigunguId, legalDong) is >= 0 and var within)
        {
            return (within, DongEvidence.LegalDong);
        }
        if (agreeing is { } point)
        {
            var among = !address.DongMatch.IsEmpty ? address.DongMatch.DongIds
                : address.SigunguId >= 0 ? areas.DongsOf(address.SigunguId)
                : [.. address.City!.SigunguIds.SelectMany(id => areas.DongsOf(id))];
            return (areas.NearestDong(point, among), DongEvidence.Coordinates);
        }
        if (location.Status == LocationStatus.Unverified && address.SigunguId < 0 && address.City is null && location.Position is { } unverified)
        {
            return (areas.NearestDong(unverified), DongEvidence.Coordinates);
        }
        return (-1, DongEvidence.None);
    }
}
