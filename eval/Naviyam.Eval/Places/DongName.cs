using System.Text.RegularExpressions;

namespace Naviyam.Eval.Places;

/// <summary>The level of a name below the 시군구.</summary>
public enum AreaLevel
{
    /// <summary>동 and the 가 units of a legal 동 (당산동5가).</summary>
    Dong,
    /// <summary>읍 and 면.</summary>
    EupMyeon,
    /// <summary>리, inside an 읍 or 면.</summary>
    Ri,
}

/// <summary>
/// A 읍면동 or 리 name reduced to what makes two spellings the same place: the base name and its numbers. Numbered
/// and Hangul-numeral spellings are one area (삼도2동 = 삼도이동, 아라1동 = 아라일동), "제" is dropped (불광제1동), and
/// several numbers can share one administrative 동 (두류1.2동). A name without a number (아라동, 신월동) covers every
/// numbered part of it.
/// </summary>
public sealed partial record DongName(AreaLevel Level, IReadOnlySet<string> Bases, IReadOnlySet<int> Numbers, IReadOnlySet<int> GaNumbers)
{
    private const string HangulNumerals = "일이삼사오육칠팔구";

    public string Display => $"{string.Join('.', Bases)}{(Numbers.Count > 0 ? string.Join('.', Numbers) : "")}{(GaNumbers.Count > 0 ? string.Join('.', GaNumbers) + "가" : "")}";

    /// <summary>Null when the word is not a 읍면동/리 name (a road, a building, a lot number).</summary>
    public static DongName? Parse(string word)
    {
        var text = word.Trim();
        if (text.Length < 2 || !HangulOrDigits().IsMatch(text))
        {
            return null;
        }
        var suffix = text[^1];
        var stem = text[..^1];
        switch (suffix)
        {
            case '읍' or '면':
                return Simple(AreaLevel.EupMyeon, stem);
            case '리':
                return stem.Length >= 1 && !stem.Any(char.IsDigit) ? Simple(AreaLevel.Ri, stem) : null;
            case '가':
                // Legal 가 units: 당산동5가, 명륜4가, 을지로3가.
                var ga = LegalGa().Match(text);
                return ga.Success
                    ? new DongName(AreaLevel.Dong, Set(ga.Groups["base"].Value), new HashSet<int>(), NumberSet(ga.Groups["n"].Value))
                    : null;
            case '동':
                return ParseDong(stem);
            default:
                return null;
        }
    }

    private static DongName? ParseDong(string stem)
    {
        if (stem.Length == 0)
        {
            return null;
        }
        var gaThenNumber = GaThenNumber().Match(stem);
        if (gaThenNumber.Success)
        {
            return new DongName(AreaLevel.Dong, Set(gaThenNumber.Groups["base"].Value),
                NumberSet(gaThenNumber.Groups["n"].Value), NumberSet(gaThenNumber.Groups["ga"].Value));
        }
        var numbered = Numbered().Match(stem);
        if (numbered.Success)
        {
            var numbers = NumberSet(numbered.Groups["n"].Value);
            return numbered.Groups["ga"].Success
                ? new DongName(AreaLevel.Dong, Set(numbered.Groups["base"].Value), new HashSet<int>(), numbers)
                : new DongName(AreaLevel.Dong, Set(numbered.Groups["base"].Value), numbers, new HashSet<int>());
        }
        if (stem.Any(char.IsDigit))
        {
            return null;
        }
        // 잠실본동, 방배본동: the "main" part of a numbered 동.
        if (stem.Length >= 3 && stem[^1] == '본')
        {
            return new DongName(AreaLevel.Dong, Set(stem[..^1]), new HashSet<int> { 0 }, new HashSet<int>());
        }
        // 삼도이동, 아라일동: a Hangul numeral after a base of two or more syllables (신사동, 방이동 keep theirs).
        var numeral = HangulNumerals.IndexOf(stem[^1]);
        if (numeral >= 0 && stem.Length >= 3)
        {
            return new DongName(AreaLevel.Dong, Set(stem[..^1]), new HashSet<int> { numeral + 1 }, new HashSet<int>());
        }
        return new DongName(AreaLevel.Dong, Set(stem), new HashSet<int>(), new HashSet<int>());
    }

    /// <summary>True when this (an address's 읍면동) is the same place as <paramref name="named"/>, false when it is another one, null when the spellings cannot tell.</summary>
    public bool? IsWithin(DongName named)
    {
        if (Level != named.Level || !Bases.Overlaps(named.Bases))
        {
            return false;
        }
        if (!Compatible(Numbers, named.Numbers) || !Compatible(GaNumbers, named.GaNumbers))
        {
            return false;
        }
        // The area names a number the address does not carry (아라1동 asked, "아라동" written): cannot tell.
        if ((named.Numbers.Count > 0 && Numbers.Count == 0) || (named.GaNumbers.Count > 0 && GaNumbers.Count == 0))
        {
            return null;
        }
        return true;

        static bool Compatible(IReadOnlySet<int> mine, IReadOnlySet<int> asked) =>
            mine.Count == 0 || asked.Count == 0 || mine.Overlaps(asked);
    }

    /// <summary>Same base name (and level), whatever the numbers: 신월1동 and 신월동.</summary>
    public bool SameBase(DongName other) => Level == other.Level && Bases.Overlaps(other.Bases);

    private static DongName Simple(AreaLevel level, string stem) =>
        new(level, Set(stem), new HashSet<int>(), new HashSet<int>());

    private static HashSet<string> Set(string bases) =>
        [.. bases.Split('.', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static HashSet<int> NumberSet(string text) =>
        [.. text.Split('.', ',').Where(part => part.Length > 0).Select(int.Parse)];

    [GeneratedRegex(@"^[가-힣0-9.]+$")]
    private static partial Regex HangulOrDigits();

    [GeneratedRegex(@"^(?<base>[가-힣]+?)동?(?<n>\d+(?:\.\d+)*)가$")]
    private static partial Regex LegalGa();

    [GeneratedRegex(@"^(?<base>[가-힣]+?)(?<ga>\d+(?:\.\d+)*)가제?(?<n>\d+)$")]
    private static partial Regex GaThenNumber();

    [GeneratedRegex(@"^(?<base>[가-힣.]+?)제?(?<n>\d+(?:\.\d+)*)(?<ga>가)?$")]
    private static partial Regex Numbered();
}
