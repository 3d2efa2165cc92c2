using System.Text;

namespace Naviyam.Eval.Raw;

/// <summary>Comparison keys: what is left of a name or address when spacing, punctuation and letter case are ignored.</summary>
public static class TextKey
{
    /// <summary>Letters and digits only, NFC, lower case: "BHC치킨 연동점" → "bhc치킨연동점".</summary>
    public static string Of(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }
        return builder.ToString();
    }

    /// <summary>
    /// An address up to its lot or building number, without floors, units and bracketed notes: two rows of one shop
    /// that differ only in "1층" or "（대림동）" get the same key.
    /// </summary>
    public static string AddressCore(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return "";
        }
        var bracket = address.IndexOfAny(['(', '（']);
        var main = bracket >= 0 ? address[..bracket] : address;
        var kept = new List<string>();
        foreach (var word in main.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries))
        {
            kept.Add(word);
            if (word.Any(char.IsDigit) && word.All(c => char.IsDigit(c) || c is '-' or '번' or '지'))
            {
                break;
            }
        }
        return Of(string.Join(' ', kept));
    }

    /// <summary>Runs of whitespace to one space, trimmed.</summary>
    public static string Clean(string? text) =>
        string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
