using Naviyam.Lexicons;

namespace Naviyam.Preprocessing;

/// <summary>
/// Youth slang and chat shorthand rewritten to plain Korean (개배고파 → 너무 배고파, ㄱㄱ → 가자), and phrases
/// that signal hunger, hurry or distress, from <c>data/lexicons/slang.json</c>.
/// </summary>
public sealed class SlangLexicon
{
    public const int FileVersion = 1;

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

    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is malformed; the message names the file and the entry.</exception>
    public static SlangLexicon Load(string path)
    {
        var file = DataFile.Read<SlangFile>(path, FileVersion);
        var replacements = (file.Replacements ?? []).Select((r, k) =>
            r is { From: { Length: > 0 } from, To: { Length: > 0 } to } && !string.IsNullOrWhiteSpace(from)
                ? (from.ToLowerInvariant(), to)
                : throw DataFile.Invalid(path, $"replacements[{k}]", "needs a 'from' and a 'to'"));
        var signals = (file.Signals ?? []).Select((s, k) =>
            s is { Pattern: { } pattern, Signal: { } signal } && !string.IsNullOrWhiteSpace(pattern)
                ? Signals.All.Contains(signal)
                    ? (pattern.ToLowerInvariant(), signal)
                    : throw DataFile.Invalid(path, $"signals[{k}] ({pattern})", $"has the unknown signal '{signal}'")
                : throw DataFile.Invalid(path, $"signals[{k}]", "needs a 'pattern' and a 'signal'"));
        return new SlangLexicon([.. replacements], [.. signals]);
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

    private sealed record SlangFile : CommentedFile
    {
        public Replacement?[]? Replacements { get; init; }
        public SignalEntry?[]? Signals { get; init; }
    }

    private sealed record Replacement
    {
        public string? From { get; init; }
        public string? To { get; init; }
    }

    private sealed record SignalEntry
    {
        public string? Pattern { get; init; }
        public string? Signal { get; init; }
    }
}
