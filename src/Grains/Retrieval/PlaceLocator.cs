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
        return cache[key] = Centre(key);
    }

    /// <summary>The name itself, without spaces ("강남역 2번 출구 앞" → "강남역"); empty for a place relative to the user.</summary>
    private string Core(string place) =>
        gazetteer.IsRelativeToTheUser(place) ? "" : CueLexicon.Compact(PlaceGazetteer.WithoutRelation(place));

    private GeoPoint? Centre(string name)
    {
        var latitudes = new List<double>();
        var longitudes = new List<double>();
        foreach (var shop in catalog.All())
        {
            if (shop.Location is { } point && (Mentions(shop.Address, name) || Mentions(shop.Name, name)))
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
