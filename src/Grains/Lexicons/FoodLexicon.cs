using System.Text.Json;
using System.Text.Json.Serialization;
using Naviyam.Shops;

namespace Naviyam.Lexicons;

/// <summary>
/// Food words the NLU recognises: menu names, category words and their common spellings, loaded from
/// <c>data/lexicons/foods.json</c> and extended with the menu names of the shops actually served.
/// </summary>
public sealed class FoodLexicon
{
    private readonly Dictionary<string, FoodTerm> bySurface = new(StringComparer.Ordinal);
    private string[] surfacesLongestFirst = [];

    public FoodLexicon(IEnumerable<FoodTerm> terms, IEnumerable<(string Word, string[] Foods)> compounds)
    {
        foreach (var term in terms)
        {
            Add(term.Name, term);
            foreach (var alias in term.Aliases)
            {
                Add(alias, term);
            }
        }
        foreach (var (word, foods) in compounds)
        {
            if (foods.Length > 0 && bySurface.TryGetValue(foods[0], out var first))
            {
                Add(word, first);
            }
        }
        Reindex();
    }

    public IReadOnlyCollection<string> Surfaces => surfacesLongestFirst;

    public static FoodLexicon Load(string path)
    {
        using var stream = File.OpenRead(path);
        var file = JsonSerializer.Deserialize<FoodFile>(stream) ?? throw new InvalidDataException($"{path} is empty");
        var terms = file.Foods.Select(f => new FoodTerm(
            f.Name,
            FoodCategoryNames.TryParseKorean(f.Category, out var category) ? category : FoodCategory.Other,
            f.Aliases ?? []));
        return new FoodLexicon(terms, (file.Compounds ?? []).Select(c => (c.Word, c.Foods.ToArray())));
    }

    /// <summary>Adds menu names seen in the served shops, so any city's own dishes are understood.</summary>
    public void AddMenuNames(IEnumerable<(string Name, FoodCategory Category)> menus)
    {
        foreach (var (name, category) in menus)
        {
            var word = name.Replace(" ", "", StringComparison.Ordinal);
            if (word.Length >= 2 && !bySurface.ContainsKey(word))
            {
                Add(word, new FoodTerm(word, category, []));
            }
        }
        Reindex();
    }

    public bool TryGet(string surface, out FoodTerm term) => bySurface.TryGetValue(surface, out term!);

    /// <summary>Every food mention in a space-free text, longest first and without overlaps.</summary>
    public IReadOnlyList<FoodMention> FindAll(string compactText)
    {
        var mentions = new List<FoodMention>();
        if (compactText.Length == 0)
        {
            return mentions;
        }
        var taken = new bool[compactText.Length];
        foreach (var surface in surfacesLongestFirst)
        {
            var start = 0;
            while ((start = compactText.IndexOf(surface, start, StringComparison.Ordinal)) >= 0)
            {
                var end = start + surface.Length;
                if (!taken.AsSpan(start, surface.Length).Contains(true))
                {
                    taken.AsSpan(start, surface.Length).Fill(true);
                    mentions.Add(new FoodMention(bySurface[surface], surface, start, end));
                }
                start = end;
            }
        }
        mentions.Sort((a, b) => a.Start.CompareTo(b.Start));
        return mentions;
    }

    private void Add(string surface, FoodTerm term)
    {
        var key = surface.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        if (key.Length > 0)
        {
            bySurface.TryAdd(key, term);
        }
    }

    private void Reindex() =>
        surfacesLongestFirst = bySurface.Keys.OrderByDescending(k => k.Length).ThenBy(k => k, StringComparer.Ordinal).ToArray();

    private sealed record FoodFile(
        [property: JsonPropertyName("foods")] List<FoodEntry> Foods,
        [property: JsonPropertyName("compounds")] List<CompoundEntry>? Compounds);

    private sealed record FoodEntry(
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("category")] string Category,
        [property: JsonPropertyName("aliases")] List<string>? Aliases);

    private sealed record CompoundEntry(
        [property: JsonPropertyName("word")] string Word,
        [property: JsonPropertyName("foods")] List<string> Foods);
}

/// <summary>A canonical food word and the category it belongs to.</summary>
public sealed record FoodTerm(string Name, FoodCategory Category, IReadOnlyList<string> Aliases)
{
    /// <summary>True when the word names the category itself (치킨, 피자, 분식) rather than one dish.</summary>
    public bool IsCategoryWord => Category != FoodCategory.Other && Category.ToKorean() == Name
        || Category is FoodCategory.Chicken or FoodCategory.Pizza or FoodCategory.Burger && Name.Length <= 3;
}

public sealed record FoodMention(FoodTerm Term, string Surface, int Start, int End);
