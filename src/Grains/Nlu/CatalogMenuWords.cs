using System.Collections.Concurrent;
using Naviyam.Catalog;
using Naviyam.Lexicons;

namespace Naviyam.Nlu;

/// <summary>
/// <see cref="IServedMenuWords"/> over the silo's catalog, by the rule retrieval matches such a dish with
/// (<see cref="UnlistedDishName"/>). The distinct menu names are gathered once per catalog version; each word's answer
/// is kept until the catalog changes, so a word costs one scan of the names, not one per turn.
/// </summary>
public sealed class CatalogMenuWords : IServedMenuWords
{
    private const int MaxRememberedWords = 50_000;

    private readonly IShopCatalog catalog;
    private readonly ConcurrentDictionary<string, bool> answers = new(StringComparer.Ordinal);
    private volatile string[]? names;

    public CatalogMenuWords(IShopCatalog catalog)
    {
        this.catalog = catalog;
        catalog.Changed += () =>
        {
            names = null;
            answers.Clear();
        };
    }

    public bool Serves(string word)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(word);
        if (answers.TryGetValue(word, out var known))
        {
            return known;
        }
        var all = names ??= MenuNames();
        var serves = Array.Exists(all, name => UnlistedDishName.IsNamedBy(word, name));
        if (answers.Count >= MaxRememberedWords)
        {
            answers.Clear();
        }
        answers[word] = serves;
        return serves;
    }

    // Shop names too: most real merchant lists carry no menus, and "흑돼지마을" says what it serves.
    private string[] MenuNames() =>
        [.. catalog.All().SelectMany(shop => shop.Menus.Select(menu => menu.Name).Append(shop.Name)).Distinct(StringComparer.Ordinal)];
}
