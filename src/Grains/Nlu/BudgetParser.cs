using Naviyam.Chat;

namespace Naviyam.Nlu;

/// <summary>
/// Finds the money in a Korean message: 5천원, 오천원, 5,000원, 만 오천원, 1만2천원, 7천, 8k, 1.5만,
/// 만원 이하 (cap), 2만원대 (range), 0원. Numbers that count other things (2명, 3시, 10분, 2번 출구,
/// 1인분, 치킨 2마리) are never money.
/// </summary>
public static partial class BudgetParser
{
    // Counters that make a number "not money" when they follow it.
    private static readonly string[] NonMoneyCounters =
    [
        "명", "시간", "시", "분", "초", "번째", "번", "인분", "인", "층", "마리", "개월", "개", "살", "세", "학년", "반",
        "km", "키로", "킬로", "m", "미터", "정거장", "그릇", "출구", "호선", "호", "일", "달", "주", "년", "등", "위",
        "점", "cm", "kg", "g", "잔", "판", "조각", "줄", "세트", "학기", "교시", "장", "병", "캔", "접시", "통", "박스",
        "평", "도", "%", "퍼", "배", "kcal", "칼로리", "회", "차", "명이서", "쪽", "권", "곡", "판째",
    ];

    private static readonly string[] CapWords =
    [
        "이하", "까지", "밖에", "안으로", "안에서", "안에", "안쪽", "내로", "내에서", "이내", "미만", "아래",
        "이내로", "선에서", "선으로", "선까지", "컷", "안짝", "밖엔", "뿐", "빢에", "박에", "최대", "한도", "맥스",
    ];

    private static readonly string[] CapPrefixes = ["최대", "많아야", "기껏해야", "한도", "max"];

    // An amount followed by these is a price, a discount or a threshold, not what the user can spend.
    private static readonly string[] NotABudgetAfter =
    [
        "할인", "쿠폰", "이상", "넘게", "넘어", "넘지", "넘는", "넘음", "넘을", "초과", "적립", "포인트", "짜리쿠폰", "짜리할인", "상품권",
        "할인권", "깎", "이면비싸", "이면비싼", "이면싼", "면비싸", "면비싼", "이비싸", "은비싸", "는비싸", "이면적당", "이면괜찮은가격",
    ];

    private static readonly string[] NotABudgetBefore =
        ["쿠폰", "할인", "할인권", "적립", "적립금", "포인트", "마일리지", "기프티콘", "상품권", "배달팁", "배달비", "배송비", "수수료"];

    // "5천원 안 넘게", "만원 넘으면 안 돼", "만원 넘게는 못 써", "2천원 초과하면 안 돼": a limit, said through its negation.
    private static readonly string[] NegatedExcess =
    [
        "안넘게", "안넘는", "넘지않", "넘지말", "넘지마", "넘으면안", "넘으면못", "넘게는못", "넘게는안", "넘게는절대", "넘게못", "넘게안",
        "넘기면안", "넘기지", "넘으면혼", "넘으면큰일", "초과하면안", "초과하지", "초과안", "초과금지", "초과x", "넘으면x",
    ];

    // "김밥 한 줄 4천원", "떡볶이 1인분 5천원": an amount right after a quantity of a dish is that dish's price.
    // ("1인분에 6천원 넘으면 못 사" has 에 in between and stays the user's limit.)
    private static readonly string[] ItemCounters = ["인분", "그릇", "줄", "개", "마리", "잔", "판", "조각", "세트", "접시", "병", "캔", "컵", "봉지"];

    // After a bare Korean numeral ("오천 있음", "만오천밖에"), what makes it money rather than an ordinary word.
    private static readonly string[] HoldingWords = ["있", "남", "밖에", "뿐", "으로", "정도", "쯤", "이면", "가지고", "갖고", "들고"];

    private static readonly string[] MoneyWords = ["돈", "잔액", "지갑", "현금", "급식카드", "급카", "카드에"];

    public static BudgetMatch? Parse(string normalizedText)
    {
        // "1-2만원" is the range "1~2만원", not a phone-number fragment; same length, so positions stay valid.
        normalizedText = DashRange().Replace(normalizedText, m => m.Value.Replace('-', '~'));
        // "칠팔천원", "이삼만 원": two neighbouring numerals are a rough range.
        if (NeighbourNumerals().Match(normalizedText) is { Success: true } rough
            && KoreanDigit(rough.Groups["b"].Value[0]) - KoreanDigit(rough.Groups["a"].Value[0]) == 1)
        {
            var unit = rough.Groups["u"].Value == "만" ? 10_000 : 1_000;
            return new BudgetMatch(KoreanDigit(rough.Groups["b"].Value[0])!.Value * unit, BudgetKinds.Range, rough.Index, rough.Index + rough.Length);
        }

        var amounts = FindAmounts(normalizedText).Where(a => !IsPriceOrDiscount(normalizedText, a)).ToList();
        if (amounts.Count == 0)
        {
            return null;
        }

        // "5~7천원": the first number borrows the second one's unit.
        var shorthand = ShorthandRange().Match(normalizedText);
        if (shorthand.Success && amounts.FirstOrDefault(a => a.Start == shorthand.Groups["upper"].Index) is { } upperAmount)
        {
            return new BudgetMatch(upperAmount.Value, BudgetKinds.Range, shorthand.Index, upperAmount.End);
        }

        // "5천원에서 7천원", "5천~7천원": a range, budgeted at its upper end.
        for (var i = 0; i + 1 < amounts.Count; i++)
        {
            var between = normalizedText[amounts[i].End..amounts[i + 1].Start].Trim();
            if (between is "~" or "-" or "에서" or "부터" or "에서부터" or "~에서")
            {
                var upper = Math.Max(amounts[i].Value, amounts[i + 1].Value);
                return new BudgetMatch(upper, BudgetKinds.Range, amounts[i].Start, amounts[i + 1].End);
            }
        }

        // "천원짜리 두 장", "만원 하나": banknotes, counted; "만원짜리 한 장이랑 천원짜리 세 장" adds them up.
        var counted = new List<Amount>(amounts.Count);
        foreach (var amount in amounts)
        {
            if (Bills().Match(normalizedText, amount.End) is not { Success: true } bills || bills.Index != amount.End)
            {
                counted.Add(amount);
                continue;
            }
            var notes = amount with { Value = amount.Value * BillCount(bills.Groups["n"].Value), End = bills.Index + bills.Length, HadWon = true };
            if (counted.Count > 0 && counted[^1].HadWon && counted[^1].Counted
                && BillJoiner().IsMatch(normalizedText[counted[^1].End..amount.Start]))
            {
                counted[^1] = counted[^1] with { Value = counted[^1].Value + notes.Value, End = notes.End };
                continue;
            }
            counted.Add(notes with { Counted = true });
        }
        amounts = counted;

        // "1원도 없어", "천 원도 안 남았어": not even that much, so nothing.
        if (amounts.FirstOrDefault(a => NotEvenThat().IsMatch(normalizedText[a.End..])) is { } nothing)
        {
            return new BudgetMatch(0, BudgetKinds.Exact, nothing.Start, nothing.End);
        }

        // A capped amount is what the user means; then what is left ("만원 들고 갔다가 3천원 남았어"), the user's own
        // ("형들은 만원 쓴다는데 나는 5천원"), what they have ("천원인 데 있어? 나 3천원 있음"); otherwise the first one.
        var text = normalizedText;
        string After(Amount a) => text[a.End..].TrimStart();
        var chosen = amounts.FirstOrDefault(a => KindAfter(text, a) != BudgetKinds.Exact)
            ?? amounts.LastOrDefault(a => Pooled().IsMatch(text[..a.Start]))
            ?? amounts.LastOrDefault(a => After(a).StartsWith('남'))
            ?? amounts.FirstOrDefault(a => OwnMoney().IsMatch(text[..a.Start]))
            ?? amounts.FirstOrDefault(a => After(a).StartsWith('있'))
            ?? amounts[0];
        return new BudgetMatch(chosen.Value, KindAfter(normalizedText, chosen), chosen.Start, chosen.End);
    }

    /// <summary>
    /// The price a message names for one portion of a dish ("김밥 한 줄 3천원", "떡볶이 1인분 4천원"): not the user's
    /// budget by the labelling rules, but what the dish they ask for may cost; null when the message names none.
    /// </summary>
    public static int? DishPrice(string normalizedText)
    {
        foreach (var amount in FindAmounts(normalizedText))
        {
            var before = normalizedText[..amount.Start].Replace(" ", "", StringComparison.Ordinal);
            if (IsDishQuantity(before) && KindAfter(normalizedText, amount) == BudgetKinds.Exact)
            {
                return amount.Value;
            }
        }
        return null;
    }

    private static bool IsNegatedExcess(string text, Amount amount)
    {
        var after = text[amount.End..].Replace(" ", "", StringComparison.Ordinal);
        return NegatedExcess.Any(phrase => after.StartsWith(phrase, StringComparison.Ordinal))
            // "2만원 넘으면 엄마한테 혼나": what happens past the amount says it is a limit.
            || after.StartsWith("넘으면", StringComparison.Ordinal) && ExcessConsequence().IsMatch(after[3..Math.Min(after.Length, 15)]);
    }

    private static bool IsPriceOrDiscount(string text, Amount amount)
    {
        if (IsNegatedExcess(text, amount))
        {
            return false;
        }
        var after = text[amount.End..].Replace(" ", "", StringComparison.Ordinal);
        var priceTag = after.StartsWith("짜리", StringComparison.Ordinal);
        if (priceTag)
        {
            after = after[2..];
        }
        var before = text[..amount.Start].Replace(" ", "", StringComparison.Ordinal);
        return NotABudgetAfter.Any(word => after.StartsWith(word, StringComparison.Ordinal))
            || NotABudgetBefore.Any(word => before.EndsWith(word, StringComparison.Ordinal))
            // "1개 천원짜리" names what the user can spend per item (the labelling rules count 짜리 as money).
            || !priceTag && IsDishQuantity(before) && KindAfter(text, amount) == BudgetKinds.Exact;
    }

    // The Bills pattern only lets counting words and digits through.
    private static int BillCount(string count) => Lexicons.KoreanNumbers.Count(count)!.Value;

    private static bool IsDishQuantity(string compactBefore)
    {
        foreach (var counter in ItemCounters)
        {
            if (compactBefore.EndsWith(counter, StringComparison.Ordinal) && compactBefore.Length > counter.Length)
            {
                var quantity = compactBefore[^(counter.Length + 1)];
                if (char.IsAsciiDigit(quantity) || quantity is '한' or '두' or '세' or '네' or '반')
                {
                    return true;
                }
            }
        }
        return false;
    }

    private static string KindAfter(string text, Amount amount)
    {
        if (IsNegatedExcess(text, amount))
        {
            return BudgetKinds.Cap;
        }
        var after = text[amount.End..].TrimStart();
        if (amount.HadWon && after.StartsWith('대') && (after.Length == 1 || !char.IsLetter(after[1]) || after[1] is '로' or '의' or '면' or '에' or '는' or '도'))
        {
            return BudgetKinds.Range;
        }
        if (after.StartsWith("정도", StringComparison.Ordinal) || after.StartsWith("쯤", StringComparison.Ordinal)
            || after.StartsWith("내외", StringComparison.Ordinal))
        {
            after = after[(after.StartsWith('쯤') ? 1 : 2)..].TrimStart();
        }
        var window = after.Length > 8 ? after[..8] : after;
        var compactWindow = window.Replace(" ", "", StringComparison.Ordinal);
        if (compactWindow.Contains("최대한", StringComparison.Ordinal))
        {
            // "만원으로 최대한 많이": as much as possible for the amount, not a ceiling.
            compactWindow = compactWindow.Replace("최대한", "", StringComparison.Ordinal);
        }
        foreach (var word in CapWords)
        {
            if (compactWindow.StartsWith(word, StringComparison.Ordinal)
                || compactWindow.StartsWith("으로" + word, StringComparison.Ordinal)
                || compactWindow.StartsWith("로" + word, StringComparison.Ordinal)
                || compactWindow.StartsWith("만" + word, StringComparison.Ordinal))
            {
                return BudgetKinds.Cap;
            }
        }
        var before = text[..amount.Start].TrimEnd();
        foreach (var prefix in CapPrefixes)
        {
            if (before.EndsWith(prefix, StringComparison.Ordinal))
            {
                return BudgetKinds.Cap;
            }
        }
        return BudgetKinds.Exact;
    }

    internal static List<Amount> FindAmounts(string text)
    {
        var amounts = new List<Amount>();
        var i = 0;
        while (i < text.Length)
        {
            if (!IsNumberStart(text, i))
            {
                i++;
                continue;
            }
            var amount = TryReadAmount(text, i);
            if (amount is null)
            {
                i++;
                continue;
            }
            amounts.Add(amount);
            i = Math.Max(amount.End, i + 1);
        }
        return amounts;
    }

    private static bool IsNumberStart(string text, int i)
    {
        var c = text[i];
        if (char.IsAsciiDigit(c))
        {
            // Not the middle of a number, a time (12:30) or a phone number (010-1234).
            return i == 0 || !(char.IsAsciiDigit(text[i - 1]) || text[i - 1] is '.' or ',' or ':' or '-');
        }
        if (KoreanDigit(c) is null && KoreanUnit(c) is null)
        {
            return false;
        }
        // Korean numerals also spell ordinary words (이거, 오늘, 만 = "only"): only a word start counts.
        return i == 0 || !IsHangulSyllable(text[i - 1]) || text[i - 1] == '돈';
    }

    private static Amount? TryReadAmount(string text, int start)
    {
        long total = 0;       // completed 만 groups
        long section = 0;     // below 만
        double? pending = null;
        var usedUnit = false;
        var usedDigits = false;
        var usedKoreanNumeral = false;
        var i = start;
        var end = start;

        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                if (pending is not null)
                {
                    break;
                }
                var j = i;
                while (j < text.Length && (char.IsAsciiDigit(text[j]) || (text[j] == ',' && j + 3 < text.Length + 1
                           && j + 1 < text.Length && char.IsAsciiDigit(text[j + 1]))
                           || (text[j] == '.' && j + 1 < text.Length && char.IsAsciiDigit(text[j + 1]))))
                {
                    j++;
                }
                var literal = text[i..j].Replace(",", "", StringComparison.Ordinal);
                if (!double.TryParse(literal, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value))
                {
                    return null;
                }
                pending = value;
                usedDigits = true;
                i = j;
                end = i;
            }
            else if (KoreanDigit(c) is { } digit && pending is null)
            {
                pending = digit;
                usedKoreanNumeral = true;
                i++;
                end = i;
            }
            else if (c is 'k' or 'K' && pending is not null && !NextIsLetter(text, i + 1))
            {
                section += (long)Math.Round(pending.Value * 1000);
                pending = null;
                usedUnit = true;
                i++;
                end = i;
            }
            else if (KoreanUnit(c) is { } unit)
            {
                if (unit == 10_000)
                {
                    var groupValue = section + (long)Math.Round((pending ?? (section == 0 ? 1 : 0)) * 1);
                    if (pending is not null && pending.Value % 1 != 0)
                    {
                        groupValue = section + 0;
                        total += (long)Math.Round(pending.Value * 10_000);
                    }
                    else
                    {
                        total += groupValue * 10_000;
                    }
                    section = 0;
                }
                else
                {
                    section += (long)Math.Round((pending ?? 1) * unit);
                }
                pending = null;
                usedUnit = true;
                usedKoreanNumeral |= !usedDigits;
                i++;
                end = i;
            }
            else if (c == ' ' && usedUnit && i + 1 < text.Length && (KoreanDigit(text[i + 1]) is not null || KoreanUnit(text[i + 1]) is not null || char.IsAsciiDigit(text[i + 1]))
                     && !text.AsSpan(i + 1).StartsWith("원"))
            {
                // "만 오천원": a space inside one amount, but only after a unit.
                var lookahead = TryReadAmount(text, i + 1);
                if (lookahead is null || !lookahead.HadWon && !lookahead.HadUnit || lookahead.Value >= 10_000 && total > 0 || lookahead.Value >= (total > 0 ? 10_000 : 1_000) && section > 0)
                {
                    break;
                }
                section += lookahead.Value;
                return Finish(text, start, lookahead.End, total + section, true, usedDigits, usedKoreanNumeral, lookahead.HadWon);
            }
            else
            {
                break;
            }
        }

        if (pending is not null)
        {
            if (pending.Value % 1 != 0)
            {
                return null;
            }
            section += (long)pending.Value;
        }
        var value2 = total + section;
        return Finish(text, start, end, value2, usedUnit, usedDigits, usedKoreanNumeral, hadWon: false);
    }

    private static Amount? Finish(string text, int start, int end, long value, bool usedUnit, bool usedDigits,
        bool usedKoreanNumeral, bool hadWon)
    {
        var after = end;
        if (!hadWon)
        {
            while (after < text.Length && text[after] == ' ')
            {
                after++;
            }
            if (after < text.Length && text[after] == '원' && !NextIsWord(text, after + 1, "해", "하", "래", "했", "한다"))
            {
                hadWon = true;
                end = after + 1;
            }
            else if (CurrencyWord(text, after) is > 0 and var length)
            {
                // Chat spellings of 원: 5천냥, 5000won, 5000₩.
                hadWon = true;
                end = after + length;
            }
        }

        if (value > 10_000_000)
        {
            return null;
        }
        if (hadWon)
        {
            return new Amount((int)value, start, end, true, usedUnit);
        }
        if (usedKoreanNumeral && !usedDigits)
        {
            // Bare Korean numerals (오천, 만) are too often other words; they need 원, or a range around them
            // ("오천에서 칠천 사이").
            var next = text[end..].TrimStart();
            var isRangeEnd = next.StartsWith("에서", StringComparison.Ordinal) || next.StartsWith('~') || next.StartsWith("사이", StringComparison.Ordinal);
            // "돈 오천 있어": the word for money right before the numeral settles it too.
            var afterMoneyWord = text[..start].TrimEnd().EndsWith('돈');
            // "오천 있음", "만오천밖에", or any numeral in a message about money ("세뱃돈 남은 거 만오천").
            var held = HoldingWords.Any(word => next.StartsWith(word, StringComparison.Ordinal))
                || MoneyWords.Any(word => text.Contains(word, StringComparison.Ordinal));
            var glued = end < text.Length && IsHangulSyllable(text[end]) && !HoldingWords.Any(word => next.StartsWith(word, StringComparison.Ordinal));
            // A message that is only the amount ("만오천") answers a question about money.
            var wholeMessage = text[..start].Trim().Length == 0 && next.TrimEnd('?', '!', '.', '~').Length == 0;
            return usedUnit && value >= 1_000 && (isRangeEnd || afterMoneyWord || wholeMessage || held && !glued) ? new Amount((int)value, start, end, false, true) : null;
        }
        var rest = text[end..].TrimStart();
        if (rest.Length > 0 && NonMoneyCounters.Any(counter => rest.StartsWith(counter, StringComparison.Ordinal)))
        {
            return null;
        }
        if (usedUnit)
        {
            return value is >= 100 ? new Amount((int)value, start, end, false, true) : null;
        }
        // A bare number is money only when it looks like a price: 1,000 or more in steps of 100.
        return value >= 1_000 && value % 100 == 0 ? new Amount((int)value, start, end, false, false) : null;
    }

    private static int CurrencyWord(string text, int i)
    {
        if (i >= text.Length)
        {
            return 0;
        }
        if (text[i] is '냥' or '₩')
        {
            return 1;
        }
        return text.AsSpan(i).StartsWith("won", StringComparison.OrdinalIgnoreCase) ? 3 : 0;
    }

    private static bool NextIsLetter(string text, int i) => i < text.Length && char.IsAsciiLetter(text[i]);

    private static bool NextIsWord(string text, int i, params string[] words) =>
        words.Any(w => text.AsSpan(i).StartsWith(w));

    private static bool IsHangulSyllable(char c) => c is >= '\uAC00' and <= '\uD7A3';

    private static int? KoreanDigit(char c) => c switch
    {
        '일' => 1, '이' => 2, '삼' => 3, '사' => 4, '오' => 5, '육' => 6, '칠' => 7, '팔' => 8, '구' => 9,
        _ => null,
    };

    private static int? KoreanUnit(char c) => c switch
    {
        '십' => 10, '백' => 100, '천' => 1_000, '만' => 10_000,
        _ => null,
    };

    internal sealed record Amount(int Value, int Start, int End, bool HadWon, bool HadUnit)
    {
        /// <summary>Banknotes counted ("천원짜리 세 장"): such amounts add up when listed together.</summary>
        public bool Counted { get; init; }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![\d,.])\d{1,2}\s*~\s*(?<upper>\d{1,2}\s*(?:천|만))")]
    private static partial System.Text.RegularExpressions.Regex ShorthandRange();

    [System.Text.RegularExpressions.GeneratedRegex(@"\G\s*(?:짜리\s*(?:지폐\s*|동전\s*)?(?<n>한|두|세|네|다섯|여섯|일곱|여덟|아홉|열|10|[1-9])\s*(?:장|개)|(?:짜리)?\s*(?:지폐\s*|동전\s*)?(?<n>한|두|세|네|다섯|여섯|일곱|여덟|아홉|열|10|[1-9])\s*(?:장|개)(?![가-힣])|\s(?<n>하나|둘|셋|넷|다섯)(?![가-힣]))")]
    private static partial System.Text.RegularExpressions.Regex Bills();

    [System.Text.RegularExpressions.GeneratedRegex(@"안돼|안되|못|혼나|혼남|혼날|큰일|곤란")]
    private static partial System.Text.RegularExpressions.Regex ExcessConsequence();

    // "만원씩 모아서 2만원", "합쳐서 3만원": the pooled total is what the group can spend.
    [System.Text.RegularExpressions.GeneratedRegex(@"(?:모아서|모으면|합쳐서|합치면|다\s*해서|총)\s*$")]
    private static partial System.Text.RegularExpressions.Regex Pooled();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?:^|\s)(?:나는|난|나|내\s*돈은|제\s*돈은|저는)\s*$")]
    private static partial System.Text.RegularExpressions.Regex OwnMoney();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![가-힣])(?<a>[일이삼사오육칠팔])(?<b>[이삼사오육칠팔구])\s*(?<u>천|만)\s*(?:원|냥)?")]
    private static partial System.Text.RegularExpressions.Regex NeighbourNumerals();

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*(?:이랑|랑|하고|과|와|,|\+|에|그리고)?\s*$")]
    private static partial System.Text.RegularExpressions.Regex BillJoiner();

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*(?:짜리\s*)?(?:도|조차)\s*(?:없|안\s*남|못|남은\s*게\s*없)")]
    private static partial System.Text.RegularExpressions.Regex NotEvenThat();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![\d,.\-])\d{1,2}\s*-\s*\d{1,2}\s*(?:천|만)")]
    private static partial System.Text.RegularExpressions.Regex DashRange();
}

public sealed record BudgetMatch(int Amount, string Kind, int Start, int End);
