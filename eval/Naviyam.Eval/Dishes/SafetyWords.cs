using System.Text.Json;
using Naviyam.Eval.Raw;

namespace Naviyam.Eval.Dishes;

/// <summary>
/// The eval's own alcohol word list and not-for-children rules (<c>data/safety.json</c>): independent of the
/// product's menu-kind classifier, so that a miss in one is caught by the other.
/// </summary>
public sealed class SafetyWords
{
    private readonly string[] _alcohol;
    private readonly HashSet<string> _alcoholExact;
    private readonly string[] _notAlcohol;
    private readonly string[] _adultCategories;
    private readonly string[] _adultNames;

    private SafetyWords(SafetyFile file)
    {
        _alcohol = Keys(file.Alcohol);
        _alcoholExact = [.. Keys(file.AlcoholExact)];
        _notAlcohol = Keys(file.NotAlcohol);
        _adultCategories = [.. file.AdultCategories];
        _adultNames = Keys(file.AdultNames);
    }

    public static SafetyWords Load(string path)
    {
        using var stream = File.OpenRead(path);
        return new SafetyWords(JsonSerializer.Deserialize<SafetyFile>(stream, EvalJson.Options) ?? throw new InvalidDataException($"{path} is empty."));
    }

    public bool IsAlcohol(string? menuName)
    {
        var key = TextKey.Of(menuName);
        if (key.Length == 0)
        {
            return false;
        }
        if (_alcoholExact.Contains(key))
        {
            return true;
        }
        foreach (var not in _notAlcohol)
        {
            key = key.Replace(not, "□", StringComparison.Ordinal);
        }
        return _alcohol.Any(word => key.Contains(word, StringComparison.Ordinal));
    }

    /// <summary>Why a shop is not for children, or null when it is fine.</summary>
    public string? NotForChildren(RawShop shop)
    {
        if (shop.FlaggedNotForChildren)
        {
            return "the raw file flags it not for children";
        }
        if (_adultCategories.FirstOrDefault(c => shop.Category.Contains(c, StringComparison.Ordinal)) is { } category)
        {
            return $"its category '{shop.Category}' is '{category}'";
        }
        var name = TextKey.Of(shop.Name);
        if (_adultNames.FirstOrDefault(n => name.Contains(n, StringComparison.Ordinal)) is { } word)
        {
            return $"its name says '{word}'";
        }
        var named = shop.Menus.Where(m => TextKey.Of(m.Name).Length > 0).ToList();
        if (named.Count >= 2 && named.Count(m => IsAlcohol(m.Name)) * 2 >= named.Count)
        {
            return "at least half of its menu is alcohol";
        }
        return null;
    }

    private static string[] Keys(IEnumerable<string> words) => [.. words.Select(TextKey.Of).Where(w => w.Length > 0).Distinct()];

    private sealed record SafetyFile(
        IReadOnlyList<string> Alcohol,
        IReadOnlyList<string> AlcoholExact,
        IReadOnlyList<string> NotAlcohol,
        IReadOnlyList<string> AdultCategories,
        IReadOnlyList<string> AdultNames);
}
