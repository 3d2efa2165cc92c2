using System.Text;
using Naviyam.Shops;

namespace Naviyam.Retrieval;

/// <summary>
/// One shop is named once in an answer, however many rows or ids the merchant lists gave it: two records are the same
/// shop when they share an id, or a name and an address once spacing, punctuation, the 시도's spelling and the
/// details after the street number (floor, unit, the 동 in brackets) are set aside.
/// </summary>
public static class SameShop
{
    // 시도 as addresses write them, long or short: only the 시군구 and what follows tell two shops apart.
    private static readonly HashSet<string> SidoWords = new(StringComparer.Ordinal)
    {
        "서울", "부산", "대구", "인천", "광주", "대전", "울산", "세종", "경기", "강원", "충북", "충남", "전북", "전남", "경북", "경남", "제주",
        "충청북도", "충청남도", "전라북도", "전라남도", "경상북도", "경상남도", "경기도", "강원도", "제주도",
    };

    /// <summary>The name-and-address key; null when the shop has no address (then only its id identifies it).</summary>
    public static string? PlaceKey(ShopRecord shop)
    {
        if (string.IsNullOrWhiteSpace(shop.Address))
        {
            return null;
        }
        var address = shop.Address;
        var cut = address.IndexOfAny([',', '(', '（']);
        if (cut > 0)
        {
            address = address[..cut];
        }
        var words = address.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var skip = words.Length > 1 && (SidoWords.Contains(words[0]) || words[0].EndsWith("특별시", StringComparison.Ordinal)
            || words[0].EndsWith("광역시", StringComparison.Ordinal) || words[0].EndsWith("자치시", StringComparison.Ordinal)
            || words[0].EndsWith("자치도", StringComparison.Ordinal)) ? 1 : 0;
        return $"{Compact(shop.Name)}|{Compact(string.Concat(words.Skip(skip)))}";
    }

    /// <summary>The candidates with each shop once: the first of each kept, in order.</summary>
    public static List<T> Distinct<T>(IEnumerable<T> items, Func<T, ShopRecord> shopOf)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var places = new HashSet<string>(StringComparer.Ordinal);
        var kept = new List<T>();
        foreach (var item in items)
        {
            var shop = shopOf(item);
            var place = PlaceKey(shop);
            if (!ids.Add(shop.Id) || place is not null && !places.Add(place))
            {
                continue;
            }
            kept.Add(item);
        }
        return kept;
    }

    private static string Compact(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }
        return builder.ToString();
    }
}
