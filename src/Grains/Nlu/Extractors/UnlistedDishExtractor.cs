using System.Text.RegularExpressions;
using Naviyam.Lexicons;

namespace Naviyam.Nlu.Extractors;

/// <summary>
/// food_type for a dish the lexicon does not list: the word right before a wish to eat or buy it — "흑돼지 먹고 싶어",
/// "한치물회가 땡겨", "오겹살 파는 데". Menus name far more dishes than any lexicon can, and a dish dropped silently
/// turns "흑돼지 먹고 싶어" into a list of bakeries. Retrieval then matches the word against the served menus (and the
/// encoder's nearest menus) and says so when no shop sells it.
/// </summary>
/// <remarks>
/// Only a word that can be a dish is taken: not a modifier (맛있는, 따뜻한), not a thing-word (거, 게, 데), not an
/// adverb, a time, a person or a place, not a money amount. A particle is split off only when it agrees with the word
/// (오겹살이, 흑돼지가), so a dish that ends like one (장어구이) keeps its last syllable.
/// </remarks>
internal sealed partial class UnlistedDishExtractor(FoodLexicon foods, IServedMenuWords? servedMenus)
{
    /// <summary>The unlisted dish wished for, or null.</summary>
    /// <param name="normalized">The normalized message (single spaces).</param>
    /// <param name="place">The location entity, whose words are never a dish.</param>
    /// <param name="turnedDown">Words the message turns down.</param>
    public string? Find(string normalized, string? place, IReadOnlyCollection<string> turnedDown)
    {
        foreach (Match match in WishedWord().Matches(normalized))
        {
            var word = WithoutParticle(match.Groups["word"].Value);
            var placeCue = match.Groups["cue"].Value == "맛집";
            if (word.Length >= 2 && CanBeADish(word) && !foods.TryGet(word, out _) && !turnedDown.Contains(word)
                && (place is null || !place.Contains(word, StringComparison.Ordinal))
                && (!placeCue || !LooksLikeAPlace(word))
                // With the served menus known, a word is a dish when one of them names it or it is shaped like one
                // (…탕, …구이): a word that is neither was no dish ("롯데월드 맛집"), and saying nobody sells it would be
                // answering a question nobody asked.
                && (servedMenus is null || EndsLikeADish(word) || servedMenus.Serves(word)))
            {
                return word;
            }
        }
        return null;
    }

    /// <summary>오겹살이 → 오겹살, 흑돼지를 → 흑돼지; 장어구이 stays (이 after a vowel is no particle).</summary>
    private static string WithoutParticle(string word)
    {
        foreach (var (particle, afterConsonant) in Particles)
        {
            if (word.Length > particle.Length && word.EndsWith(particle, StringComparison.Ordinal))
            {
                var stem = word[..^particle.Length];
                if (afterConsonant is null || EndsWithConsonant(stem) == afterConsonant)
                {
                    return stem;
                }
            }
        }
        return word;
    }

    // Null: the particle follows either ending.
    private static readonly (string Particle, bool? AfterConsonant)[] Particles =
    [
        ("이나", true), ("이랑", true), ("이라도", true), ("라도", false), ("이", true), ("가", false), ("을", true), ("를", false),
        ("은", true), ("는", false), ("도", null), ("좀", null), ("만", null),
    ];

    private static bool EndsWithConsonant(string word) => word[^1] is >= '가' and <= '힣' && (word[^1] - '가') % 28 != 0;

    private bool CanBeADish(string word) =>
        !NotDishes.Contains(word)
        && !NotInDishes.Any(part => word.Contains(part, StringComparison.Ordinal))
        && (EndsLikeADish(word) || FishEndings.Any(fish => word.EndsWith(fish, StringComparison.Ordinal))
            || !NotDishEndings.Any(ending => word.EndsWith(ending, StringComparison.Ordinal)));

    // "…어" ends verbs said before 먹고 (찍어, 구워) and also the fish.
    private static readonly string[] FishEndings =
        ["등어", "징어", "연어", "장어", "문어", "숭어", "광어", "방어", "농어", "전어", "잉어", "청어", "뱅어", "빙어", "은어", "홍어", "민어", "병어"];

    // Before 맛집 a word is as often a place (강남역 맛집, 시청 맛집) as a dish.
    private static bool LooksLikeAPlace(string word) =>
        PlaceEndings.Any(ending => word.EndsWith(ending, StringComparison.Ordinal));

    private static readonly string[] PlaceEndings =
        ["역", "동", "구", "시", "군", "읍", "리", "로", "길", "가", "시장", "시청", "청", "학교", "대", "공원", "마트", "센터", "터미널", "병원", "점", "타운", "월드", "랜드", "몰", "단지", "해변", "해수욕장", "항", "포구", "오름", "산", "섬", "마을", "거리", "골목", "앞", "뒤", "옆", "근처"];

    // A word that ends like a dish (…탕, …면, …구이, …꽃게) is one whatever else it resembles.
    private bool EndsLikeADish(string word) =>
        word.Length > 2 && foods.DishEndings.Any(ending => word.EndsWith(ending, StringComparison.Ordinal))
        || CrabEndings.Any(crab => word.EndsWith(crab, StringComparison.Ordinal));

    // 게 ends thing-words (달달한게) but also the crabs.
    private static readonly string[] CrabEndings = ["꽃게", "대게", "홍게", "킹크랩"];

    // Question words and 랑 inside a run of unspaced words (친구랑뭐먹을까) mean it is no single dish.
    private static readonly string[] NotInDishes = ["뭐", "뭘", "무슨", "랑", "는데", "없는", "있는"];

    // Endings of modifiers (맛있는, 따뜻한, 매운, 먹던), thing-words (거, 것, 게, 데, 곳), connectives (배고파서, 그래서,
    // 없으니까, 먹었는데), adverbs (빨리, 간단히, 든든하게), times and places with their particles (저녁에, 집에서, 밖으로)
    // and money (만원).
    private static readonly string[] NotDishEndings =
    [
        "는", "한", "운", "던", "은", "인", "된", "난", "픈", "른",
        "거", "것", "걸", "건", "게", "데", "곳", "꺼", "께",
        "서", "니까", "는데", "은데", "며", "지만", "려고", "고", "면", "듯", "을", "를",
        "어", "아", "여", "워", "져", "겨", "벼", "켜", "껴", "눠", "줘", "봐", "와", "해", "돼", "래",
        "히", "하게", "없이", "이하", "이상", "이내", "정도", "쯤",
        "에", "에서", "으로", "로", "랑", "하고", "까지", "부터", "처럼", "보다",
        "원", "명", "번", "시", "분", "야", "들", "끼리", "님", "생",
    ];

    // Words that stand before 먹고 싶어 without being a dish.
    private static readonly HashSet<string> NotDishes = new(StringComparer.Ordinal)
    {
        "뭐", "뭔가", "뭐든", "뭐라도", "무엇", "무엇을", "아무거나", "아무", "아무것", "이것저것", "다른거", "그냥", "진짜", "정말", "너무", "완전",
        "엄청", "오늘", "내일", "모레", "지금", "이따", "나중", "당장", "점심", "저녁", "아침", "간식", "야식", "브런치", "식사", "음식", "메뉴", "요리",
        "먹을거", "먹거리", "혼자", "같이", "함께", "친구", "친구들", "가족", "엄마", "아빠", "동생", "언니", "오빠", "누나", "형", "우리", "저희",
        "많이", "조금", "배불리", "실컷", "근처", "여기", "거기", "저기", "이거", "그거", "저거", "이것", "그것", "다른", "새로운", "맛집", "다시",
        "제일", "가장", "먼저", "일단", "얼른", "빨리", "이제", "좋아", "배고파", "배고픔", "맛있게", "든든히", "간단히", "따뜻하게", "시원하게",
        "가볍게", "싸게", "저렴하게", "배달", "포장", "외식", "급식", "급식카드", "카드", "돈", "잔액", "쿠폰", "할인", "이벤트", "가게", "식당",
        "밥집", "분위기", "디저트", "음료", "과자", "달달", "매콤", "새콤", "고소", "담백", "느끼", "자극", "건강", "다이어트", "보양", "해장",
        "국물", "조합", "단짠", "맵단", "달달구리", "뭐라", "그릇", "마리", "인분", "접시", "공기", "조각", "봉지", "판", "세트", "양",
        "배부르게", "든든하게", "곱빼기", "대자", "중자", "소자", "특대", "대왕", "오면", "가면", "되면", "하면", "가성비", "인스타", "애들", "사람", "하나", "둘이", "셋이", "파티", "생파", "유명", "동네", "우리동네", "학교", "회사", "집",
    };

    // A word of up to nine syllables right before a wish to eat it, a question about who sells it, or 맛집.
    [GeneratedRegex(@"(?<![가-힣])(?<word>[가-힣]{2,9}) ?(?<cue>먹고 ?싶|먹구 ?싶|먹고파|먹고 ?프|먹을래|먹을까|먹자|먹으러|먹을 ?수 ?있|땡겨|땡긴|땡김|땡기|댕겨|당겨|당긴|파는|팔아|파나|팔까|맛집)")]
    private static partial Regex WishedWord();
}
