using Naviyam.Shops;

namespace Naviyam.Catalog.Import;

/// <summary>
/// One source's mapping strategy from the table: ordered keyword rules over the tokens of its category text
/// (<c>keywords</c>), '+'-joined codes (<c>codes</c>, the national layout), or exact values (<c>exact</c>).
/// </summary>
internal sealed class SourceMapping
{
    private KeywordRule[] _rules = [];
    private Dictionary<string, FoodCategory> _values = new(StringComparer.OrdinalIgnoreCase);
    private HashSet<string> _vague = new(StringComparer.OrdinalIgnoreCase);
    private string _kind = "exact";
    private string _separator = "+";

    public FoodCategory Default { get; private init; }

    public bool NameKeywordsFirst { get; private init; }

    public static SourceMapping Create(string name, SourceEntry entry)
    {
        var where = $"sources.{name}";
        var mapping = new SourceMapping
        {
            Default = entry.Default is null ? FoodCategory.Other : CategoryFile.ParseCategory(entry.Default, where + ".default"),
            NameKeywordsFirst = entry.NameKeywordsFirst,
        };
        mapping._kind = entry.Kind?.Trim().ToLowerInvariant() ?? "exact";
        mapping._separator = string.IsNullOrEmpty(entry.Separator) ? "+" : entry.Separator;
        mapping._vague = new HashSet<string>((entry.Vague ?? []).Select(v => v.Trim()), StringComparer.OrdinalIgnoreCase);

        switch (mapping._kind)
        {
            case "keywords":
                mapping._rules = (entry.Rules ?? []).Select(rule => KeywordRule.Create(where, rule)).ToArray();
                break;
            case "codes":
            case "exact":
                var values = mapping._kind == "codes" ? entry.Codes : entry.Values;
                foreach (var (key, value) in values ?? [])
                {
                    mapping._values[key.Trim()] = CategoryFile.ParseCategory(value, $"{where}.{key}");
                }
                break;
            default:
                throw new InvalidDataException($"{where}.kind is '{entry.Kind}'; expected keywords, codes or exact.");
        }
        return mapping;
    }

    public FoodCategory? Lookup(string sourceCategory, out bool vague)
    {
        vague = false;
        var text = sourceCategory.Trim();
        switch (_kind)
        {
            case "keywords":
            {
                var tokens = text.ToUpperInvariant().Split(TextMatch.TokenSeparators, StringSplitOptions.RemoveEmptyEntries);
                foreach (var rule in _rules)
                {
                    if (rule.MatchesAnyToken(tokens))
                    {
                        return rule.Category;
                    }
                }
                return null;
            }
            case "codes":
            {
                FoodCategory? vagueMatch = null;
                foreach (var code in text.Split(_separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (!_values.TryGetValue(code, out var category))
                    {
                        continue;
                    }
                    if (_vague.Contains(code))
                    {
                        vagueMatch ??= category;
                        continue;
                    }
                    return category;
                }
                vague = vagueMatch is not null;
                return vagueMatch;
            }
            default:
            {
                if (_values.TryGetValue(text, out var category))
                {
                    vague = _vague.Contains(text);
                    return category;
                }
                return null;
            }
        }
    }
}
