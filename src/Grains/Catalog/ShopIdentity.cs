using System.Text;
using Naviyam.Shops;

namespace Naviyam.Catalog;

/// <summary>
/// When two merchant rows are one shop although their ids differ: the same name and the same address, each reduced
/// to what identifies it. Real lists repeat a shop under a second id ("새로나식당" twice at 서홍동 1652-1) or with
/// its floor or building written once and not the other time ("노형동 2578-7" and "노형동 2578-7 2층"), so the
/// address counts up to its lot or building number and the name without spaces or punctuation.
/// </summary>
public static class ShopIdentity
{
    /// <summary>
    /// The identity of a shop: <see cref="NameKey"/> and <see cref="AddressKey"/> joined, or null when it has no
    /// address (a name alone does not tell two branches apart). <paramref name="canonicalSido"/> spells a 시도 one way
    /// ("서울" and "서울특별시"), so that lists that abbreviate differently still agree.
    /// </summary>
    public static string? Key(ShopRecord shop, Func<string, string?>? canonicalSido = null) =>
        AddressKey(shop.Address, canonicalSido) is { } address && NameKey(shop.Name) is { Length: > 0 } name
            ? $"{name}|{address}"
            : null;

    /// <summary>The name folded (NFKC, upper case) with only its letters and digits: "카페 메이비" = "카페메이비".</summary>
    public static string NameKey(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }
        return builder.ToString();
    }

    /// <summary>
    /// The address up to and including its first number word (the lot "1217-1", "산12", "1217번지", or the building
    /// number after a road), without what a parenthesis holds, spaces or punctuation; null when there is no address.
    /// Floors, rooms and building names after the number are dropped: they are written one way in one list and
    /// another way (or not at all) in the next.
    /// </summary>
    public static string? AddressKey(string? address, Func<string, string?>? canonicalSido = null)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return null;
        }
        var builder = new StringBuilder(address.Length);
        var first = true;
        foreach (var word in Words(address.Normalize(NormalizationForm.FormKC)))
        {
            var written = first && canonicalSido?.Invoke(word) is { } sido ? sido : word;
            first = false;
            foreach (var c in written)
            {
                if (char.IsLetterOrDigit(c) || c == '-')
                {
                    builder.Append(char.ToUpperInvariant(c));
                }
            }
            if (IsNumberWord(written))
            {
                if (written.EndsWith("번지", StringComparison.Ordinal))
                {
                    builder.Length -= 2;
                }
                break;
            }
        }
        return builder.Length > 0 ? builder.ToString() : null;
    }

    /// <summary>True when both addresses are the same place by <see cref="AddressKey"/> (false when either is missing).</summary>
    public static bool SameAddress(string? left, string? right) =>
        AddressKey(left) is { } a && AddressKey(right) is { } b && string.Equals(a, b, StringComparison.Ordinal);

    /// <summary>"1217-1", "24", "산12-3", "1217번지": a lot or building number, never a road ("대림로22길") or a floor ("1층").</summary>
    private static bool IsNumberWord(string word)
    {
        var text = word.AsSpan();
        if (text.StartsWith("산"))
        {
            text = text[1..];
        }
        if (text.EndsWith("번지"))
        {
            text = text[..^2];
        }
        if (text.IsEmpty || !char.IsAsciiDigit(text[0]) || !char.IsAsciiDigit(text[^1]))
        {
            return false;
        }
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c) && c != '-')
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The words outside parentheses and brackets, split at white space and commas.</summary>
    private static string[] Words(string text)
    {
        var outside = new StringBuilder(text.Length);
        var depth = 0;
        foreach (var c in text)
        {
            if (c is '(' or '[')
            {
                depth++;
                outside.Append(' ');
            }
            else if (c is ')' or ']')
            {
                depth = Math.Max(0, depth - 1);
                outside.Append(' ');
            }
            else if (depth == 0)
            {
                outside.Append(char.IsWhiteSpace(c) ? ' ' : c);
            }
        }
        return outside.ToString().Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
    }
}
