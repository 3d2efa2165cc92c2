using Naviyam.Lexicons;

namespace Naviyam.Retrieval;

/// <summary>
/// A kind of dish wished for without naming one: "국물 있는 거 땡긴다", "면 종류 먹고 싶다", "매운 거 먹고 싶어",
/// "간단하게 먹을래". These are not a food_type (the labelling rules keep generic words out of entities), so they only
/// steer ranking: menus of that kind are preferred, and a shop without one is still allowed.
/// </summary>
public sealed record DishPreference(string Label, Func<string, bool> Matches)
{
    private static readonly string[] SoupDishes =
    [
        "찌개", "국밥", "라면", "우동", "칼국수", "짬뽕", "잔치국수", "전골", "쌀국수", "수제비", "해장국", "곰탕", "설렁탕", "어묵탕",
        "미역국", "떡국", "만둣국", "육개장", "국수",
    ];

    private static readonly string[] NoodleDishes =
    [
        "면", "국수", "우동", "파스타", "스파게티", "소바", "모밀", "라멘", "울면", "짬뽕",
    ];

    private static readonly string[] MeatDishes =
    [
        "고기", "삼겹", "갈비", "불고기", "제육", "돈까스", "돈가스", "스테이크", "치킨", "닭", "목살", "보쌈", "족발", "함박",
    ];

    private static readonly string[] LightDishes = ["김밥", "샌드위치", "토스트", "주먹밥", "삼각김밥", "베이글", "샐러드", "죽", "컵밥"];

    private static readonly string[] ColdDishes = ["냉면", "냉모밀", "물회", "콩국수", "빙수", "냉국수", "메밀"];

    private static readonly (string[] Cues, DishPreference Preference)[] ByCue =
    [
        (["국물", "뜨끈한거", "뜨끈한걸", "뜨끈하게", "따뜻한거", "따뜻한걸", "따끈한거"], new("국물 요리", IsSoup)),
        (["면종류", "면요리", "면류", "면음식", "면이땡", "면땡", "면먹고", "면으로", "국수종류"], new("면 요리", Mentions(NoodleDishes))),
        (["고기먹", "고기땡", "고기가땡", "고기요리", "고기종류", "고기로", "고기메뉴"], new("고기 요리", Mentions(MeatDishes))),
        (["가볍게", "가벼운", "간단하게", "간단한", "간단히"], new("가벼운 메뉴", Mentions(LightDishes))),
        (["시원한거", "시원한걸", "시원하게", "차가운거"], new("시원한 음식", Mentions(ColdDishes))),
    ];

    private static readonly DishPreference Spicy = new("매운 음식", SpicyDishes.IsSpicy);

    /// <summary>The preference a message states, or null. "매운" comes from the NLU's taste entity.</summary>
    public static DishPreference? From(string compactText, string? tastePreference)
    {
        if (tastePreference == "매운")
        {
            return Spicy;
        }
        foreach (var (cues, preference) in ByCue)
        {
            if (cues.Any(cue => IsWished(compactText, cue)))
            {
                return preference;
            }
        }
        return null;
    }

    private static readonly string[] Refusals = ["없는", "없이", "말고", "빼고", "싫", "별로", "적게"];

    /// <summary>"국물 있는 거" is a wish; "국물 없는 거", "국물 말고" and "국물 적게" are not.</summary>
    private static bool IsWished(string compactText, string cue)
    {
        var at = compactText.IndexOf(cue, StringComparison.Ordinal);
        if (at < 0)
        {
            return false;
        }
        var after = compactText.AsSpan(at + cue.Length);
        foreach (var refusal in Refusals)
        {
            var found = after.IndexOf(refusal, StringComparison.Ordinal);
            if (found is >= 0 and <= 3)
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsSoup(string menuName) =>
        menuName.EndsWith('국') || menuName.EndsWith('탕') && !menuName.EndsWith("사탕", StringComparison.Ordinal)
        || SoupDishes.Any(dish => menuName.Contains(dish, StringComparison.Ordinal));

    private static Func<string, bool> Mentions(string[] dishes) =>
        menuName => dishes.Any(dish => menuName.Contains(dish, StringComparison.Ordinal));
}
