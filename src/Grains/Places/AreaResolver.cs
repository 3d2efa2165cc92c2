using System.Collections.Concurrent;
using System.Text;
using Naviyam.Shops;

namespace Naviyam.Places;

/// <summary>
/// Turns a place as a user writes it ("은평구에서", "아라동 쪽", "삼도이동 근처", "애월", "대구 중구", "수원 팔달구",
/// "신월동", "종로 3가") into an <see cref="Area"/>. Earlier words narrow the last one (시도, 시군구, city, 읍·면);
/// the last word is read by its suffix — 시도, 시군구, city, 읍면동 or 가 in any spelling, 리 — and a bare word
/// (은평, 애월, 신림) as a 시도 if it is one, else at every level below that knows it. A name several areas share is
/// decided by the user's location (the nearest), else by the region the served shops are clearly in, else by the
/// one area of the name that holds served shops, else reported as ambiguous.
/// </summary>
/// <remarks>
/// Only named places belong here: phrases relative to the user ("근처", "학교 앞", "PC방 옆") are told apart first
/// (<c>PlaceGazetteer.IsRelativeToTheUser</c>), since a common word can be a real area's name (함평군 학교면).
/// </remarks>
public sealed class AreaResolver
{
    private const int MaxCachedPhrases = 10_000;

    // How many times more served shops a region must hold than the next to decide a name alone.
    private const int RegionDominance = 10;

    // Words after the place that say where around it ("아라동 쪽", "애월 근처").
    private static readonly HashSet<string> Relations = new(StringComparer.Ordinal)
    {
        "근처", "주변", "부근", "인근", "근방", "일대", "쪽", "쪽에", "쪽에서", "쪽으로", "방면", "앞", "옆", "뒤", "안", "안쪽", "가까운", "가까이", "근처에서", "근처에",
    };

    // Endings glued to the place ("은평구에서", "아라동쪽", "애월근처"), longest first; the word itself is tried first.
    private static readonly string[] Endings =
    [
        "근처에서", "쪽에서는", "에서는", "에서도", "쪽에서", "근처에", "쪽으로", "에서", "에선", "에는", "에도", "으로", "쪽에",
        "근처", "주변", "부근", "쪽", "에", "로", "은", "는", "이", "가", "도", "의", "까지", "부터", "이랑", "랑",
    ];

    private readonly AdminAreas areas;
    private readonly LegalAreas legal;
    private readonly Func<Area, bool>? served;
    private readonly Func<Area, int>? servedInRegion;
    private readonly ConcurrentDictionary<string, IReadOnlyList<Area>> cache = new(StringComparer.Ordinal);

    /// <param name="legal">Legal 동 and 리 learned from the served shops' addresses.</param>
    /// <param name="served">Whether any served shop lies in an area: decides a name several cities share.</param>
    /// <param name="servedInRegion">
    /// How many served shops lie in the area's 시군구 (or 시도): decides when no area of the name holds a shop itself
    /// (서귀포시 중앙동, whose shops' addresses name its legal 동s, against the 중앙동s of cities where a merchant list
    /// places only a misfiled shop or none).
    /// </param>
    public AreaResolver(AdminAreas areas, LegalAreas? legal = null, Func<Area, bool>? served = null, Func<Area, int>? servedInRegion = null)
    {
        this.areas = areas;
        this.legal = legal ?? LegalAreas.Empty;
        this.served = served;
        this.servedInRegion = servedInRegion;
    }

    /// <summary>The area the phrase names; <paramref name="near"/> (the user's location) decides between several.</summary>
    public AreaResolution Resolve(string? phrase, GeoPoint? near = null)
    {
        if (string.IsNullOrWhiteSpace(phrase))
        {
            return AreaResolution.None;
        }
        if (!cache.TryGetValue(phrase, out var candidates))
        {
            if (cache.Count >= MaxCachedPhrases)
            {
                cache.Clear();
            }
            cache[phrase] = candidates = Candidates(phrase);
        }
        return Choose(candidates, near);
    }

    private AreaResolution Choose(IReadOnlyList<Area> candidates, GeoPoint? near)
    {
        if (candidates.Count <= 1)
        {
            return candidates.Count == 0 ? AreaResolution.None : new AreaResolution(candidates[0], candidates);
        }
        if (near is { IsValid: true } user)
        {
            return new AreaResolution(candidates.MinBy(area => area.Point.DistanceMetersTo(user)), candidates);
        }
        if (servedInRegion is not null)
        {
            // The region the list serves, clearly: far more shops there than where any other area of the name lies. This
            // comes first: one misfiled shop (a Seoul address in the Jeju list) must not make its 중앙동 the one meant.
            var ranked = candidates.Select(area => (Area: area, Shops: servedInRegion(area))).OrderByDescending(c => c.Shops).ToList();
            if (ranked[0].Shops > 0 && ranked[0].Shops >= RegionDominance * ranked[1].Shops)
            {
                return new AreaResolution(ranked[0].Area, candidates);
            }
        }
        if (served is not null && candidates.Where(served).Take(2).ToList() is [var only])
        {
            return new AreaResolution(only, candidates);
        }
        return new AreaResolution(null, candidates);
    }

    private IReadOnlyList<Area> Candidates(string phrase)
    {
        var words = Words(phrase);
        if (words.Count == 0)
        {
            return [];
        }
        var context = new Context();
        for (var i = 0; i < words.Count - 1; i++)
        {
            Narrow(context, words[i]);
        }
        foreach (var variant in Variants(words[^1]))
        {
            if (Target(variant, context) is { Count: > 0 } found)
            {
                return found.Distinct().ToList();
            }
        }
        return [];
    }

    /// <summary>A word before the place that says where it is: a 시도, 시군구, city or 읍·면.</summary>
    private void Narrow(Context context, string word)
    {
        if (context.SidoId < 0 && areas.FindSido(word) is >= 0 and var sido)
        {
            context.SidoId = sido;
            return;
        }
        var sigungus = Sigungus(word, context);
        if (sigungus.Count > 0)
        {
            context.Sigungus = sigungus;
            return;
        }
        if (Cities(word, context) is [var city])
        {
            context.Sigungus = city.SigunguIds;
            return;
        }
        if (areas.ParseDongName(word) is { IsEupOrMyeon: true } eupmyeon)
        {
            context.Eupmyeon = eupmyeon;
        }
    }

    /// <summary>
    /// The areas the last word names, at the level its suffix says; a bare word (은평, 애월, 신림, 남원) at every level
    /// below 시도 that knows it, so that 남원 is 남원시 or 남원읍 as the user's location or the served shops say.
    /// Within a 시군구, a name that spells an administrative 읍면동 beats a legal one that only falls inside it.
    /// </summary>
    private List<Area> Target(string word, Context context)
    {
        if (context.SidoId < 0 && context.Sigungus is null && areas.FindSido(word) is >= 0 and var sido)
        {
            return [areas.AreaOf(sido)];
        }
        var found = new List<(Area Area, int Rank)>();
        var suffixed = HasAreaSuffix(word);
        if (word[^1] is '시' or '군' or '구' || !suffixed)
        {
            found.AddRange(Sigungus(word, context).Select(id => (areas.AreaOf(id), 0)));
            found.AddRange(Cities(word, context).Select(city => (areas.AreaOf(city), 0)));
        }
        else if (word.Length >= 2 && areas.FindSigungusByStem(word, context.SidoId) is { Count: > 0 } stems)
        {
            // "강동", "성동", "남동": a 구 without its suffix, though the word ends like a 동.
            found.AddRange(stems.Where(id => context.Sigungus?.Contains(id) != false).Select(id => (areas.AreaOf(id), 0)));
        }
        if (suffixed && found.Count == 0 && areas.ParseDongName(word) is { } name)
        {
            if (name.Unit == '리')
            {
                return Ris(word, context).ToList() is { Count: > 0 } ris ? ris : Eupmyeon(context);
            }
            found.AddRange(Dongs(name, word, context));
        }
        else if (!suffixed && word.Length >= 2)
        {
            // 애월 → 애월읍, 한림 → 한림읍 or 김해시 한림면, 신림 → 신림동 or 신림면.
            found.AddRange(Dongs(new DongName(word, 0, 0, '읍'), word + "읍", context));
            found.AddRange(Dongs(new DongName(word, 0, 0, '면'), word + "면", context));
            if (areas.ParseDongName(word + "동") is { } dong)
            {
                found.AddRange(Dongs(dong, word + "동", context));
            }
        }
        // Within one 시군구 the name's best reading wins. Across 시군구, an area the name spells (rank 0) or spans (rank 1)
        // is as good as another: 목동 is 대전 중구's 목동 and 양천구's 목1동 … 목5동 alike, for the user's location or the
        // served shops to decide; only a 동 the name merely lies inside (rank 2) gives way to those.
        var best = found.Count == 0 ? 0 : Math.Max(found.Min(f => f.Rank), 1);
        return [.. found.Where(f => f.Rank <= best).GroupBy(f => f.Area.SigunguId).SelectMany(g => g.Where(f => f.Rank == g.Min(x => x.Rank))).Select(f => f.Area)];
    }

    /// <summary>
    /// The 읍면동-level areas a name is in each 시군구 that has it, ranked: 0 for the administrative 읍면동 it spells;
    /// 1 for the administrative 읍면동 a legal name spans (신월동) or, for a legal name the gazetteer lacks or holds only
    /// as part of a larger 읍면동 (법환동, 아라일동), the legal 동 learned from the served shops' addresses; 2 for the
    /// larger administrative 읍면동 when no shop's address names the legal part.
    /// </summary>
    private IEnumerable<(Area Area, int Rank)> Dongs(DongName name, string written, Context context)
    {
        var sigungus = context.Sigungus ?? areas.SigungusWithDong(name).Concat(legal.Named(name).Select(a => a.SigunguId)).Distinct().ToList();
        foreach (var sigunguId in sigungus)
        {
            if (context.SidoId >= 0 && areas[sigunguId].SidoId != context.SidoId)
            {
                continue;
            }
            var match = areas.MatchDong(name, sigunguId);
            if (match.Kind == DongMatchKind.Exact && match.DongIds is [var exact])
            {
                yield return (areas.AreaOf(exact), 0);
            }
            else if (match.Kind is DongMatchKind.Exact or DongMatchKind.Spans)
            {
                yield return (areas.FamilyArea(sigunguId, written, match.DongIds), 1);
            }
            else if (legal.Find(sigunguId, name) is { } learned)
            {
                yield return (learned, 1);
            }
            else if (match.DongIds is [var within])
            {
                yield return (areas.AreaOf(within), 2);
            }
        }
    }

    /// <summary>
    /// A 리 no served shop's address names ("애월읍 고성리" while only 성산읍's 고성리 has shops) is searched as the
    /// 읍 or 면 the user named with it: the smallest known area that holds it, whose name the reply then says.
    /// </summary>
    private List<Area> Eupmyeon(Context context)
    {
        if (context.Eupmyeon is not { } eupmyeon)
        {
            return [];
        }
        return [.. Dongs(eupmyeon, eupmyeon.ToString(), context).Where(d => d.Rank == 0).Select(d => d.Area)];
    }

    private IEnumerable<Area> Ris(string ri, Context context) =>
        legal.Ris(ri).Where(area =>
            (context.SidoId < 0 || area.SidoId == context.SidoId)
            && (context.Sigungus is null || context.Sigungus.Contains(area.SigunguId))
            && (context.Eupmyeon is not { } eupmyeon || area.EupmyeonId >= 0 && areas.ParseDongName(areas[area.EupmyeonId].Name) == eupmyeon));

    private IReadOnlyList<int> Sigungus(string word, Context context)
    {
        var found = areas.FindSigungus(word, context.SidoId);
        if (found.Count == 0 && !HasAreaSuffix(word) && word.Length >= 2)
        {
            found = areas.FindSigungusByStem(word, context.SidoId);
        }
        return context.Sigungus is null ? found : found.Where(context.Sigungus.Contains).ToList();
    }

    private IReadOnlyList<City> Cities(string word, Context context) =>
        context.Sigungus is null && (word[^1] == '시' || !HasAreaSuffix(word)) ? areas.FindCities(word, context.SidoId) : [];

    private static bool HasAreaSuffix(string word) => word[^1] is '시' or '군' or '구' or '동' or '가' or '읍' or '면' or '리';

    /// <summary>
    /// The word, then the word without each ending glued to it ("은평구에서" → 은평구). A road is no place with a
    /// particle: "동성로" stays whole unless what is left names an area by its suffix ("은평구로" → 은평구).
    /// </summary>
    private static IEnumerable<string> Variants(string word)
    {
        yield return word;
        foreach (var ending in Endings)
        {
            if (word.Length > ending.Length + 1 && word.EndsWith(ending, StringComparison.Ordinal)
                && (ending is not ("로" or "으로") || HasAreaSuffix(word[..^ending.Length])))
            {
                yield return word[..^ending.Length];
            }
        }
    }

    /// <summary>The words of the phrase without punctuation and the relation words after the place; "삼도 2동" joined.</summary>
    private static List<string> Words(string phrase)
    {
        var text = phrase.IsNormalized(NormalizationForm.FormKC) ? phrase : phrase.Normalize(NormalizationForm.FormKC);
        var words = new List<string>(4);
        foreach (var raw in text.Split([' ', '\t', ',', '.', '!', '?', '~', '(', ')', '"', '\''], StringSplitOptions.RemoveEmptyEntries))
        {
            if (words.Count > 0 && Relations.Contains(raw))
            {
                continue;
            }
            if (words.Count > 0 && Variants(raw).Any(DongName.IsNumberWrittenApart))
            {
                words[^1] += raw;
                continue;
            }
            words.Add(raw);
        }
        return words;
    }

    private sealed class Context
    {
        public int SidoId { get; set; } = -1;

        public IReadOnlyList<int>? Sigungus { get; set; }

        public DongName? Eupmyeon { get; set; }
    }
}
