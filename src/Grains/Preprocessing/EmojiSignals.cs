using System.Text.Json;
using System.Text.Json.Serialization;

namespace Naviyam.Preprocessing;

/// <summary>
/// Emoji and text emoticons mapped to signals (😭 → distress) or foods (🍕 → 피자), loaded from
/// <c>data/lexicons/emoji.json</c> so that the team can grow the list without touching code.
/// </summary>
public sealed class EmojiSignals
{
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

    public static EmojiSignals Load(string path)
    {
        using var stream = File.OpenRead(path);
        var file = JsonSerializer.Deserialize<EmojiFile>(stream) ?? throw new InvalidDataException($"{path} is empty");
        return new EmojiSignals(
            file.Emoji ?? [],
            (file.Emoticons ?? []).Where(e => e.Signal is not null).Select(e => (e.Symbol, e.Signal!)));
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

    private sealed record EmojiFile(
        [property: JsonPropertyName("emoji")] List<EmojiMeaning>? Emoji,
        [property: JsonPropertyName("emoticons")] List<EmoticonEntry>? Emoticons);

    private sealed record EmoticonEntry(
        [property: JsonPropertyName("symbol")] string Symbol,
        [property: JsonPropertyName("signal")] string? Signal);
}

public sealed record EmojiMeaning(
    [property: JsonPropertyName("symbol")] string Symbol,
    [property: JsonPropertyName("signal")] string? Signal,
    [property: JsonPropertyName("food")] string? Food);
