using System.Globalization;
using System.Text.RegularExpressions;
using Naviyam.Shops;

namespace Naviyam.Catalog.Import;

/// <summary>
/// Parses menu text such as the Jeju <c>menu_info</c> field: <c>"메뉴 가격 | 메뉴 가격"</c>.
/// <list type="bullet">
/// <item>The price is the last word of an item: "3,300", "17,000", "3300원", "1만원", "1만5천원", "5천원".</item>
/// <item>"변동가격", "시가", "가격변동", "문의" … and a missing price give <c>Price = null</c>.</item>
/// <item>A range "8,000~10,000" gives the <b>upper</b> bound: a price is only ever used to say that a meal fits a
///   child's balance, and promising the lower bound could send a child to a meal they cannot pay for.</item>
/// <item>0 and prices above <see cref="MaxPlausiblePrice"/> (typos like "800,010,000") are treated as unknown.</item>
/// <item>Items without any letter in the name ("0 0") are dropped; a repeated name keeps its first price.</item>
/// </list>
/// </summary>
public static partial class MenuTextParser
{
    public const int MaxPlausiblePrice = 1_000_000;

    private static readonly string[] UnknownPriceWords =
        ["변동가격", "가격변동", "시가", "싯가", "시세", "문의", "가격문의", "업주문의", "전화문의", "매장문의", "별도문의", "별도"];

    /// <summary>Parses the items and classifies them together (the classifier compares each item with the rest of the menu).</summary>
    public static IReadOnlyList<MenuItem> Parse(string? menuText, FoodCategory shopCategory, MenuKindClassifier classifier)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        return classifier.Classify(ParseItems(menuText), shopCategory);
    }

    /// <summary>Names and prices only, without kinds.</summary>
    public static IReadOnlyList<(string Name, int? Price)> ParseItems(string? menuText) =>
        ParseItemsWithPositions(menuText).Select(item => (item.Name, item.Price)).ToArray();

    /// <summary>
    /// Names and prices with each item's <c>Position</c>: its 0-based index among the non-blank '|'-separated parts
    /// of the text, counting the parts that are dropped (no letter, a repeated name). Labelled samples refer to items
    /// by this position.
    /// </summary>
    public static IReadOnlyList<(string Name, int? Price, int Position)> ParseItemsWithPositions(string? menuText)
    {
        if (string.IsNullOrWhiteSpace(menuText))
        {
            return [];
        }

        var result = new List<(string Name, int? Price, int Position)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var parts = menuText.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        for (var position = 0; position < parts.Length; position++)
        {
            var (name, price) = ParseItem(parts[position]);
            name = Whitespace().Replace(name, " ").Trim();
            if (!name.Any(char.IsLetter) || !seen.Add(name))
            {
                continue;
            }
            result.Add((name, price, position));
        }
        return result;
    }

    private static (string Name, int? Price) ParseItem(string item)
    {
        var lastSpace = item.LastIndexOfAny([' ', '\t', '\u00A0']);
        if (lastSpace > 0)
        {
            var last = item[(lastSpace + 1)..];
            if (TryParsePrice(last, out var price))
            {
                return (item[..lastSpace], price);
            }
        }

        // A price glued to the name with thousands separators: "김밥3,000".
        var glued = GluedPrice().Match(item);
        if (glued.Success && glued.Index > 0 && TryParsePrice(glued.Value, out var gluedPrice))
        {
            return (item[..glued.Index], gluedPrice);
        }

        return (item, null);
    }

    /// <summary>
    /// True when <paramref name="token"/> is a price or an explicit "no fixed price" word; <paramref name="price"/>
    /// is then the amount in won, or null when the price is not fixed or not plausible.
    /// </summary>
    public static bool TryParsePrice(string token, out int? price)
    {
        price = null;
        var text = token.Trim();
        if (text.Length == 0)
        {
            return false;
        }

        foreach (var word in UnknownPriceWords)
        {
            if (text.StartsWith(word, StringComparison.Ordinal) || text.StartsWith("(" + word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        // Ranges: the upper bound (see the class summary).
        var tilde = text.IndexOfAny(['~', '∼', '〜', '-']);
        if (tilde >= 0)
        {
            var low = text[..tilde];
            var high = text[(tilde + 1)..];
            var hasLow = TryParseAmount(low, out var lowValue);
            var hasHigh = TryParseAmount(high, out var highValue);
            if (!hasLow && !hasHigh)
            {
                return false;
            }
            if ((low.Length > 0 && !hasLow) || (high.Length > 0 && !hasHigh))
            {
                return false;
            }
            price = Plausible(hasHigh ? highValue : lowValue);
            return true;
        }

        if (!TryParseAmount(text, out var value))
        {
            return false;
        }
        price = Plausible(value);
        return true;
    }

    /// <summary>"3,300", "3300", "3,300원", "1만원", "1.5만원", "1만5천원", "5천원"; bare numbers below 100 are not prices.</summary>
    private static bool TryParseAmount(string text, out long value)
    {
        value = 0;
        text = text.Trim();
        if (text.EndsWith('원'))
        {
            text = text[..^1].TrimEnd();
        }
        if (text.Length == 0)
        {
            return false;
        }

        var match = KoreanAmount().Match(text);
        if (match.Success && (match.Groups["man"].Success || match.Groups["cheon"].Success))
        {
            decimal total = 0;
            if (match.Groups["man"].Success)
            {
                total += decimal.Parse(match.Groups["man"].Value, CultureInfo.InvariantCulture) * 10_000;
            }
            if (match.Groups["cheon"].Success)
            {
                total += decimal.Parse(match.Groups["cheon"].Value, CultureInfo.InvariantCulture) * 1_000;
            }
            if (match.Groups["rest"].Success)
            {
                total += decimal.Parse(match.Groups["rest"].Value, CultureInfo.InvariantCulture);
            }
            value = (long)total;
            return true;
        }

        if (Grouped().IsMatch(text))
        {
            return long.TryParse(text.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out value);
        }

        if (Plain().IsMatch(text) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value))
        {
            return value == 0 || value >= 100;
        }
        return false;
    }

    private static int? Plausible(long value) => value is > 0 and <= MaxPlausiblePrice ? (int)value : null;

    [GeneratedRegex(@"^\d{1,3}(,\d{3})+$")]
    private static partial Regex Grouped();

    [GeneratedRegex(@"^\d{1,9}$")]
    private static partial Regex Plain();

    [GeneratedRegex(@"^(?:(?<man>\d+(?:\.\d+)?)\s*만)?\s*(?:(?<cheon>\d+(?:\.\d+)?)\s*천)?\s*(?<rest>\d+)?$")]
    private static partial Regex KoreanAmount();

    [GeneratedRegex(@"\d{1,3}(,\d{3})+원?$")]
    private static partial Regex GluedPrice();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
