namespace Naviyam.Retrieval;

/// <summary>
/// What a dietary restriction (the NLU's codes: <c>no_pork</c>, <c>vegetarian</c>, <c>allergy:땅콩</c> …) rules out, judged
/// from menu and shop names. A child who said "돼지고기 못 먹어요" must not be sent to 돈까스 because the menu never says
/// 돼지. Names are all the data holds, so this is a floor, not a guarantee: the reply still asks allergic children to
/// tell the shop.
/// </summary>
public static class DietaryRules
{
    private static readonly string[] Pork =
    [
        "돼지", "돈까스", "돈가스", "돈카츠", "등심까스", "안심까스", "제육", "삼겹", "오겹", "목살", "항정", "갈매기살", "순대", "보쌈",
        "족발", "수육", "베이컨", "소시지", "소세지", "스팸", "탕수육", "감자탕", "뼈해장국", "동파육", "차슈", "햄치즈", "햄에그", "햄김밥",
    ];

    private static readonly string[] Beef =
    [
        "소고기", "쇠고기", "한우", "불고기", "갈비탕", "육회", "스테이크", "차돌", "규동", "우삼겹", "장조림", "육개장", "설렁탕", "곰탕",
        "소머리", "양지", "사골", "우거지", "육전",
    ];

    private static readonly string[] Poultry = ["닭", "치킨", "오리", "계란찜", "너겟", "윙", "찜닭"];

    private static readonly string[] Seafood =
    [
        "해산물", "해물", "새우", "오징어", "홍합", "조개", "바지락", "굴", "꽃게", "게살", "게장", "낙지", "문어", "쭈꾸미", "주꾸미",
        "전복", "멍게", "해삼", "생선", "어묵", "오뎅", "멸치", "고등어", "참치", "연어", "회덮밥", "초밥", "스시", "장어", "명란", "알탕",
        "동태", "대구탕", "아구", "아귀", "매운탕", "짬뽕", "물회", "갈치", "꽁치", "삼치", "조기", "굴비", "코다리", "황태", "북어",
    ];

    private static readonly string[] OtherMeat = ["고기", "갈비", "미트", "햄버거", "버거", "떡갈비", "함박", "카츠", "까스", "만두", "순대"];

    private static readonly string[] Dairy = ["우유", "치즈", "크림", "라떼", "요거트", "요구르트", "버터", "밀크", "까르보나라", "피자"];

    private static readonly string[] Egg = ["계란", "달걀", "에그", "오므라이스", "마요", "지단"];

    private static readonly string[] Wheat =
    [
        "밀가루", "빵", "면", "국수", "라면", "우동", "칼국수", "수제비", "짜장", "짬뽕", "파스타", "스파게티", "피자", "버거", "샌드위치",
        "토스트", "만두", "튀김", "돈까스", "돈가스", "까스", "카츠", "부침개", "파전", "김치전", "케이크", "도넛", "와플", "베이글", "쿠키",
    ];

    private static readonly Dictionary<string, string[]> AllergenWords = new(StringComparer.Ordinal)
    {
        ["땅콩"] = ["땅콩", "피넛"],
        ["견과류"] = ["땅콩", "피넛", "호두", "아몬드", "잣", "캐슈", "피스타치오", "견과"],
        ["우유"] = Dairy,
        ["유제품"] = Dairy,
        ["밀가루"] = Wheat,
        ["밀"] = Wheat,
        ["계란"] = Egg,
        ["달걀"] = Egg,
        ["갑각류"] = ["새우", "꽃게", "게살", "게장", "랍스터", "가재"],
        ["새우"] = ["새우", "쉬림프"],
        ["게"] = ["꽃게", "게살", "게장", "대게", "킹크랩"],
        ["해산물"] = Seafood,
        ["생선"] = ["생선", "고등어", "참치", "연어", "갈치", "꽁치", "삼치", "조기", "굴비", "동태", "코다리", "황태", "명태", "초밥", "회덮밥"],
        ["조개"] = ["조개", "바지락", "홍합", "굴", "전복"],
        ["대두"] = ["두부", "콩", "된장", "청국장"],
        ["콩"] = ["두부", "콩", "된장", "청국장"],
        ["메밀"] = ["메밀", "모밀", "소바"],
    };

    /// <summary>The words whose presence in a menu (or a shop's name) rules it out under these restrictions.</summary>
    public static IReadOnlyList<string> ForbiddenWords(IEnumerable<string> restrictions)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var restriction in restrictions)
        {
            words.UnionWith(restriction switch
            {
                "no_pork" or "halal" => Pork,
                "no_beef" => Beef,
                "no_seafood" => Seafood,
                "vegetarian" => [.. Pork, .. Beef, .. Poultry, .. Seafood, .. OtherMeat],
                "vegan" => [.. Pork, .. Beef, .. Poultry, .. Seafood, .. OtherMeat, .. Dairy, .. Egg],
                "lactose_free" => Dairy,
                _ when restriction.StartsWith("allergy:", StringComparison.Ordinal) => Allergen(restriction["allergy:".Length..]),
                _ => [],
            });
        }
        return [.. words.OrderByDescending(word => word.Length)];
    }

    public static bool HasAllergy(IEnumerable<string> restrictions) =>
        restrictions.Any(restriction => restriction.StartsWith("allergy:", StringComparison.Ordinal));

    private static string[] Allergen(string allergen) =>
        AllergenWords.TryGetValue(allergen, out var words) ? words : allergen.Length > 0 ? [allergen] : [];
}
