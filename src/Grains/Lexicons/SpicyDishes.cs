namespace Naviyam.Lexicons;

/// <summary>
/// Whether a menu is spicy, from its name. "매운 거 빼고" must also keep away 김치찌개 and 짬뽕, which never say
/// 매운 on the menu, while 로제떡볶이 or 짜장떡볶이 are the mild versions a child who cannot eat spicy food orders.
/// </summary>
public static class SpicyDishes
{
    private static readonly string[] Markers = ["매운", "매콤", "불닭", "마라", "얼큰", "땡초", "엽기", "청양", "고추", "칼칼"];

    private static readonly string[] UsuallySpicy =
    [
        "김치찌개", "김치찜", "부대찌개", "순두부", "육개장", "매운탕", "알탕", "동태탕", "짬뽕", "떡볶이", "떡볶기", "라볶이", "쫄면",
        "닭볶음탕", "닭도리탕", "닭갈비", "제육", "오징어볶음", "낙지", "쭈꾸미", "주꾸미", "아구찜", "아귀찜", "해물찜", "닭발",
        "비빔냉면", "비빔국수", "낙곱새", "곱창전골", "짬뽕밥", "떡튀순",
    ];

    private static readonly string[] MildVersions = ["로제", "궁중", "간장", "짜장", "크림", "순한", "안매운", "백짬뽕", "하얀"];

    public static bool IsSpicy(string menuName)
    {
        var name = menuName.Replace(" ", "", StringComparison.Ordinal);
        if (MildVersions.Any(mild => name.Contains(mild, StringComparison.Ordinal)))
        {
            return false;
        }
        return Markers.Any(marker => name.Contains(marker, StringComparison.Ordinal))
               || UsuallySpicy.Any(dish => name.Contains(dish, StringComparison.Ordinal));
    }
}
