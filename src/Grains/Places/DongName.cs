namespace Naviyam.Places;

/// <summary>
/// A 읍·면·동·가·리 name reduced to what decides which area it is, so that the ways people write one area compare
/// equal: "삼도2동", "삼도 2동", "삼도이동" and "삼도제2동" are <c>(삼도, 2)</c>; "성수동1가", "성수1가" are
/// <c>(성수, 가 1)</c> and the administrative "성수1가제1동" is <c>(성수, 가 1, 1)</c>; "면목본동" is <c>(면목, 본)</c>.
/// <see cref="Stem"/> names the family: the legal "신월동" and the administrative "신월1동"…"신월7동" share it.
/// </summary>
/// <param name="Stem">The name without numbers, 제, 본 or suffix: 삼도, 신월, 종로, 애월, 고성.</param>
/// <param name="Ga">The 가 of a legal 동 (종로1가 → 1), 0 when there is none.</param>
/// <param name="Number">The number of a split 동 (신월3동 → 3), <see cref="Main"/> for 본동, 0 when there is none.</param>
/// <param name="Unit">동 (also for a 가), 읍, 면 or 리.</param>
public readonly record struct DongName(string Stem, int Ga, int Number, char Unit)
{
    /// <summary>The <see cref="Number"/> of a 본동 ("면목본동"), the original part of a split 동.</summary>
    public const int Main = -1;

    private const string HangulNumerals = "일이삼사오육칠팔구";

    // The largest numbers real names carry are 대명11동 and 영등포동8가; "○○아파트101동" is a building.
    private const int MaxNumber = 30;

    /// <summary>True when the name carries a number or a 가, i.e. names one part of its family.</summary>
    public bool IsNumbered => Ga != 0 || Number != 0;

    /// <summary>읍 and 면 are the rural units of a 시 or 군; 동 (and its 가) the urban one.</summary>
    public bool IsEupOrMyeon => Unit is '읍' or '면';

    /// <summary>
    /// The name as a canonical spelling: "삼도2동", "종로1가", "성수1가1동", "면목본동", "애월읍". Two spellings of one
    /// area give the same text; it is also what a legal area learned from addresses is called.
    /// </summary>
    public override string ToString() => Unit switch
    {
        '동' when Ga != 0 && Number == 0 => $"{Stem}{Ga}가",
        '동' => $"{Stem}{(Ga != 0 ? $"{Ga}가" : "")}{NumberText}동",
        _ => $"{Stem}{NumberText}{Unit}",
    };

    private string NumberText => Number switch { 0 => "", Main => "본", _ => Number.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    /// <summary>
    /// Reads a name as written (spaces allowed: "삼도 2동"). <paramref name="isKnownStem"/> tells whether a stem names
    /// a real family: a Hangul numeral before 동 is read as a number only when the name without it is not a known
    /// stem ("방이동", "역삼동" and "상중이동" stay whole) — "이도이동" → 이도2동, "아라일동" → 아라1동. Null for
    /// anything that is not such a name (a road, a building, "1층").
    /// </summary>
    public static DongName? Parse(ReadOnlySpan<char> written, Func<string, bool>? isKnownStem = null)
    {
        Span<char> buffer = stackalloc char[Math.Min(written.Length, 64)];
        var length = 0;
        foreach (var c in written)
        {
            if (c is ' ' or '\t')
            {
                continue;
            }
            if (length == buffer.Length || !(IsHangulSyllable(c) || char.IsAsciiDigit(c)))
            {
                return null;
            }
            buffer[length++] = c;
        }
        var name = buffer[..length];
        if (name.Length < 2 || !IsHangulSyllable(name[0]))
        {
            return null;
        }
        return name[^1] switch
        {
            '동' => ParseDong(name[..^1], isKnownStem),
            '가' => ParseGa(name[..^1]),
            '읍' or '면' or '리' => Numbered(name[..^1], name[^1]),
            _ => null,
        };
    }

    /// <summary>
    /// The 동 an administrative name joins with dots stands for: "종로1.2.3.4가동" → 종로1가 … 종로4가,
    /// "중계2.3동" → 중계2동, 중계3동, "화수1.화평동" → 화수1동, 화평동. Any other name stands for itself.
    /// </summary>
    public static IReadOnlyList<string> Members(string administrativeName)
    {
        if (!administrativeName.Contains('.', StringComparison.Ordinal))
        {
            return [administrativeName];
        }
        var parts = administrativeName.Split('.');
        var last = parts[^1];
        var suffix = last.EndsWith("가동", StringComparison.Ordinal) ? "가" : last[^1..];
        parts[^1] = last[..^(suffix == "가" ? 2 : 1)];
        var members = new List<string>(parts.Length);
        var stem = "";
        foreach (var part in parts)
        {
            if (part.Length > 0 && part.All(c => char.IsAsciiDigit(c) || c == '제'))
            {
                members.Add(stem + part + suffix);
                continue;
            }
            members.Add(part + suffix);
            stem = part.TrimEnd("0123456789".ToCharArray());
            if (stem.Length > 1 && stem[^1] == '제')
            {
                stem = stem[..^1];
            }
        }
        return members;
    }

    public static bool IsHangulSyllable(char c) => c is >= '가' and <= '힣';

    /// <summary>"2동", "1가": the number of a 동 or 가 written apart from its name ("삼도 2동", "종로 1가").</summary>
    public static bool IsNumberWrittenApart(string word) =>
        word.Length >= 2 && word[^1] is '가' or '동' && word.AsSpan(0, word.Length - 1).IndexOfAnyExceptInRange('0', '9') < 0;

    private static DongName? ParseDong(ReadOnlySpan<char> rest, Func<string, bool>? isKnownStem)
    {
        var number = 0;
        var digits = TrailingDigits(rest);
        if (digits > 0)
        {
            number = ToNumber(rest[^digits..]);
            rest = WithoutOrdinal(rest[..^digits]);
        }
        else if (rest.Length >= 2 && rest[^1] == '본')
        {
            number = Main;
            rest = rest[..^1];
        }
        else if (rest.Length >= 3 && HangulNumerals.IndexOf(rest[^1]) is var numeral and >= 0
                 && isKnownStem is not null && !isKnownStem(rest.ToString()))
        {
            number = numeral + 1;
            rest = rest[..^1];
        }
        var ga = 0;
        if (rest.Length >= 2 && rest[^1] == '가' && TrailingDigits(rest[..^1]) is var gaDigits and > 0 && gaDigits < rest.Length - 1)
        {
            ga = ToNumber(rest[(rest.Length - 1 - gaDigits)..^1]);
            rest = rest[..(rest.Length - 1 - gaDigits)];
        }
        return rest.Length == 0 || TrailingDigits(rest) > 0 || number > MaxNumber || ga > MaxNumber
            ? null
            : new DongName(rest.ToString(), ga, number, '동');
    }

    /// <summary>"종로1가", "성수동1가", "명동1가": a legal 가, whose stem drops the 동 some spellings put before the number.</summary>
    private static DongName? ParseGa(ReadOnlySpan<char> rest)
    {
        var digits = TrailingDigits(rest);
        if (digits == 0 || digits == rest.Length)
        {
            return null;
        }
        var ga = ToNumber(rest[^digits..]);
        var stem = rest[..^digits];
        if (stem.Length >= 2 && stem[^1] == '동')
        {
            stem = stem[..^1];
        }
        return TrailingDigits(stem) > 0 || ga > MaxNumber ? null : new DongName(stem.ToString(), ga, 0, '동');
    }

    private static DongName? Numbered(ReadOnlySpan<char> rest, char unit)
    {
        var digits = TrailingDigits(rest);
        var number = digits > 0 ? ToNumber(rest[^digits..]) : 0;
        var stem = digits > 0 ? WithoutOrdinal(rest[..^digits]) : rest;
        return stem.Length == 0 || TrailingDigits(stem) > 0 || number > MaxNumber ? null : new DongName(stem.ToString(), 0, number, unit);
    }

    /// <summary>
    /// "신당제5동", "묵제1동": 제 before a number is an ordinal, not part of the stem. A stem that really ends in 제
    /// ("거제1동" of 거제동) loses it too; <see cref="AdminAreas"/> looks a 제-ending family up without it as well.
    /// </summary>
    private static ReadOnlySpan<char> WithoutOrdinal(ReadOnlySpan<char> stem) =>
        stem.Length >= 2 && stem[^1] == '제' ? stem[..^1] : stem;

    /// <summary>The digits' value; anything longer than a real area number reads as too large (and fails the name).</summary>
    private static int ToNumber(ReadOnlySpan<char> digits) =>
        digits.Length > 3 ? int.MaxValue : int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);

    private static int TrailingDigits(ReadOnlySpan<char> text)
    {
        var count = 0;
        while (count < text.Length && char.IsAsciiDigit(text[^(count + 1)]))
        {
            count++;
        }
        return count;
    }
}
