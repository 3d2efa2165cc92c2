using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Naviyam.Catalog;
using Naviyam.Shops;

namespace Naviyam.Retrieval;

/// <summary>
/// Places a place the user named ("신림동", "관악구 쪽", "노형동 근처") on the map: the middle of the served shops
/// whose address or name carries that name. A user without location sharing can still ask for food "in 신림동";
/// generic phrases (근처, 학교 앞) and places no shop mentions stay unplaced, and the bot asks where they are.
/// </summary>
public sealed partial class PlaceLocator
{
    private const int MaxCachedPlaces = 10_000;

    private readonly IShopCatalog catalog;
    private readonly ConcurrentDictionary<string, GeoPoint?> cache = new(StringComparer.Ordinal);

    public PlaceLocator(IShopCatalog catalog)
    {
        this.catalog = catalog;
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

    /// <summary>The name itself: "강남역 2번 출구 앞" → "강남역", "PC방 옆" → "PC방", "관악구 쪽" → "관악구".</summary>
    private static string Core(string place)
    {
        var core = place.Trim();
        for (var stripped = Relation().Replace(core, ""); stripped != core; stripped = Relation().Replace(core, ""))
        {
            core = stripped;
        }
        core = core.Replace(" ", "", StringComparison.Ordinal);
        return RelativeToTheUser.Contains(core) ? "" : core;
    }

    // Places that are wherever the user is: only the user's own location can place them.
    private static readonly HashSet<string> RelativeToTheUser = new(StringComparer.Ordinal)
    {
        "근처", "주변", "동네", "학교", "학원", "집", "여기", "역", "정문", "후문", "교문", "놀이터", "공원", "도서관", "정류장",
        "버스정류장", "현재위치", "현위치", "내위치", "지금위치", "상가", "아파트상가", "시장", "터미널", "사거리", "삼거리", "오거리",
        "시내", "번화가", "먹자골목", "매점", "학교매점",
    };

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

    [GeneratedRegex(@"\s*(?:\d+\s*번\s*출구|근처|주변|부근|인근|쪽|앞|옆|뒤|건너편|맞은편|안|\d+\s*층)\s*$")]
    private static partial Regex Relation();
}
