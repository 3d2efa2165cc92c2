using System.Text.RegularExpressions;

namespace Naviyam.Lexicons;

/// <summary>
/// Place names users may mention: generic ones (근처, 학교 앞) from <c>data/lexicons/places.json</c> and the
/// districts, neighbourhoods and roads found in the served shops' addresses, so any city's places are known.
/// </summary>
public sealed partial class PlaceGazetteer
{
    private readonly string[] generic;
    private volatile string[] places = [];
    private volatile System.Buffers.SearchValues<string>? placeSearch;

    public PlaceGazetteer(IEnumerable<string> generic)
    {
        this.generic = generic.Select(CueLexicon.Compact).Where(g => g.Length > 0).OrderByDescending(g => g.Length).ToArray();
    }

    public static PlaceGazetteer Load(string path)
    {
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(path));
        var generic = document.RootElement.TryGetProperty("generic", out var list)
            ? list.EnumerateArray().Select(e => e.GetString() ?? "").ToArray()
            : [];
        return new PlaceGazetteer(generic);
    }

    /// <summary>Learns the 시/구/동/읍/면 names of the given addresses (replacing what was learned before).</summary>
    public void LearnAddresses(IEnumerable<string?> addresses)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var address in addresses)
        {
            if (address is null)
            {
                continue;
            }
            foreach (Match match in AdministrativeArea().Matches(address))
            {
                var name = match.Value;
                names.Add(name);
                // People say "관악" for 관악구 and "신림" for 신림동; keep the bare name when it stays specific.
                if (name.Length >= 3)
                {
                    names.Add(name[..^1]);
                }
            }
        }
        names.ExceptWith(CommonWordsThatLookLikePlaces);
        places = names.OrderByDescending(n => n.Length).ThenBy(n => n, StringComparer.Ordinal).ToArray();
        placeSearch = places.Length > 0 ? System.Buffers.SearchValues.Create(places, StringComparison.Ordinal) : null;
    }

    /// <summary>The place the text names, as written: a station, a known area, or a generic "near here".</summary>
    public string? Find(string normalizedText, string compactText)
    {
        foreach (Match station in Station().Matches(normalizedText))
        {
            var name = station.Groups["name"].Value;
            if (!NotStations.Any(word => name.EndsWith(word, StringComparison.Ordinal)))
            {
                return name;
            }
        }
        if (placeSearch is { } search && compactText.AsSpan().IndexOfAny(search) is var at and >= 0)
        {
            // "관악구", or "신림동 쪽": the longest known spelling at the first spot that names a place.
            foreach (var place in places)
            {
                if (compactText.AsSpan(at).StartsWith(place, StringComparison.Ordinal))
                {
                    return place;
                }
            }
        }
        foreach (var phrase in generic)
        {
            if (compactText.Contains(phrase, StringComparison.Ordinal))
            {
                return FindOriginalSpelling(normalizedText, phrase) ?? phrase;
            }
        }
        return null;
    }

    private static string? FindOriginalSpelling(string normalizedText, string compactPhrase)
    {
        // "학교앞" in the lexicon should come back as the user's "학교 앞" when they spaced it.
        for (var start = 0; start < normalizedText.Length; start++)
        {
            var compact = 0;
            for (var end = start; end < normalizedText.Length && compact <= compactPhrase.Length; end++)
            {
                if (normalizedText[end] == ' ')
                {
                    continue;
                }
                if (normalizedText[end] != compactPhrase[compact])
                {
                    break;
                }
                compact++;
                if (compact == compactPhrase.Length)
                {
                    return normalizedText[start..(end + 1)];
                }
            }
        }
        return null;
    }

    private static readonly string[] NotStations = ["지역", "영역", "구역", "전역", "무역", "번역", "반역", "역역", "모역", "대역", "배역"];

    private static readonly HashSet<string> CommonWordsThatLookLikePlaces =
    [
        "친구", "운동", "행동", "자동", "감동", "이동", "활동", "노동", "충동", "아동", "구구", "연구", "가구", "도구",
        "입구", "출구", "요구", "야구", "농구", "배구", "족구", "탁구", "시구", "학동", "동동", "동", "구", "시", "읍", "면",
        "리", "로", "길", "대로", "도로", "경로", "통로", "진로", "특별시", "광역시", "자치시", "도시", "전시", "당시",
    ];

    [GeneratedRegex(@"[가-힣]{1,6}(?:특별자치도|특별자치시|광역시|특별시|시|군|구|동|읍|면)(?=\s|$|,|\()")]
    private static partial Regex AdministrativeArea();

    [GeneratedRegex(@"(?<name>[가-힣A-Za-z0-9]{1,10}역)(?:\s*\d+\s*번\s*출구)?")]
    private static partial Regex Station();
}
