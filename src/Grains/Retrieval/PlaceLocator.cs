using System.Collections.Concurrent;
using Naviyam.Catalog;
using Naviyam.Lexicons;
using Naviyam.Places;
using Naviyam.Shops;

namespace Naviyam.Retrieval;

/// <summary>
/// What a place the user named turned out to be: an administrative area (which then restricts the search), several
/// areas of that name with nothing to choose between them, a landmark or station placed by the shops around it, or
/// nothing found.
/// </summary>
public sealed record NamedPlace
{
    public static NamedPlace None { get; } = new();

    /// <summary>The 시도, 시군구 or 읍면동 (or a legal 동 or 리) the phrase names.</summary>
    public Area? Area { get; init; }

    /// <summary>Several areas the phrase could mean, none chosen ("중구" with no location to tell).</summary>
    public IReadOnlyList<Area> Ambiguous { get; init; } = [];

    /// <summary>The point of a landmark or station no gazetteer knows, from the served shops that mention it.</summary>
    public GeoPoint? Landmark { get; init; }

    /// <summary>The place as said, when it could not be placed at all.</summary>
    public string? Unplaced { get; init; }
}

/// <summary>
/// Places a place the user named. An administrative area of any city (시도, 시군구, 읍면동 in any spelling, 읍, 면 and
/// 리) comes from the gazetteer and the served shops' addresses (<see cref="ServedPlaces"/>) and restricts the search
/// to the shops inside it. A name no gazetteer knows ("강남역", "제주대") falls back to the middle of the served shops
/// whose address or name carries it. Generic phrases (근처, 학교 앞) and places no shop mentions stay unplaced, and the
/// bot asks where they are.
/// </summary>
public sealed class PlaceLocator
{
    private const int MaxCachedPlaces = 10_000;

    private readonly IShopCatalog catalog;
    private readonly PlaceGazetteer gazetteer;
    private readonly ServedPlaces? served;
    private readonly ConcurrentDictionary<string, GeoPoint?> cache = new(StringComparer.Ordinal);

    public PlaceLocator(IShopCatalog catalog, PlaceGazetteer gazetteer, ServedPlaces? served = null)
    {
        this.catalog = catalog;
        this.gazetteer = gazetteer;
        this.served = served;
        catalog.Changed += cache.Clear;
    }

    /// <summary>
    /// The place a phrase names: an area first (the user's location decides between areas of one name), else a
    /// landmark placed by the shops that mention it, else unplaced; <see cref="NamedPlace.None"/> for no phrase or one
    /// relative to the user ("근처").
    /// </summary>
    public NamedPlace Resolve(string? place, GeoPoint? near)
    {
        if (string.IsNullOrWhiteSpace(place) || Core(place).Length < 2)
        {
            return NamedPlace.None;
        }
        if (served is not null)
        {
            var resolution = served.Resolve(PlaceGazetteer.WithoutRelation(place).Trim(), near);
            if (resolution.Area is { } area)
            {
                // An area of a 시군구 no list serves is more likely a street or landmark of the served city read as a
                // 동 of another ("동성로" in Daegu is no 동성동): the shops that mention it place it, if any do.
                return served.Index.ShopsInRegionOf(area) == 0 && Locate(place) is { } street
                    ? new NamedPlace { Landmark = street }
                    : new NamedPlace { Area = area };
            }
            if (resolution.IsAmbiguous)
            {
                return new NamedPlace { Ambiguous = resolution.Candidates };
            }
        }
        return Locate(place) is { } landmark
            ? new NamedPlace { Landmark = landmark }
            : new NamedPlace { Unplaced = PlaceGazetteer.WithoutRelation(place).Trim() };
    }

    public GeoPoint? Locate(string? place)
    {
        if (string.IsNullOrWhiteSpace(place))
        {
            return null;
        }
        var key = Core(place);
        if (key.Length < 2)
        {
            return null;
        }
        if (cache.TryGetValue(key, out var known))
        {
            return known;
        }
        if (cache.Count >= MaxCachedPlaces)
        {
            cache.Clear();
        }
        return cache[key] = Centre(shop => Mentions(shop.Address, key) || Mentions(shop.Name, key)) ?? NearStation(key);
    }

    /// <summary>
    /// A station no shop mentions ("중앙로역") is usually named after the road or neighbourhood it sits on: look for
    /// addresses on that road ("중앙로 12", "중앙로12길") or in that 동 ("신림역" → 신림동), as whole words, so that
    /// "현풍중앙로" does not count.
    /// </summary>
    private GeoPoint? NearStation(string name)
    {
        if (name.Length < 3 || !name.EndsWith('역'))
        {
            return null;
        }
        var stem = name[..^1];
        return Centre(shop => shop.Address is { } address && address.Split(' ', '(', ')', ',').Any(word => IsOnOrIn(word, stem)));
    }

    private static bool IsOnOrIn(string word, string stem)
    {
        if (!word.StartsWith(stem, StringComparison.Ordinal))
        {
            return false;
        }
        var rest = word.AsSpan(stem.Length);
        return rest.IsEmpty || rest is "동" || rest[0] is >= '0' and <= '9' || rest.StartsWith("길") || rest.StartsWith("번길");
    }

    /// <summary>
    /// A place the user named but no served shop's address or name places on the map ("중앙로역 근처" → "중앙로역"),
    /// so the answer can say so instead of passing far-away shops off as near it; null for places that were found
    /// and for places relative to the user ("근처", "학교 앞").
    /// </summary>
    public string? Unplaced(string? place) =>
        place is not null && Core(place).Length >= 2 && Locate(place) is null ? PlaceGazetteer.WithoutRelation(place).Trim() : null;

    /// <summary>The name itself, without spaces ("강남역 2번 출구 앞" → "강남역"); empty for a place relative to the user.</summary>
    private string Core(string place) =>
        gazetteer.IsRelativeToTheUser(place) ? "" : CueLexicon.Compact(PlaceGazetteer.WithoutRelation(place));

    /// <summary>The middle of the shops that match, or null when none does.</summary>
    private GeoPoint? Centre(Func<ShopRecord, bool> matches)
    {
        var latitudes = new List<double>();
        var longitudes = new List<double>();
        foreach (var shop in catalog.All())
        {
            if (shop.Location is { } point && matches(shop))
            {
                latitudes.Add(point.Latitude);
                longitudes.Add(point.Longitude);
            }
        }
        if (latitudes.Count == 0)
        {
            return null;
        }
        // The median, not the mean: one mis-geocoded shop must not drag the area across town.
        latitudes.Sort();
        longitudes.Sort();
        return new GeoPoint(latitudes[latitudes.Count / 2], longitudes[longitudes.Count / 2]);
    }

    private static bool Mentions(string? text, string compactName) =>
        text is not null && text.Replace(" ", "", StringComparison.Ordinal).Contains(compactName, StringComparison.Ordinal);
}
