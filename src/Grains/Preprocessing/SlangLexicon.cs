using System.Text.Json;
using System.Text.Json.Serialization;
using Naviyam.Lexicons;

namespace Naviyam.Preprocessing;

/// <summary>
/// Youth slang and chat shorthand rewritten to plain Korean (개배고파 → 너무 배고파, ㄱㄱ → 가자), and phrases
/// that signal hunger, hurry or distress, from <c>data/lexicons/slang.json</c>.
/// </summary>
public sealed class SlangLexicon
{
    private readonly (string From, string To)[] replacements;
    private readonly (string Pattern, string Signal)[] signals;

    public SlangLexicon(IEnumerable<(string From, string To)> replacements, IEnumerable<(string Pattern, string Signal)> signals)
    {
        // Longest first, and never single characters: "머" must not rewrite "머리".
        this.replacements = replacements
            .Where(r => r.From.Length >= 2)
            .DistinctBy(r => r.From)
            .OrderByDescending(r => r.From.Length)
            .ToArray();
        this.signals = signals.Select(s => (CueLexicon.Compact(s.Pattern), s.Signal)).Where(s => s.Item1.Length > 0).ToArray();
    }

    public static SlangLexicon Load(string path)
    {
        using var stream = File.OpenRead(path);
        var file = JsonSerializer.Deserialize<SlangFile>(stream) ?? throw new InvalidDataException($"{path} is empty");
        return new SlangLexicon(
            (file.Replacements ?? []).Select(r => (r.From.ToLowerInvariant(), r.To)),
            (file.Signals ?? []).Select(s => (s.Pattern.ToLowerInvariant(), s.Signal)));
    }

    /// <summary>Rewrites slang in already-normalized text and adds the signals its phrases carry.</summary>
    public string Rewrite(string normalized, ISet<string> found)
    {
        var compact = CueLexicon.Compact(normalized);
        foreach (var (pattern, signal) in signals)
        {
            if (compact.Contains(pattern, StringComparison.Ordinal))
            {
                found.Add(signal);
            }
        }
        foreach (var (from, to) in replacements)
        {
            if (normalized.Contains(from, StringComparison.Ordinal))
            {
                normalized = ReplaceUnlessAlreadyTarget(normalized, from, to);
            }
        }
        return normalized;
    }

    /// <summary>
    /// Replaces <paramref name="from"/>, except where it already stands inside <paramref name="to"/>:
    /// a short form ("떡볶" → "떡볶이") must not grow the full word ("떡볶이" → "떡볶이이").
    /// </summary>
    private static string ReplaceUnlessAlreadyTarget(string text, string from, string to)
    {
        var offsetInTarget = to.IndexOf(from, StringComparison.Ordinal);
        var builder = new System.Text.StringBuilder(text.Length + 8);
        var position = 0;
        int at;
        while ((at = text.IndexOf(from, position, StringComparison.Ordinal)) >= 0)
        {
            var targetStart = at - offsetInTarget;
            var alreadyTarget = offsetInTarget >= 0 && targetStart >= 0
                && text.AsSpan(targetStart).StartsWith(to, StringComparison.Ordinal);
            builder.Append(text, position, at - position).Append(alreadyTarget ? from : to);
            position = at + from.Length;
        }
        return builder.Append(text, position, text.Length - position).ToString();
    }

    private sealed record SlangFile(
        [property: JsonPropertyName("replacements")] List<Replacement>? Replacements,
        [property: JsonPropertyName("signals")] List<SignalEntry>? Signals);

    private sealed record Replacement(
        [property: JsonPropertyName("from")] string From,
        [property: JsonPropertyName("to")] string To);

    private sealed record SignalEntry(
        [property: JsonPropertyName("pattern")] string Pattern,
        [property: JsonPropertyName("signal")] string Signal);
}
