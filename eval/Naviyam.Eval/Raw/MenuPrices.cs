using System.Globalization;
using System.Text.RegularExpressions;

namespace Naviyam.Eval.Raw;

/// <summary>
/// Reads the Jeju <c>menu_info</c> text, "메뉴 가격 | 메뉴 가격". The price is the item's last word ("3,300",
/// "3300원", "1만5천원", "8,000~10,000"); words such as 시가 or 변동 mean no fixed price; anything else is part of the name.
/// </summary>
public static partial class MenuPrices
{
    private static readonly string[] NoFixedPrice = ["시가", "싯가", "변동", "문의", "별도", "가격"];

    public static IReadOnlyList<RawMenu> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }
        var menus = new List<RawMenu>();
        foreach (var item in text.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var words = item.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0)
            {
                continue;
            }
            var last = words[^1];
            if (words.Length > 1 && TryRange(last, out var low, out var high))
            {
                Add(string.Join(' ', words[..^1]), low, high);
            }
            else if (words.Length > 1 && NoFixedPrice.Any(w => last.Contains(w, StringComparison.Ordinal)))
            {
                Add(string.Join(' ', words[..^1]), null, null);
            }
            else if (Glued().Match(item) is { Success: true } glued && glued.Index > 0 && TryAmount(glued.Value, out var gluedPrice))
            {
                Add(item[..glued.Index], gluedPrice, gluedPrice);
            }
            else
            {
                Add(item, null, null);
            }
        }
        return menus;

        void Add(string name, int? low, int? high)
        {
            name = name.Trim();
            if (name.Any(char.IsLetter))
            {
                menus.Add(new RawMenu(name, low, high));
            }
        }
    }

    /// <summary>A price or a range of prices; both ends equal for a single price.</summary>
    public static bool TryRange(string word, out int? low, out int? high)
    {
        low = high = null;
        var parts = word.Split(['~', '∼', '〜'], StringSplitOptions.TrimEntries);
        if (parts.Length == 1)
        {
            if (!TryAmount(parts[0], out var single))
            {
                return false;
            }
            low = high = single;
            return true;
        }
        if (parts.Length == 2 && TryAmount(parts[0], out var from) && TryAmount(parts[1], out var to))
        {
            (low, high) = (Math.Min(from, to), Math.Max(from, to));
            return true;
        }
        return false;
    }

    /// <summary>"3,300", "3300", "3,300원", "1만원", "1만5천원", "5천원", "1.5만원"; zero and absurd amounts are not prices.</summary>
    public static bool TryAmount(string word, out int won)
    {
        won = 0;
        var text = word.Trim().TrimEnd('원').Trim();
        decimal value;
        var korean = KoreanAmount().Match(text);
        if (korean.Success && (korean.Groups["man"].Success || korean.Groups["cheon"].Success))
        {
            value = Group(korean, "man") * 10_000 + Group(korean, "cheon") * 1_000 + Group(korean, "rest");
        }
        else if (Digits().IsMatch(text))
        {
            value = decimal.Parse(text.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
        }
        else
        {
            return false;
        }
        if (value is < 100 or > 1_000_000)
        {
            return false;
        }
        won = (int)value;
        return true;

        static decimal Group(Match match, string name) =>
            match.Groups[name].Success ? decimal.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
    }

    [GeneratedRegex(@"^(?:(?<man>\d+(?:\.\d+)?)만)?(?:(?<cheon>\d+)천)?(?<rest>\d+)?$")]
    private static partial Regex KoreanAmount();

    [GeneratedRegex(@"^(?:\d{1,3}(?:,\d{3})+|\d+)$")]
    private static partial Regex Digits();

    [GeneratedRegex(@"\d{1,3}(?:,\d{3})+원?$")]
    private static partial Regex Glued();
}
