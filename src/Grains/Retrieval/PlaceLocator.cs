using System.Collections.Concurrent;
using Naviyam.Catalog;
using Naviyam.Lexicons;
using Naviyam.Shops;

namespace Naviyam.Retrieval;

/// <summary>
/// Places a place the user named ("신림동", "관악구 쪽", "노형동 근처") on the map: the middle of the served shops
/// whose address or name carries that name. A user without location sharing can still ask for food "in 신림동";
/// generic phrases (근처, 학교 앞) and places no shop mentions stay unplaced, and the bot asks where they are.
/// </summary>
public sealed class PlaceLocator
{
    private const int MaxCachedPlaces = 10_000;

    private readonly IShopCatalog catalog;
    private readonly PlaceGazetteer gazetteer;
    private readonly ConcurrentDictionary<string, GeoPoint?> cache = new(StringComparer.Ordinal);

    public PlaceLocator(IShopCatalog catalog, PlaceGazetteer gazetteer)
    {
        this.catalog = catalog;
        this.gazetteer = gazetteer;
        catalog.Changed += cache.Clear;
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
