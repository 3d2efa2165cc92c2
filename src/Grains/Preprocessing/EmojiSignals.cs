using System.Text.Json.Serialization;
using Naviyam.Lexicons;

namespace Naviyam.Preprocessing;

/// <summary>
/// Emoji and text emoticons mapped to signals (😭 → distress) or foods (🍕 → 피자), loaded from
/// <c>data/lexicons/emoji.json</c> so that the team can grow the list without touching code.
/// </summary>
public sealed class EmojiSignals
{
    public const int FileVersion = 1;

    private readonly Dictionary<string, EmojiMeaning> emoji;
    private readonly (string Symbol, string Signal)[] emoticons;

    public EmojiSignals(IEnumerable<EmojiMeaning> emoji, IEnumerable<(string Symbol, string Signal)> emoticons)
    {
        this.emoji = new Dictionary<string, EmojiMeaning>(StringComparer.Ordinal);
        foreach (var meaning in emoji)
        {
            this.emoji[meaning.Symbol] = meaning;
            // Emoji often arrive with or without the variation selector U+FE0F.
            this.emoji[meaning.Symbol.Replace("\uFE0F", "", StringComparison.Ordinal)] = meaning;
        }
        // Longest first so that "ㅠㅠ" is not read as "ㅠ" twice.
        this.emoticons = emoticons.OrderByDescending(e => e.Symbol.Length).ToArray();
    }

    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is malformed; the message names the file and the entry.</exception>
    public static EmojiSignals Load(string path)
    {
        var file = DataFile.Read<EmojiFile>(path, FileVersion);
        var emoji = (file.Emoji ?? []).Select((e, k) =>
            e is { Symbol.Length: > 0 } && (e.Signal is null) != (e.Food is null)
                ? e.Signal is null || Signals.All.Contains(e.Signal)
                    ? e
                    : throw DataFile.Invalid(path, $"emoji[{k}] ({e.Symbol})", $"has the unknown signal '{e.Signal}'")
                : throw DataFile.Invalid(path, $"emoji[{k}]", "needs a 'symbol' and either a 'signal' or a 'food'"));
        var emoticons = (file.Emoticons ?? []).Select((e, k) =>
            e is { Symbol.Length: > 0, Signal: { } signal } && Signals.All.Contains(signal)
                ? (e.Symbol, signal)
                : throw DataFile.Invalid(path, $"emoticons[{k}]", "needs a 'symbol' and a known 'signal'"));
        return new EmojiSignals([.. emoji], [.. emoticons]);
    }

    public bool TryGet(string textElement, out EmojiMeaning meaning)
    {
        if (emoji.TryGetValue(textElement, out meaning!))
        {
            return true;
        }
        var bare = textElement.Replace("\uFE0F", "", StringComparison.Ordinal);
        return bare.Length != textElement.Length && emoji.TryGetValue(bare, out meaning!);
    }

    /// <summary>Finds text emoticons (ㅠㅠ, ^^, :)), records their signals and removes them from the text.</summary>
    public string ExtractEmoticons(string text, ISet<string> signals)
    {
        foreach (var (symbol, signal) in emoticons)
        {
            if (text.Contains(symbol, StringComparison.Ordinal))
            {
                signals.Add(signal);
                text = text.Replace(symbol, " ", StringComparison.Ordinal);
            }
        }
        return string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private sealed record EmojiFile : CommentedFile
    {
        public EmojiMeaning?[]? Emoji { get; init; }
        public EmoticonEntry?[]? Emoticons { get; init; }
    }

    private sealed record EmoticonEntry
    {
        public string? Symbol { get; init; }
        public string? Signal { get; init; }
    }
}

public sealed record EmojiMeaning(
    [property: JsonPropertyName("symbol")] string Symbol,
    [property: JsonPropertyName("signal")] string? Signal,
    [property: JsonPropertyName("food")] string? Food);
