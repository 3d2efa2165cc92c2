using System.Text.Json;
using System.Text.Json.Serialization;

namespace Naviyam.Lexicons;

/// <summary>
/// Phrase lists that signal hunger, hurry, coupons, negation and the like, from <c>data/lexicons/cues.json</c>.
/// Every phrase is matched against the space-free text, so "돈 없어" also catches "돈없어".
/// </summary>
public sealed class CueLexicon
{
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

    public static CueLexicon Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var lists = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var tastes = new List<TasteCue>();
        var extraTastes = new List<TasteCue>();
        var maps = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (property.Name == "taste")
            {
                tastes.AddRange(property.Value.Deserialize<List<TasteCue>>() ?? []);
            }
            else if (property.Name == "taste_extra")
            {
                extraTastes.AddRange(property.Value.Deserialize<List<TasteCue>>() ?? []);
            }
            else if (property.Value.ValueKind == JsonValueKind.Object)
            {
                maps[property.Name] = property.Value.EnumerateObject()
                    .Where(p => p.Value.ValueKind == JsonValueKind.String)
                    .ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
            }
            else if (property.Value.ValueKind == JsonValueKind.Array)
            {
                lists[property.Name] = property.Value.EnumerateArray()
                    .Where(e => e.ValueKind == JsonValueKind.String)
                    .Select(e => Compact(e.GetString()!))
                    .Where(s => s.Length > 0)
                    .Distinct()
                    .OrderByDescending(s => s.Length)
                    .ToArray();
            }
        }
        return new CueLexicon(lists, tastes, extraTastes, maps);
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
