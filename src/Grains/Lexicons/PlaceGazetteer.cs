using System.Text.RegularExpressions;

namespace Naviyam.Lexicons;

/// <summary>
/// Finds the place a message names, as the user wrote it. The vocabulary is data: <c>data/lexicons/places.json</c>
/// (generic phrases such as 근처 and 학교 앞, facilities such as PC방 and 매점, well-known areas and cities) plus the
/// districts and neighbourhoods learned from the served shops' addresses, so any city's places are known. The
/// grammar (stations, exits, distances, "-동/-구/-시장" names, the word before 근처) lives here.
/// </summary>
public sealed partial class PlaceGazetteer
{
    private readonly string[] generic;
    private readonly string[] genericHeads;
    private readonly string[] landmarks;
    private readonly string[] facilities;
    private readonly HashSet<string> relativeToTheUser;
    private volatile string[] places = [];
    private volatile System.Buffers.SearchValues<string>? placeSearch;
    private string[] fromAddresses = [];
    private string[] areaNames = [];

    public PlaceGazetteer(IEnumerable<string> generic, IEnumerable<string>? landmarks = null, IEnumerable<string>? facilities = null)
    {
        var phrases = generic.ToArray();
        this.generic = Compacted(phrases);
        // The heads of generic phrases ("학교" of "학교 앞"): a place only with a word around it ("학교 옆", "학원 바로 앞"),
        // since "학원 끝나고" or "집에 가서" name no place to eat.
        genericHeads = Compacted(phrases.Select(phrase => TrailingRelation().Replace(phrase.Trim(), ""))).Except(this.generic).ToArray();
        this.landmarks = Compacted(landmarks ?? []);
        this.facilities = Compacted(facilities ?? []);
        // Generic phrases, facilities, and the heads of generic phrases ("학교" of "학교 앞", "집" of "집 근처").
        relativeToTheUser = this.generic.Concat(this.facilities)
            .SelectMany(phrase => new[] { phrase, TrailingRelation().Replace(phrase, "") })
            .Where(phrase => phrase.Length > 0)
            .ToHashSet(StringComparer.Ordinal);
    }

    public static PlaceGazetteer Load(string path)
    {
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(path));
        string[] Strings(string name) => document.RootElement.TryGetProperty(name, out var list)
            ? list.EnumerateArray().Select(e => e.GetString() ?? "").ToArray()
            : [];
        return new PlaceGazetteer(Strings("generic"), Strings("landmarks"), Strings("facilities"));
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
        fromAddresses = [.. names];
        Reindex();
    }

    /// <summary>
    /// Learns the names of administrative areas as a gazetteer writes them ("삼도2동", "아라1동", "애월읍", "은평구"),
    /// which addresses rarely spell so (they write the legal 동: 삼도이동). Kept apart from the addresses' names.
    /// </summary>
    public void LearnAreaNames(IEnumerable<string> names)
    {
        areaNames = [.. names.Where(name => !string.IsNullOrWhiteSpace(name)).Select(name => name.Replace(" ", "", StringComparison.Ordinal))];
        Reindex();
    }

    private void Reindex()
    {
        var names = new HashSet<string>(fromAddresses.Concat(areaNames), StringComparer.Ordinal);
        names.ExceptWith(CommonWordsThatLookLikePlaces);
        places = names.OrderByDescending(n => n.Length).ThenBy(n => n, StringComparer.Ordinal).ToArray();
        placeSearch = places.Length > 0 ? System.Buffers.SearchValues.Create(places, StringComparison.Ordinal) : null;
    }

    /// <summary>
    /// True for a place that is wherever the user is ("근처", "학교 앞", "PC방 옆", "동네"): a generic phrase or a
    /// facility of the lexicon or the head of one, with or without the word that places something around it. Only the user's own location
    /// can place these on a map.
    /// </summary>
    public bool IsRelativeToTheUser(string place) =>
        relativeToTheUser.Contains(CueLexicon.Compact(place)) || relativeToTheUser.Contains(CueLexicon.Compact(WithoutRelation(place)));

    /// <summary>The place without the words that say where around it: "강남역 2번 출구 앞" → "강남역", "관악구 쪽" → "관악구".</summary>
    public static string WithoutRelation(string place) => TrailingRelation().Replace(place.Trim(), "");

    /// <summary>
    /// The place the text names, without particles and without 이/우리/여기. Named places (a station and its exit,
    /// a distance, a district, a landmark, a facility) beat generic ones (근처, 동네); among named places the first
    /// one wins, except that a broader name right before a narrower one gives way to it ("대구 동성로" → 동성로).
    /// <paramref name="isFood"/> rules out dishes that look like places (카츠동, 슬러시).
    /// </summary>
    public string? Find(string normalizedText, string compactText, Func<string, bool>? isFood = null)
    {
        var named = new List<Candidate>();
        foreach (Match station in Station().Matches(normalizedText))
        {
            var name = station.Groups["name"].Value;
            if (!NotStations.Contains(name) && !NotStationEndings.Any(word => name.Length == word.Length + 1 && name.EndsWith(word, StringComparison.Ordinal)))
            {
                named.Add(new Candidate(station.Index, station.Value.TrimEnd()));
            }
        }
        foreach (Match distance in Distance().Matches(normalizedText))
        {
            named.Add(new Candidate(distance.Index, distance.Value.Trim()));
        }
        if (placeSearch is { } search && compactText.AsSpan().IndexOfAny(search) >= 0)
        {
            // "관악구", or "신림동 쪽": known spellings of the served city's areas, as whole words; all of them, so that
            // "대구 중구" gives 중구 after 대구 for Choose to prefer.
            foreach (var place in places)
            {
                if (compactText.Contains(place, StringComparison.Ordinal) && FindWord(normalizedText, place) is { } found)
                {
                    named.Add(found);
                }
            }
        }
        foreach (Match area in NamedPlace().Matches(normalizedText))
        {
            var name = area.Groups["name"].Value.Trim();
            if (!CommonWordsThatLookLikePlaces.Contains(name) && isFood?.Invoke(name) != true)
            {
                named.Add(new Candidate(area.Index, name));
            }
        }
        AddWords(named, normalizedText, compactText, landmarks);
        foreach (var facility in facilities)
        {
            if (compactText.Contains(facility, StringComparison.Ordinal) && FindWord(normalizedText, facility) is { } found)
            {
                // "PC방 옆", "피시방 근처": a facility keeps the word that places the food around it.
                var relation = Relation().Match(normalizedText, found.End);
                named.Add(relation.Success ? found with { Text = normalizedText[found.Start..(relation.Index + relation.Length)] } : found);
            }
        }

        if (Choose(named) is { } chosen)
        {
            return chosen;
        }
        if (BeforeNear().Match(normalizedText) is { Success: true } near && IsPlaceLikeWord(near.Groups["name"].Value, isFood))
        {
            // "코엑스 근처" → 코엑스, but "학원 근처" stays whole: 학원 alone says nothing about where.
            var name = near.Groups["name"].Value;
            return relativeToTheUser.Contains(CueLexicon.Compact(name)) ? near.Value.Trim() : name;
        }
        var generics = new List<Candidate>();
        AddWords(generics, normalizedText, compactText, generic);
        foreach (var head in genericHeads)
        {
            if (compactText.Contains(head, StringComparison.Ordinal) && FindWord(normalizedText, head) is { } found
                && Relation().Match(normalizedText, found.End) is { Success: true } relation)
            {
                generics.Add(found with { Text = normalizedText[found.Start..(relation.Index + relation.Length)] });
            }
        }
        if (generics.OrderBy(c => c.Start).ThenByDescending(c => c.Text.Length).FirstOrDefault() is not { } genericPlace)
        {
            return null;
        }
        // "학원 근처", "학교 옆": a generic place keeps the word that says where around it (a named one does not).
        var around = Relation().Match(normalizedText, genericPlace.End);
        return around.Success ? normalizedText[genericPlace.Start..(around.Index + around.Length)].TrimEnd() : genericPlace.Text;
    }

    private static string? Choose(List<Candidate> candidates)
    {
        if (candidates.Count == 0)
        {
            return null;
        }
        candidates.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Text.Length.CompareTo(a.Text.Length));
        var chosen = candidates[0];
        foreach (var next in candidates.Skip(1))
        {
            // "대구 동성로", "은평구 연신내", "전주 한옥마을": the narrower name right after the broader one.
            if (next.Start > chosen.Start && next.Start <= chosen.End + 1 && next.End > chosen.End)
            {
                chosen = next;
            }
        }
        return chosen.Text;
    }

    private static void AddWords(List<Candidate> into, string normalizedText, string compactText, string[] compactWords)
    {
        foreach (var word in compactWords)
        {
            if (compactText.Contains(word, StringComparison.Ordinal) && FindWord(normalizedText, word) is { } found)
            {
                into.Add(found);
            }
        }
    }

    /// <summary>A word before 근처 that names a place: not a shop or food ("김밥집 근처에 있어?" asks for 근처), not a verb.</summary>
    private static bool IsPlaceLikeWord(string word, Func<string, bool>? isFood) =>
        !NotPlacesBeforeNear.Any(suffix => word.EndsWith(suffix, StringComparison.Ordinal))
        && !VerbEndings.Contains(word[^1])
        && isFood?.Invoke(word) != true;

    /// <summary>
    /// "학교앞" in the lexicon comes back as the user's "학교 앞" when they spaced it. It must be a whole word,
    /// optionally followed by a particle: "빙수집 근처" is not "집 근처", and "학원 가기" is not "학원가".
    /// </summary>
    private static Candidate? FindWord(string normalizedText, string compactPhrase)
    {
        for (var start = 0; start < normalizedText.Length; start++)
        {
            if (normalizedText[start] == ' ' || start > 0 && char.IsLetterOrDigit(normalizedText[start - 1]))
            {
                continue;
            }
            var matched = 0;
            for (var end = start; end < normalizedText.Length; end++)
            {
                if (normalizedText[end] == ' ')
                {
                    continue;
                }
                if (char.ToUpperInvariant(normalizedText[end]) != char.ToUpperInvariant(compactPhrase[matched]))
                {
                    break;
                }
                matched++;
                if (matched == compactPhrase.Length)
                {
                    if (EndsWord(normalizedText, end + 1))
                    {
                        return new Candidate(start, normalizedText[start..(end + 1)]);
                    }
                    break;
                }
            }
        }
        return null;
    }

    private static readonly string[] Particles =
        ["에서", "에선", "에", "엔", "서", "은", "는", "이", "가", "도", "로", "으로", "쪽", "의", "인데", "이야", "까지", "부터", "이랑", "랑", "근처", "주변", "앞", "옆", "뒤", "안"];

    private static bool EndsWord(string text, int index) =>
        index >= text.Length || !char.IsLetterOrDigit(text[index])
        || Particles.Any(particle => text.AsSpan(index).StartsWith(particle));

    // Lower-case, as the normalizer leaves the text: "PC방" in the lexicon must meet "pc방" in a message.
    private static string[] Compacted(IEnumerable<string> phrases) =>
        phrases.Select(phrase => CueLexicon.Compact(phrase).ToLowerInvariant()).Where(p => p.Length > 0).Distinct().OrderByDescending(p => p.Length).ToArray();

    private sealed record Candidate(int Start, string Text)
    {
        public int End => Start + Text.Length;
    }

    // Shops, foods and generic heads are not places of their own before 근처.
    private static readonly string[] NotPlacesBeforeNear =
    [
        "집", "가게", "식당", "매장", "가맹점", "카페", "편의점", "점", "역", "공원", "놀이터", "정류장", "여기", "거기", "저기",
        "우리", "데", "곳", "거", "것", "카드", "천국", "리아", "밥", "빵", "위치", "동네",
        // Time and filler words: "지금 근처에 떡볶이집" asks for 근처.
        "지금", "오늘", "내일", "당장", "일단", "바로", "그냥", "진짜", "혹시", "아까", "이따",
    ];

    // Verb and interjection endings: "위치 켰어 근처", "길 잃음 근처", "꼬르륵 근처".
    private static readonly HashSet<char> VerbEndings =
        ['어', '아', '음', '요', '다', '지', '고', '서', '니', '네', '해', '함', '임', '야', '륵', '게', '죠', '까', '래', '파', '한', '랑', '도', '는', '은', '를', '을', '로', '와', '과', '에'];

    private static readonly string[] NotStations = ["지역", "영역", "구역", "전역", "무역", "번역", "반역", "역역", "모역", "대역", "배역"];

    // "이 지역", "전 영역" written together; not "대전역" or "부전역", which are stations.
    private static readonly string[] NotStationEndings = ["지역", "영역", "구역", "무역", "번역", "반역"];

    private static readonly HashSet<string> CommonWordsThatLookLikePlaces =
    [
        "친구", "운동", "행동", "자동", "감동", "이동", "활동", "노동", "충동", "아동", "구구", "연구", "가구", "도구",
        "입구", "출구", "요구", "야구", "농구", "배구", "족구", "탁구", "시구", "학동", "동동", "동", "구", "시", "읍", "면",
        "리", "로", "길", "대로", "도로", "경로", "통로", "진로", "특별시", "광역시", "자치시", "도시", "전시", "당시",
        "누구", "식구", "문구", "기구", "완구", "지구", "공구", "창구", "우동", "출동", "작동", "공동", "소동", "난동", "변동",
        "혹시", "역시", "잠시", "다시", "몇시", "표시", "지시", "무시", "항시", "마을", "광장", "단지", "골목", "미식축구",
        "먹자골목", "시장", "터미널", "사거리", "삼거리", "오거리", "어느동", "무슨동", "우리동", "어느구", "무슨구", "슬러시",
    ];

    [GeneratedRegex(@"[가-힣]{1,6}(?:특별자치도|특별자치시|광역시|특별시|시|군|구|동|읍|면|리)(?=\s|$|,|\(|\))")]
    private static partial Regex AdministrativeArea();

    // "강남역", "사당역 4번 출구", "의정부역 앞".
    [GeneratedRegex(@"(?<name>[가-힣A-Za-z0-9]{1,10}역)(?:\s*\d+\s*번\s*출구)?(?:\s*(?:앞|옆|건너편)(?=\s|$|에))?")]
    private static partial Regex Station();

    // How far, said as a place: "2번 출구", "1km", "500m 안", "버스 3정거장", "5분 거리", "걸어서 10분 안쪽".
    [GeneratedRegex(@"(?<![\d.])(?:\d+\s*번\s*출구|\d+(?:\.\d+)?\s*(?:km|킬로|미터|m)(?![a-z])(?:\s*안(?:쪽)?(?=\s|$|에|으로))?|(?:버스\s*)?(?:\d+|한|두|세)\s*정거장|(?:(?:걸어서|자전거로|버스로|차로)\s*)?\d+\s*분\s*거리|(?:걸어서|자전거로)\s*\d+\s*분\s*(?:안쪽|이내|안)?|(?<![가-힣])\d+\s*층(?=\s*에))", RegexOptions.IgnoreCase)]
    private static partial Regex Distance();

    // Any city's districts, markets and landmarks by their suffix ("성수동", "아라1동", "제주시", "광장시장", "종로 3가"). Single
    // administrative suffixes need three letters: two-letter words ending in 동/구/시 are mostly not places (우동, 축구).
    [GeneratedRegex(@"(?<![가-힣A-Za-z0-9])(?<name>[가-힣]{2,6}(?:동|구|군|읍)|[가-힣]{1,5}\d{1,2}동|[가-힣]{1,6}\s?(?:시장|터미널|사거리|삼거리|오거리|먹자골목|마을|광장|단지|타운|골목)|[가-힣]{2,6}시|[가-힣]{1,4}\s?\d가)(?=\s|$|에|에서|쪽|근처|주변|앞|[,.?!~])")]
    private static partial Regex NamedPlace();

    // The words after a place that say where around it: "학교 앞", "PC방 옆", "강남역 2번 출구 쪽".
    [GeneratedRegex(@"(?:\s*(?:\d+\s*번\s*출구|근처|주변|부근|인근|쪽|앞|옆|뒤|건너편|맞은편|안|\d+\s*층))+\s*$")]
    private static partial Regex TrailingRelation();

    // Where something is relative to a facility.
    [GeneratedRegex(@"\G\s*(?:바로\s*)?(?:근처|주변|앞|옆|뒤|건너편|맞은편|\d+\s*층)")]
    private static partial Regex Relation();

    // The word right before 근처/주변/부근: "코엑스 근처", "롯데월드 주변".
    [GeneratedRegex(@"(?<![가-힣A-Za-z0-9])(?<name>[가-힣A-Za-z0-9]{2,10})\s*(?:근처|주변|부근|인근)")]
    private static partial Regex BeforeNear();
}
