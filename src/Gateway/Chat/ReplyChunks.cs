using System.Text.RegularExpressions;

namespace Naviyam.Gateway.Chat;

/// <summary>
/// Cuts a reply's text into the pieces a streaming front door sends: a sentence or a line at a time, whitespace kept,
/// so the pieces joined are exactly the text.
/// </summary>
public static partial class ReplyChunks
{
    public static IEnumerable<string> Split(string text)
    {
        var start = 0;
        foreach (Match end in SentenceEnd().Matches(text))
        {
            var stop = end.Index + end.Length;
            yield return text[start..stop];
            start = stop;
        }
        if (start < text.Length)
        {
            yield return text[start..];
        }
    }

    /// <summary>A line break, or a sentence's closing mark ("요.", "?", "!") with the spaces after it.</summary>
    [GeneratedRegex(@"\n|[.?!…](?=\s|$)[ \t]*")]
    private static partial Regex SentenceEnd();
}
