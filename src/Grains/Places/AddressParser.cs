using System.Collections.Concurrent;
using System.Text;

namespace Naviyam.Places;

/// <summary>
/// Reads Korean addresses of any city, road or lot, into a <see cref="ParsedAddress"/>: "대구 달서구 이곡공원로 24",
/// "서울 영등포구 대림로22길 33, 101호 （대림동）", "제주특별자치도 서귀포시 법환동 1217-1 1층", "이곡동 1248",
/// "제주시 애월읍 고성리 123", "경기 수원시 팔달구 …". The parts come in a fixed order (시도, 시군구, 읍면동, 리,
/// road or lot number), so the reader walks the words once and stops at the first that is none of them; whatever
/// follows (numbers, floors, building names) is noise. A road address names its legal 동 in the reference in
/// parentheses. No regular expression: this runs once per shop over lists of 100,000 shops. Written names are interned.
/// </summary>
public sealed class AddressParser(AdminAreas areas)
{
    private readonly ConcurrentDictionary<string, string> names = new(StringComparer.Ordinal);

    public ParsedAddress Parse(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return ParsedAddress.Empty;
        }
        var (words, reference) = Words(address);
        var next = 0;
        var sidoId = next < words.Count ? areas.FindSido(words[next]) : -1;
        if (sidoId >= 0)
        {
            next++;
        }
        var (sigunguId, city, ambiguous) = ReadSigungu(words, ref next, sidoId);
        if (sigunguId < 0 && city is null && ambiguous is null && sidoId >= 0 && SoleSigungu(sidoId) is >= 0 and var sole)
        {
            sigunguId = sole; // 세종특별자치시 has no 시군구 of its own name in addresses.
        }

        DongName? dong = null;
        string? dongWritten = null;
        string? ri = null;
        string? road = null;
        if (next + 1 < words.Count && DongName.IsNumberWrittenApart(words[next + 1]) && areas.ParseDongName(words[next]) is null
            && (!IsRoad(words[next]) || areas.IsKnownStem(words[next])))
        {
            // "삼도 2동", "종로 1가": the number written apart from its name (종로 is also a road; 대림로 only a road).
            words[next] += words[next + 1];
            words.RemoveAt(next + 1);
        }
        if (next < words.Count && areas.ParseDongName(words[next]) is { Unit: not '리' } named)
        {
            (dong, dongWritten) = (named, words[next++]);
            if (named.IsEupOrMyeon && next < words.Count && areas.ParseDongName(words[next]) is { Unit: '리' })
            {
                ri = Intern(words[next++]);
            }
        }
        else if (next < words.Count && IsRoad(words[next]))
        {
            road = Intern(words[next]);
        }
        if (dong is null)
        {
            // "（대림동）", "(신정동, 협승빌딩)": the first word of the reference that is an area name.
            foreach (var word in reference)
            {
                if (areas.ParseDongName(word) is { Unit: not '리' } referenced)
                {
                    (dong, dongWritten) = (referenced, word);
                    break;
                }
            }
        }

        var match = DongMatch.None;
        if (dong is { } name)
        {
            dong = name with { Stem = Intern(name.Stem) };
            (sigunguId, match) = LocateDong(name, sidoId, sigunguId, city, ambiguous);
            if (sigunguId >= 0)
            {
                city = null;
            }
        }
        if (sigunguId >= 0 && sidoId < 0)
        {
            sidoId = areas[sigunguId].SidoId;
        }
        return new ParsedAddress
        {
            SidoId = sidoId,
            SigunguId = sigunguId,
            City = city,
            Dong = dong,
            DongWritten = dongWritten is null ? null : Intern(dongWritten),
            DongMatch = match,
            Ri = ri,
            Road = road,
        };
    }

    /// <summary>
    /// The 시군구 at <paramref name="next"/>: "은평구", "수원시 팔달구", "팔달구", a city alone ("수원시"), a 구 many
    /// cities have ("중구" without a 시도: ambiguous, left for the 동 to decide), and a 구 since abolished after its
    /// city ("부천시 원미구" → 부천시).
    /// </summary>
    private (int SigunguId, City? City, IReadOnlyList<int>? Ambiguous) ReadSigungu(List<string> words, ref int next, int sidoId)
    {
        if (next >= words.Count)
        {
            return (-1, null, null);
        }
        var word = words[next];
        var following = next + 1 < words.Count && words[next + 1].EndsWith('구') ? words[next + 1] : null;
        if (following is not null && areas.FindSigungus(word + following, sidoId) is [var cityDistrict])
        {
            next += 2;
            return (cityDistrict, null, null);
        }
        var found = areas.FindSigungus(word, sidoId);
        if (found.Count == 1)
        {
            next++;
            if (following is not null && areas[found[0]].Sigungu!.EndsWith('시') && areas.ParseDongName(following) is null)
            {
                next++;
            }
            return (found[0], null, null);
        }
        if (found.Count > 1)
        {
            next++;
            return (-1, null, found);
        }
        if (word.EndsWith('시') && areas.FindCities(word, sidoId) is [var city])
        {
            next++;
            return (-1, city, null);
        }
        return (-1, null, null);
    }

    /// <summary>
    /// The 시군구 and administrative 읍면동 of a written 동. Without a known 시군구 the 동 decides it when only one
    /// candidate 시군구 has it: "수원시 인계동" → 팔달구, "이곡동 1248" → 대구 달서구, "중구 명동" → 서울 중구.
    /// </summary>
    private (int SigunguId, DongMatch Match) LocateDong(DongName name, int sidoId, int sigunguId, City? city, IReadOnlyList<int>? ambiguous)
    {
        if (sigunguId >= 0)
        {
            return (sigunguId, areas.MatchDong(name, sigunguId));
        }
        IEnumerable<int> candidates = city?.SigunguIds ?? ambiguous ?? areas.SigungusWithDong(name);
        if (sidoId >= 0)
        {
            candidates = candidates.Where(id => areas[id].SidoId == sidoId);
        }
        var located = candidates.Select(id => (Id: id, Match: areas.MatchDong(name, id))).Where(c => !c.Match.IsEmpty).Take(2).ToList();
        return located is [var only] ? only : (-1, DongMatch.None);
    }

    private int SoleSigungu(int sidoId)
    {
        var found = -1;
        foreach (var sigungu in areas.Sigungus)
        {
            if (sigungu.SidoId == sidoId)
            {
                if (found >= 0)
                {
                    return -1;
                }
                found = sigungu.Id;
            }
        }
        return found;
    }

    /// <summary>"이곡공원로", "대림로22길", "고산로13번길", "테헤란로": a road of a road address.</summary>
    private static bool IsRoad(string word) =>
        word.Length >= 2 && DongName.IsHangulSyllable(word[0]) && word[^1] is '로' or '길';

    /// <summary>
    /// The words of the address and, apart, those of its parenthesised reference. Full-width forms ("（대림동）") are
    /// folded first; commas separate words.
    /// </summary>
    private static (List<string> Words, List<string> Reference) Words(string address)
    {
        // Only full-width forms, the ideographic space and decomposed Hangul (jamo) need folding; composed syllables
        // are already what the gazetteer holds.
        var span = address.AsSpan();
        var text = span.IndexOfAnyInRange('\uFF00', '\uFFEF') >= 0 || span.IndexOfAnyInRange('\u1100', '\u11FF') >= 0 || span.Contains('\u3000')
            ? address.Normalize(NormalizationForm.FormKC)
            : address;
        var words = new List<string>(8);
        var reference = new List<string>(2);
        var depth = 0;
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            var separator = char.IsWhiteSpace(c) || c is ',' or '(' or ')' or '[' or ']';
            if (separator && start >= 0)
            {
                (depth > 0 ? reference : words).Add(text[start..i]);
                start = -1;
            }
            if (c is '(' or '[')
            {
                depth++;
            }
            else if (c is ')' or ']')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (!separator && start < 0)
            {
                start = i;
            }
        }
        return (words, reference);
    }

    private string Intern(string name) => names.GetOrAdd(name, name);
}
