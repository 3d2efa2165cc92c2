using System.Text.Json;
using System.Text.Json.Serialization;
using Naviyam.Lexicons;
using Naviyam.Shops;

namespace Naviyam.Catalog.Import;

/// <summary>
/// The team's category table (<c>data/catalog/categories.json</c>): Korean names of the 13 categories (plus
/// 기타), how each import source's category text maps onto them, name keywords for vague sources, and the
/// bar-like words that make a shop not-for-children. Immutable and thread-safe once loaded.
/// </summary>
public sealed class CategoryMap
{
    private static readonly char[] TokenSeparators = [',', ' ', '\t', '/', '(', ')', '[', ']', '·', '|', '&', '+', '，', '（', '）'];

    private static readonly JsonSerializerOptions FileOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private readonly Dictionary<FoodCategory, string> _koreanNames;
    private readonly Dictionary<string, SourceMapping> _sources;
    private readonly KeywordRule[] _nameRules;
    private readonly string[] _barCategoryContains;
    private readonly HashSet<string> _barCategoryTokens;
    private readonly string[] _barNameContains;
    private readonly HashSet<string> _barNameTokens;
    private readonly string[] _barExceptions;
    private readonly HashSet<string> _barBranchLabelWords;

    private CategoryMap(CategoryFile file)
    {
        _koreanNames = ValidateCategories(file.Categories);

        _sources = new Dictionary<string, SourceMapping>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, source) in file.Sources)
        {
            _sources[name] = SourceMapping.Create(name, source);
        }

        _nameRules = (file.NameKeywords?.Rules ?? []).Select(rule => KeywordRule.Create("nameKeywords", rule)).ToArray();

        var bar = file.BarLike ?? new BarLikeEntry();
        _barCategoryContains = Upper(bar.CategoryContains);
        _barCategoryTokens = new HashSet<string>(Upper(bar.CategoryTokens), StringComparer.Ordinal);
        _barNameContains = Upper(bar.NameContains);
        _barNameTokens = new HashSet<string>(Upper(bar.NameTokens), StringComparer.Ordinal);
        // Longest first, so "샐러드 바" is removed before a shorter exception could split it.
        _barExceptions = Upper(bar.Exceptions).OrderByDescending(word => word.Length).ToArray();
        _barBranchLabelWords = new HashSet<string>(Upper(bar.BranchLabelWords), StringComparer.Ordinal);
    }

    /// <summary>Where the file ships: <c>data/catalog/categories.json</c> beside the binaries.</summary>
    public static string DefaultPath => new DataPaths().Catalog("categories.json");

    /// <summary>The source names the file has mappings for ("jeju", "national", "peer", "seoul", "generated").</summary>
    public IReadOnlyCollection<string> Sources => _sources.Keys;

    public static CategoryMap LoadDefault() => Load(DefaultPath);

    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not valid JSON or breaks the table's rules.</exception>
    public static CategoryMap Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Category table not found at '{path}'.", path);
        }
        using var stream = File.OpenRead(path);
        return Load(stream, path);
    }

    public static CategoryMap Load(Stream stream, string? origin = null)
    {
        try
        {
            var file = JsonSerializer.Deserialize<CategoryFile>(stream, FileOptions)
                       ?? throw new InvalidDataException("The category table is empty.");
            return new CategoryMap(file);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Category table {origin ?? "(stream)"} is not valid JSON: {ex.Message}", ex);
        }
    }

    public string KoreanName(FoodCategory category) => _koreanNames[category];

    /// <summary>
    /// Maps a source's category text to ours. Order: the source's own table; when that is missing, vague or
    /// marked name-first, the shop name and then the menu names (by keyword); then the source's mapped
    /// category; then our own Korean or enum name; then the source's default (usually 기타).
    /// </summary>
    public FoodCategory Map(string source, string? sourceCategory, string? shopName = null, IEnumerable<string>? menuNames = null)
    {
        _sources.TryGetValue(source, out var mapping);
        FoodCategory? mapped = null;
        var vague = false;

        if (!string.IsNullOrWhiteSpace(sourceCategory))
        {
            mapped = mapping?.Lookup(sourceCategory, out vague);
            if (mapped is null && TryParseOwnName(sourceCategory.Trim(), out var own))
            {
                mapped = own;
            }
        }

        if (mapped is null || vague || mapping?.NameKeywordsFirst == true)
        {
            var byKeyword = FromKeywords(shopName) ?? FromMenuNames(menuNames);
            if (byKeyword is { } keywordCategory)
            {
                return keywordCategory;
            }
        }

        return mapped ?? mapping?.Default ?? FoodCategory.Other;
    }

    /// <summary>The category a shop name (or any text) suggests by keyword, or null.</summary>
    public FoodCategory? FromKeywords(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var upper = text.ToUpperInvariant();
        foreach (var rule in _nameRules)
        {
            if (rule.MatchesText(upper))
            {
                return rule.Category;
            }
        }
        return null;
    }

    /// <summary>
    /// True when the source category or the name says bar, pub, 호프, 주점, 포차 … : such a shop is never for
    /// children. Words that merely contain 바 (바게트, 바비큐, 바지락) or 주점 as a branch suffix (제주점) are not.
    /// </summary>
    public bool IsBarLike(string? sourceCategory, string? name)
    {
        if (!string.IsNullOrWhiteSpace(sourceCategory))
        {
            var text = RemoveExceptions(sourceCategory.ToUpperInvariant());
            foreach (var token in text.Split(TokenSeparators, StringSplitOptions.RemoveEmptyEntries))
            {
                if (_barCategoryTokens.Contains(token))
                {
                    return true;
                }
                foreach (var word in _barCategoryContains)
                {
                    if (TextMatch.Contains(token, word))
                    {
                        return true;
                    }
                }
            }
        }

        if (!string.IsNullOrWhiteSpace(name))
        {
            var text = RemoveExceptions(name.ToUpperInvariant());
            var withoutBranchLabel = WithoutBranchLabel(text);
            foreach (var word in _barNameContains)
            {
                if (TextMatch.Contains(_barBranchLabelWords.Contains(word) ? withoutBranchLabel : text, word))
                {
                    return true;
                }
            }
            foreach (var token in text.Split(TokenSeparators, StringSplitOptions.RemoveEmptyEntries))
            {
                if (_barNameTokens.Contains(token))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The name without its branch label: the last word of a multi-word name when it ends in 점 and is more
    /// than a bare bar word ("CU 제주삼주점" → "CU"; "동네 주점" stays whole).
    /// </summary>
    private string WithoutBranchLabel(string upperName)
    {
        var trimmed = upperName.TrimEnd();
        var lastSpace = trimmed.LastIndexOf(' ');
        if (lastSpace <= 0)
        {
            return trimmed;
        }
        var last = trimmed[(lastSpace + 1)..];
        return last.EndsWith('점') && !_barBranchLabelWords.Contains(last) ? trimmed[..lastSpace] : trimmed;
    }

    private FoodCategory? FromMenuNames(IEnumerable<string>? menuNames)
    {
        if (menuNames is null)
        {
            return null;
        }

        // A vote: the category most menu names point to; ties go to the one seen first.
        Span<int> votes = stackalloc int[FoodCategoryNames.All.Count];
        Span<int> firstSeen = stackalloc int[FoodCategoryNames.All.Count];
        firstSeen.Fill(int.MaxValue);
        var index = 0;
        foreach (var menu in menuNames)
        {
            if (FromKeywords(menu) is { } category)
            {
                votes[(int)category]++;
                firstSeen[(int)category] = Math.Min(firstSeen[(int)category], index);
            }
            index++;
        }

        FoodCategory? best = null;
        for (var i = 0; i < votes.Length; i++)
        {
            if (votes[i] > 0 && (best is null || votes[i] > votes[(int)best.Value]
                                 || (votes[i] == votes[(int)best.Value] && firstSeen[i] < firstSeen[(int)best.Value])))
            {
                best = (FoodCategory)i;
            }
        }
        return best;
    }

    private string RemoveExceptions(string upperText)
    {
        foreach (var exception in _barExceptions)
        {
            if (upperText.Contains(exception, StringComparison.Ordinal))
            {
                upperText = upperText.Replace(exception, " ", StringComparison.Ordinal);
            }
        }
        return upperText;
    }

    private static bool TryParseOwnName(string text, out FoodCategory category)
    {
        if (FoodCategoryNames.TryParseKorean(text, out category))
        {
            return true;
        }
        return Enum.TryParse(text, ignoreCase: true, out category) && Enum.IsDefined(category) && !int.TryParse(text, out _);
    }

    private static Dictionary<FoodCategory, string> ValidateCategories(List<CategoryEntry>? entries)
    {
        if (entries is null || entries.Count == 0)
        {
            throw new InvalidDataException("The category table lists no categories.");
        }

        var names = new Dictionary<FoodCategory, string>();
        foreach (var entry in entries)
        {
            var category = ParseCategory(entry.Id, "categories");
            var expected = category.ToKorean();
            if (!string.Equals(entry.Name, expected, StringComparison.Ordinal))
            {
                throw new InvalidDataException(
                    $"Category {category} is named '{entry.Name}' in the table but '{expected}' in FoodCategoryNames.");
            }
            if (!names.TryAdd(category, expected))
            {
                throw new InvalidDataException($"Category {category} is listed twice.");
            }
        }

        var missing = FoodCategoryNames.All.Where(category => !names.ContainsKey(category)).ToArray();
        if (missing.Length > 0)
        {
            throw new InvalidDataException($"The category table misses: {string.Join(", ", missing)}.");
        }
        return names;
    }

    internal static FoodCategory ParseCategory(string? id, string where)
    {
        if (id is not null && Enum.TryParse<FoodCategory>(id, ignoreCase: false, out var category)
            && Enum.IsDefined(category) && !int.TryParse(id, out _))
        {
            return category;
        }
        throw new InvalidDataException(
            $"Unknown category '{id}' in {where}; expected one of {string.Join(", ", Enum.GetNames<FoodCategory>())}.");
    }

    private static string[] Upper(IEnumerable<string>? words) =>
        (words ?? []).Where(word => !string.IsNullOrWhiteSpace(word)).Select(word => word.Trim().ToUpperInvariant()).ToArray();

    /// <summary>One source's table: ordered keyword rules, '+'-joined codes or exact values.</summary>
    private sealed class SourceMapping
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
                Default = entry.Default is null ? FoodCategory.Other : ParseCategory(entry.Default, where + ".default"),
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
                        mapping._values[key.Trim()] = ParseCategory(value, $"{where}.{key}");
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
                    var tokens = text.ToUpperInvariant().Split(TokenSeparators, StringSplitOptions.RemoveEmptyEntries);
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

    private sealed class KeywordRule
    {
        private string[] _keywords = [];
        private string[] _except = [];

        public FoodCategory Category { get; private init; }

        public static KeywordRule Create(string where, RuleEntry entry) => new()
        {
            Category = ParseCategory(entry.Category, where),
            _keywords = Upper(entry.Keywords),
            _except = Upper(entry.Except),
        };

        /// <summary>A token matches a keyword it contains; a one-letter keyword must equal the token.</summary>
        public bool MatchesAnyToken(string[] tokens)
        {
            foreach (var token in tokens)
            {
                foreach (var keyword in _keywords)
                {
                    if (keyword.Length == 1 ? token == keyword : TextMatch.Contains(token, keyword))
                    {
                        return true;
                    }
                }
            }
            return false;
        }

        public bool MatchesText(string upperText)
        {
            foreach (var word in _except)
            {
                upperText = upperText.Replace(word, " ", StringComparison.Ordinal);
            }
            foreach (var keyword in _keywords)
            {
                if (TextMatch.Contains(upperText, keyword))
                {
                    return true;
                }
            }
            return false;
        }
    }

    // The JSON file's shape.
    private sealed class CategoryFile
    {
        public int Version { get; set; }
        public List<CategoryEntry>? Categories { get; set; }
        public Dictionary<string, SourceEntry> Sources { get; set; } = new(StringComparer.OrdinalIgnoreCase);
        public NameKeywordsEntry? NameKeywords { get; set; }
        public BarLikeEntry? BarLike { get; set; }
    }

    private sealed class CategoryEntry
    {
        public string? Id { get; set; }
        public string? Name { get; set; }
    }

    private sealed class SourceEntry
    {
        public string? Kind { get; set; }
        public string? Separator { get; set; }
        public List<RuleEntry>? Rules { get; set; }
        public Dictionary<string, string>? Codes { get; set; }
        public Dictionary<string, string>? Values { get; set; }
        public List<string>? Vague { get; set; }
        public string? Default { get; set; }
        public bool NameKeywordsFirst { get; set; }
    }

    private sealed class RuleEntry
    {
        public string? Category { get; set; }
        public List<string>? Keywords { get; set; }
        public List<string>? Except { get; set; }
    }

    private sealed class NameKeywordsEntry
    {
        public List<RuleEntry>? Rules { get; set; }
    }

    private sealed class BarLikeEntry
    {
        public List<string>? CategoryContains { get; set; }
        public List<string>? CategoryTokens { get; set; }
        public List<string>? NameContains { get; set; }
        public List<string>? NameTokens { get; set; }
        public List<string>? Exceptions { get; set; }
        public List<string>? BranchLabelWords { get; set; }
    }
}

/// <summary>Keyword search where ASCII keywords ("CU", "PUB") only match as whole words.</summary>
internal static class TextMatch
{
    public static bool Contains(string text, string keyword)
    {
        if (!IsAsciiWord(keyword))
        {
            return text.Contains(keyword, StringComparison.Ordinal);
        }

        var start = 0;
        while (true)
        {
            var index = text.IndexOf(keyword, start, StringComparison.Ordinal);
            if (index < 0)
            {
                return false;
            }
            var end = index + keyword.Length;
            var beforeOk = index == 0 || !char.IsAsciiLetterOrDigit(text[index - 1]);
            var afterOk = end == text.Length || !char.IsAsciiLetter(text[end]);
            if (beforeOk && afterOk)
            {
                return true;
            }
            start = index + 1;
        }
    }

    private static bool IsAsciiWord(string keyword)
    {
        foreach (var c in keyword)
        {
            if (!char.IsAscii(c))
            {
                return false;
            }
        }
        return true;
    }
}
