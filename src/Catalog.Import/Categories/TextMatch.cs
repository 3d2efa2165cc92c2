namespace Naviyam.Catalog.Import;

/// <summary>Keyword search where ASCII keywords ("CU", "PUB") only match as whole words.</summary>
internal static class TextMatch
{
    /// <summary>What separates the tokens of a category text or a name.</summary>
    public static readonly char[] TokenSeparators = [',', ' ', '\t', '/', '(', ')', '[', ']', '·', '|', '&', '+', '，', '（', '）'];

    /// <summary>The table's words, trimmed and upper-cased, blanks dropped.</summary>
    public static string[] Upper(IEnumerable<string>? words) =>
        (words ?? []).Where(word => !string.IsNullOrWhiteSpace(word)).Select(word => word.Trim().ToUpperInvariant()).ToArray();

    public static bool Contains(string text, string keyword)
    {
        if (!IsAsciiWord(keyword))
        {
            return text.Contains(keyword, StringComparison.Ordinal);
        }

        var start = 0;
        while (true)
        {
            var index = text.IndexOf(keyword, start, StringComparison.Ordinal);
            if (index < 0)
            {
                return false;
            }
            var end = index + keyword.Length;
            var beforeOk = index == 0 || !char.IsAsciiLetterOrDigit(text[index - 1]);
            var afterOk = end == text.Length || !char.IsAsciiLetter(text[end]);
            if (beforeOk && afterOk)
            {
                return true;
            }
            start = index + 1;
        }
    }

    private static bool IsAsciiWord(string keyword)
    {
        foreach (var c in keyword)
        {
            if (!char.IsAscii(c))
            {
                return false;
            }
        }
        return true;
    }
}
