using System.Text;
using System.Text.RegularExpressions;
using Naviyam.Shops;

namespace Naviyam.Catalog.Import;

/// <summary>
/// Tells a meal from a drink, side, add-on or dessert by the menu name. Korean dish names put the head noun
/// last (딸기 스무디, 녹차빙수, 김치볶음밥, 라면사리), so the main rule is the longest matching ending of the
/// normalised name; prefixes (+치즈, 추가 …) and whole-word matches come first, combos ("돈가스+새우튀김")
/// are classified by their first part, sets and courses are meals, and words found anywhere (콜라 500ml …)
/// are the fallback. Everything unmatched is a meal, except in a cafe where an unknown
/// name is most likely a drink. All of it is data in the tables below.
/// </summary>
public static partial class MenuKindClassifier
{
    private enum Match
    {
        /// <summary>The normalised name starts with the word (checked first).</summary>
        Prefix,
        /// <summary>The normalised name equals the word.</summary>
        Word,
        /// <summary>The last word of the name (after sizes and notes are dropped) equals the word: "따뜻한 차".</summary>
        LastWord,
        /// <summary>The normalised name ends with the word; the longest ending wins.</summary>
        Suffix,
        /// <summary>The word appears anywhere; checked after combos, before the ending (sets, courses).</summary>
        SetWord,
        /// <summary>The word appears anywhere (checked last, in table order).</summary>
        Anywhere,
    }

    private sealed record Rule(MenuKind Kind, Match Match, string[] Words, FoodCategory? OnlyIn = null);

    private static readonly Rule[] Rules =
    [
        // Add-ons: "+치즈", "추가 공기밥", "치즈 추가", "곱빼기".
        new(MenuKind.AddOn, Match.Prefix, ["+", "추가"]),
        new(MenuKind.AddOn, Match.Word, ["곱빼기", "곱배기", "사이즈업", "추가", "토핑추가"]),
        new(MenuKind.AddOn, Match.Suffix, ["추가", "변경", "업그레이드", "사이즈업"]),

        // Sides.
        new(MenuKind.Side, Match.Word, ["밥", "김치", "단무지", "소스", "토핑", "반찬", "사리", "계란", "달걀", "치즈", "어묵", "튀김", "공기"]),
        new(MenuKind.Side, Match.Suffix, ["공기밥", "공깃밥", "흰밥", "쌀밥", "현미밥", "잡곡밥", "햇반", "사리", "단무지", "소스", "토핑",
            "계란후라이", "계란프라이", "달걀프라이", "달걀후라이", "후라이", "계란찜", "반찬", "김치", "깍두기", "튀김", "감자튀김", "감튀",
            "프렌치프라이", "치즈스틱", "치즈볼", "너겟", "콘샐러드", "코울슬로", "코우슬로", "피클", "할라피뇨", "누룽지", "공기"]),

        // Meals whose endings would otherwise collide (스파게티 ends in 티, 사케동 contains 사케).
        new(MenuKind.Meal, Match.Suffix, ["밥", "덮밥", "볶음밥", "비빔밥", "국밥", "백반", "정식", "세트", "SET", "한상", "도시락", "김밥",
            "삼각김밥", "주먹밥", "동", "국수", "면", "라면", "우동", "소바", "라멘", "짜장", "짬뽕", "탕", "찌개", "전골", "국", "찜", "구이", "볶음",
            "조림", "까스", "카츠", "가스", "돈가스", "돈까스", "버거", "피자", "파스타", "스파게티", "리조또", "샌드위치", "토스트", "베이글",
            "빵", "크루아상", "크로와상", "핫도그", "브리또", "부리또", "타코", "샐러드", "수프", "스프", "떡볶이", "떡볶기", "순대", "만두", "치킨",
            "닭강정", "카레", "커리", "오므라이스", "쌀국수", "죽", "회", "초밥", "스시", "롤", "족발", "보쌈", "삼겹살", "갈비", "불고기", "제육",
            "스테이크", "그라탕", "오믈렛", "와플샌드", "파니니", "김치찌개", "산도", "키쉬", "크로크무슈", "소떡소떡"]),

        // Drinks.
        new(MenuKind.Drink, Match.Word, ["물", "생수", "음료", "커피", "주스", "콜라", "사이다"]),
        new(MenuKind.Drink, Match.LastWord, ["차", "티", "TEA", "음료", "커피", "음료수"]),
        new(MenuKind.Drink, Match.Suffix, ["아메리카노", "라떼", "라테", "에이드", "주스", "쥬스", "스무디", "셰이크", "쉐이크", "콜라", "사이다",
            "커피", "에스프레소", "카푸치노", "마키아토", "마끼아또", "모카", "콘파냐", "프라페", "프라푸치노", "콜드브루", "플랫화이트",
            "아인슈페너", "밀크티", "버블티", "아이스티", "레몬티", "자몽티", "유자티", "허브티", "블랙티", "얼그레이", "캐모마일", "페퍼민트",
            "루이보스", "녹차", "홍차", "말차", "보리차", "옥수수차", "유자차", "대추차", "생강차", "레몬차", "자몽차", "쌍화차", "오미자차",
            "매실차", "둥굴레차", "우유", "두유", "요구르트", "요쿠르트", "음료", "음료수", "탄산음료", "탄산수", "생수", "환타", "스프라이트",
            "펩시", "식혜", "수정과", "코코아", "핫초코", "핫초콜릿", "맥주", "생맥주", "생맥", "소주", "와인", "막걸리", "동동주", "하이볼",
            "칵테일", "위스키", "사케", "보드카", "데킬라", "샴페인", "뱅쇼", "샹그리아", "BEER", "WINE", "COFFEE", "LATTE", "ADE", "JUICE"]),

        // Desserts.
        new(MenuKind.Dessert, Match.Suffix, ["케이크", "케익", "타르트", "마카롱", "쿠키", "빙수", "아이스크림", "젤라또", "젤라토", "와플",
            "크로플", "푸딩", "티라미수", "도넛", "도너츠", "머핀", "스콘", "마들렌", "휘낭시에", "브라우니", "파르페", "아포가토", "요거트",
            "약과", "양갱", "화과자", "떡", "파이", "크레페", "크레이프", "카스테라", "츄러스", "호떡", "붕어빵", "마시멜로", "초콜릿", "쵸콜릿",
            "탕후루", "소르베", "셔벗", "샤베트", "그래놀라", "컵케이크", "크루키"]),

        // In a cafe, flavour words at the end are drinks (바닐라, 초코 …).
        new(MenuKind.Drink, Match.Suffix, ["초코", "쵸코", "초콜릿", "쵸콜릿", "바닐라", "카라멜", "캐러멜", "그린티", "블렌딩", "블렌드",
            "고구마", "곡물", "미숫가루", "딸기", "망고", "레몬", "자몽", "유자", "청귤"], FoodCategory.CafeDessert),

        // Sets and courses are meals whatever they end with ("B세트 : 안심,등심 + 새우튀김2개"), unless they are an add-on.
        new(MenuKind.Meal, Match.SetWord, ["세트", "SET", "정식", "한상", "코스"]),

        // Words anywhere, for names that end in a size or a count the normaliser did not catch.
        new(MenuKind.Drink, Match.Anywhere, ["아메리카노", "라떼", "에이드", "스무디", "주스", "콜라", "사이다", "맥주", "소주", "막걸리", "와인",
            "하이볼", "칵테일", "위스키", "커피", "음료"]),
        new(MenuKind.Dessert, Match.Anywhere, ["케이크", "빙수", "아이스크림", "마카롱", "타르트"]),
        new(MenuKind.Side, Match.Anywhere, ["공기밥", "공깃밥", "사리추가"]),
    ];

    // Suffix rules, longest word first across all kinds, with the rule order as the tie-breaker.
    private static readonly (string Word, Rule Rule)[] SuffixTable = Rules
        .Select((rule, order) => (rule, order))
        .Where(pair => pair.rule.Match == Match.Suffix)
        .SelectMany(pair => pair.rule.Words.Select(word => (Word: word.ToUpperInvariant(), pair.rule, pair.order)))
        .OrderByDescending(entry => entry.Word.Length)
        .ThenBy(entry => entry.rule.OnlyIn is null ? 1 : 0)
        .ThenBy(entry => entry.order)
        .Select(entry => (entry.Word, entry.rule))
        .ToArray();

    public static MenuKind Classify(string menuName, FoodCategory shopCategory)
    {
        if (string.IsNullOrWhiteSpace(menuName))
        {
            return MenuKind.Meal;
        }

        var trimmed = menuName.Trim().ToUpperInvariant();
        var (normalized, lastWord) = Normalize(trimmed);
        if (normalized.Length == 0)
        {
            normalized = trimmed.Replace(" ", string.Empty, StringComparison.Ordinal);
        }

        // 1. Prefixes on the raw name ("+치즈", "추가 공기밥"); "++1등급 한우" is a grade, not an add-on.
        if (!trimmed.StartsWith("++", StringComparison.Ordinal))
        {
            foreach (var rule in Rules)
            {
                if (rule.Match == Match.Prefix && Applies(rule, shopCategory))
                {
                    foreach (var word in rule.Words)
                    {
                        if (trimmed.StartsWith(word, StringComparison.Ordinal))
                        {
                            return rule.Kind;
                        }
                    }
                }
            }
        }

        // 2. Whole words.
        foreach (var rule in Rules)
        {
            if ((rule.Match == Match.Word || rule.Match == Match.LastWord) && Applies(rule, shopCategory))
            {
                var candidate = rule.Match == Match.Word ? normalized : lastWord;
                foreach (var word in rule.Words)
                {
                    if (candidate == word)
                    {
                        return rule.Kind;
                    }
                }
            }
        }

        // 3. The head noun: the longest matching ending. An add-on ending ("세트 추가") wins at once.
        var byEnding = ByEnding(normalized, shopCategory);
        if (byEnding == MenuKind.AddOn)
        {
            return MenuKind.AddOn;
        }

        // 4. Combos name the main dish first: "안심돈가츠+새우튀김", "셰프의 치킨 & 감자튀김".
        var combo = trimmed.IndexOfAny(['+', '&']);
        if (combo > 0 && trimmed[..combo].Any(char.IsLetter))
        {
            return Classify(trimmed[..combo], shopCategory);
        }

        // 5. Sets and courses.
        foreach (var rule in Rules)
        {
            if (rule.Match == Match.SetWord && Applies(rule, shopCategory)
                && rule.Words.Any(word => normalized.Contains(word, StringComparison.Ordinal)))
            {
                return rule.Kind;
            }
        }

        if (byEnding is { } kind)
        {
            return kind;
        }

        // 6. Words anywhere.
        foreach (var rule in Rules)
        {
            if (rule.Match == Match.Anywhere && Applies(rule, shopCategory))
            {
                foreach (var word in rule.Words)
                {
                    if (normalized.Contains(word, StringComparison.Ordinal))
                    {
                        return rule.Kind;
                    }
                }
            }
        }

        return shopCategory == FoodCategory.CafeDessert ? MenuKind.Drink : MenuKind.Meal;
    }

    private static MenuKind? ByEnding(string normalized, FoodCategory shopCategory)
    {
        foreach (var (word, rule) in SuffixTable)
        {
            if (normalized.EndsWith(word, StringComparison.Ordinal) && Applies(rule, shopCategory))
            {
                return rule.Kind;
            }
        }
        return null;
    }

    private static bool Applies(Rule rule, FoodCategory shopCategory) => rule.OnlyIn is null || rule.OnlyIn == shopCategory;

    /// <summary>
    /// Upper-cases, drops bracketed notes ("(ICE)", "[2인]"), trailing sizes and counts ("500ML", "2인분", "L",
    /// "HOT"), and spaces, so that the head noun is at the end.
    /// </summary>
    internal static (string Normalized, string LastWord) Normalize(string upperName)
    {
        var text = Brackets().Replace(upperName, " ");
        var words = WordSplit().Split(text).Where(w => w.Length > 0).ToList();
        while (words.Count > 1 && TrailingQualifier().IsMatch(words[^1]))
        {
            words.RemoveAt(words.Count - 1);
        }

        var builder = new StringBuilder(text.Length);
        foreach (var word in words)
        {
            builder.Append(word);
        }

        var joined = builder.ToString();
        // A count glued to the end: "빵3종", "김밥2줄", "콜라1.25L".
        var glued = GluedCount().Match(joined);
        if (glued.Success && glued.Index > 0)
        {
            joined = joined[..glued.Index];
        }
        return (joined, words.Count > 0 ? words[^1] : string.Empty);
    }

    [GeneratedRegex(@"[\(\[\{（【][^\)\]\}）】]*[\)\]\}）】]?")]
    private static partial Regex Brackets();

    [GeneratedRegex(@"[\s,·/]+")]
    private static partial Regex WordSplit();

    [GeneratedRegex(@"^(\d+(\.\d+)?\s*(ML|L|CC|G|KG|P|PCS|EA|인분|인|개|잔|병|캔|조각|피스|종|줄|알|마리|장|구|호|세트|팩)?|ICE|HOT|아이스|핫|L|M|S|R|REGULAR|LARGE|레귤러|라지|미디움|스몰|대|중|소|소자|중자|대자|단품)$")]
    private static partial Regex TrailingQualifier();

    [GeneratedRegex(@"\d+(\.\d+)?(ML|L|CC|G|KG|P|PCS|EA|인분|인|개|잔|병|캔|조각|피스|종|줄|알|마리|장|팩)?$")]
    private static partial Regex GluedCount();
}
