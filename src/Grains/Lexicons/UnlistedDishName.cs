namespace Naviyam.Lexicons;

/// <summary>
/// Whether a menu name names a dish no lexicon lists: its letters in order, at most a few letters apart, spaces aside —
/// "흑돼지" in "흑돼지 김치찌개", "차돌짬뽕" in "차돌박이 짬뽕", but not "오겹살" in "오징어 볶음 겹… 살".
/// </summary>
public static class UnlistedDishName
{
    private const int MaxLettersBetween = 3;

    public static bool IsNamedBy(string compactDish, string menuName)
    {
        ArgumentException.ThrowIfNullOrEmpty(compactDish);
        ArgumentNullException.ThrowIfNull(menuName);
        for (var start = menuName.IndexOf(compactDish[0], StringComparison.Ordinal); start >= 0;
             start = menuName.IndexOf(compactDish[0], start + 1))
        {
            if (FollowsFrom(compactDish, menuName, start))
            {
                return true;
            }
        }
        return false;
    }

    private static bool FollowsFrom(string dish, string menuName, int start)
    {
        var between = 0;
        var at = start + 1;
        for (var i = 1; i < dish.Length; i++)
        {
            while (at < menuName.Length && menuName[at] != dish[i])
            {
                if (menuName[at] != ' ' && ++between > MaxLettersBetween)
                {
                    return false;
                }
                at++;
            }
            if (at == menuName.Length)
            {
                return false;
            }
            at++;
        }
        return true;
    }
}
