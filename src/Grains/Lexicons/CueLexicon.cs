using System.Text.Json;
using System.Text.Json.Serialization;

namespace Naviyam.Lexicons;

/// <summary>
/// Phrase lists that signal hunger, hurry, coupons, negation and the like, from <c>data/lexicons/cues.json</c>.
/// Every phrase is matched against the space-free text, so "돈 없어" also catches "돈없어".
/// </summary>
public sealed class CueLexicon
{
    public const int FileVersion = 1;

    private readonly Dictionary<string, string[]> lists;

    private readonly Dictionary<string, Dictionary<string, string>> maps;

    private CueLexicon(
        Dictionary<string, string[]> lists,
        IReadOnlyList<TasteCue> tastes,
        IReadOnlyList<TasteCue> extraTastes,
        Dictionary<string, Dictionary<string, string>> maps)
    {
        this.lists = lists;
        this.maps = maps;
        Tastes = tastes;
        ExtraTastes = extraTastes;
    }

    /// <summary>The taste words and aliases (also read by the intent model's featurizer).</summary>
    public IReadOnlyList<TasteCue> Tastes { get; }

    /// <summary>
    /// More taste phrases for entity extraction only (<c>taste_extra</c>); the featurizer does not read them, so
    /// adding one does not change the intent model's features.
    /// </summary>
    public IReadOnlyList<TasteCue> ExtraTastes { get; }

    /// <summary>
    /// Reads the file: <c>version</c>, the taste lists (<c>taste</c>, <c>taste_extra</c>: words with aliases), word-to-word
    /// tables (objects of strings) and phrase lists (arrays of strings), each phrase written once.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is malformed; the message names the file and the entry.</exception>
    public static CueLexicon Load(string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: {ex.Message}", ex);
        }
        using var _ = document;
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw DataFile.Invalid(path, "the file", "is not a JSON object");
        }
        var lists = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var tastes = new List<TasteCue>();
        var extraTastes = new List<TasteCue>();
        var maps = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        var version = 0;
        foreach (var property in document.RootElement.EnumerateObject())
        {
            var value = property.Value;
            if (property.Name == "version")
            {
                version = value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : -1;
            }
            else if (property.Name == "$comment")
            {
                continue;
            }
            else if (property.Name is "taste" or "taste_extra")
            {
                (property.Name == "taste" ? tastes : extraTastes).AddRange(ReadTastes(path, property.Name, value));
            }
            else if (value.ValueKind == JsonValueKind.Object)
            {
                maps[property.Name] = value.EnumerateObject().ToDictionary(
                    p => p.Name,
                    p => p.Value.ValueKind == JsonValueKind.String && p.Value.GetString() is { Length: > 0 } word
                        ? word
                        : throw DataFile.Invalid(path, $"{property.Name}.{p.Name}", "must be a word"),
                    StringComparer.Ordinal);
            }
            else if (value.ValueKind == JsonValueKind.Array)
            {
                var phrases = DataFile.Phrases(path, property.Name, [.. value.EnumerateArray().Select(e =>
                    e.ValueKind == JsonValueKind.String ? e.GetString() : throw DataFile.Invalid(path, property.Name, $"has {e.ValueKind}, not a phrase"))]);
                lists[property.Name] = phrases
                    .Select(Compact)
                    .Distinct()
                    .OrderByDescending(s => s.Length)
                    .ToArray();
            }
            else
            {
                throw DataFile.Invalid(path, property.Name, "is neither a list of phrases nor a table");
            }
        }
        if (version != FileVersion)
        {
            throw DataFile.Invalid(path, "version", $"is {version}; this build reads version {FileVersion}");
        }
        return new CueLexicon(lists, tastes, extraTastes, maps);
    }

    private static IEnumerable<TasteCue> ReadTastes(string path, string list, JsonElement value)
    {
        List<TasteCue?>? tastes;
        try
        {
            tastes = value.Deserialize<List<TasteCue?>>();
        }
        catch (JsonException ex)
        {
            throw DataFile.Invalid(path, list, $"is not a list of words with aliases ({ex.Message})");
        }
        for (var k = 0; k < (tastes?.Count ?? 0); k++)
        {
            if (tastes![k] is not { Word.Length: > 0, Aliases: { } aliases } taste)
            {
                throw DataFile.Invalid(path, $"{list}[{k}]", "needs a 'word' and its 'aliases'");
            }
            DataFile.Phrases(path, $"{list}[{k}] ({taste.Word}).aliases", aliases, allowEmpty: true);
            yield return taste;
        }
    }

    /// <summary>A word-to-word table of the file (for example <c>taste_negated</c>: 매운 → 안 매운); empty when absent.</summary>
    public IReadOnlyDictionary<string, string> Map(string name) =>
        maps.TryGetValue(name, out var map) ? map : new Dictionary<string, string>(StringComparer.Ordinal);

    public IReadOnlyList<string> this[string list] => lists.TryGetValue(list, out var phrases) ? phrases : [];

    /// <summary>True when any phrase of the list occurs in the space-free text.</summary>
    public bool Any(string list, string compactText) => Find(list, compactText) >= 0;

    /// <summary>The position of the first phrase of the list in the space-free text, or -1.</summary>
    public int Find(string list, string compactText)
    {
        var best = -1;
        foreach (var phrase in this[list])
        {
            var at = compactText.IndexOf(phrase, StringComparison.Ordinal);
            if (at >= 0 && (best < 0 || at < best))
            {
                best = at;
            }
        }
        return best;
    }

    /// <summary>True when the space-free text starts with a phrase of the list at <paramref name="index"/>.</summary>
    public bool StartsAt(string list, string compactText, int index, out int length)
    {
        foreach (var phrase in this[list])
        {
            if (compactText.AsSpan(index).StartsWith(phrase))
            {
                length = phrase.Length;
                return true;
            }
        }
        length = 0;
        return false;
    }

    public static string Compact(string text) => text.Replace(" ", "", StringComparison.Ordinal);
}

public sealed record TasteCue(
    [property: JsonPropertyName("word")] string Word,
    [property: JsonPropertyName("aliases")] IReadOnlyList<string> Aliases);
