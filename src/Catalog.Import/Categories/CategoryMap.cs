using Naviyam.Lexicons;
using Naviyam.Shops;

namespace Naviyam.Catalog.Import;

/// <summary>
/// The team's category table (<c>data/catalog/categories.json</c>, read by <see cref="CategoryFile"/>): Korean names
/// of the 13 categories (plus 기타), how each import source's category text maps onto them
/// (<see cref="SourceMapping"/>), name keywords for vague sources (<see cref="KeywordRule"/>), and the bar-like
/// words that make a shop not-for-children (<see cref="BarLikeRule"/>). Immutable and thread-safe once loaded.
/// </summary>
public sealed class CategoryMap
{
    private readonly Dictionary<FoodCategory, string> _koreanNames;
    private readonly Dictionary<string, SourceMapping> _sources;
    private readonly KeywordRule[] _nameRules;
    private readonly BarLikeRule _barLike;

    private CategoryMap(CategoryFile file)
    {
        _koreanNames = ValidateCategories(file.Categories);

        _sources = new Dictionary<string, SourceMapping>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, source) in file.Sources)
        {
            _sources[name] = SourceMapping.Create(name, source);
        }

        _nameRules = (file.NameKeywords?.Rules ?? []).Select(rule => KeywordRule.Create("nameKeywords", rule)).ToArray();
        _barLike = new BarLikeRule(file.BarLike ?? new BarLikeEntry());
    }

    /// <summary>Where the file ships: <c>data/catalog/categories.json</c> beside the binaries.</summary>
    public static string DefaultPath => new DataPaths().Catalog("categories.json");

    /// <summary>The source names the file has mappings for ("jeju", "national", "peer", "seoul", "generated").</summary>
    public IReadOnlyCollection<string> Sources => _sources.Keys;

    public static CategoryMap LoadDefault() => Load(DefaultPath);

    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not valid JSON or breaks the table's rules.</exception>
    public static CategoryMap Load(string path) => new(CategoryFile.Read(path));

    public static CategoryMap Load(Stream stream, string? origin = null) => new(CategoryFile.Read(stream, origin));

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
    public bool IsBarLike(string? sourceCategory, string? name) => _barLike.Matches(sourceCategory, name);

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
            var category = CategoryFile.ParseCategory(entry.Id, "categories");
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
}
