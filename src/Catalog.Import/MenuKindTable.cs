using System.Text.Json;
using System.Text.Json.Serialization;
using Naviyam.Lexicons;
using Naviyam.Shops;

namespace Naviyam.Catalog.Import;

/// <summary>How a name rule of <see cref="MenuKindTable"/> looks at a menu name.</summary>
internal enum NameMatch
{
    /// <summary>The word appears anywhere in the whole name, bracketed notes included (checked first).</summary>
    Raw,
    /// <summary>The name starts with the word.</summary>
    Prefix,
    /// <summary>The normalised name equals the word.</summary>
    Word,
    /// <summary>The last word of the name (after sizes and notes are dropped) equals the word: "따뜻한 차".</summary>
    LastWord,
    /// <summary>The normalised name ends with the word; the longest ending of any kind wins.</summary>
    Ending,
    /// <summary>The word appears anywhere; checked after combos, before the ending (sets, courses).</summary>
    ContainsBeforeEnding,
    /// <summary>The word appears anywhere; checked last, in table order.</summary>
    Contains,
}

internal sealed record NameRule(MenuKind Kind, NameMatch Match, string[] Words, FoodCategory? OnlyIn);

internal sealed record AlcoholVocabulary(
    string[] Words, string[] Always, string[] Tokens, string[] NotAlcohol, string[] InAlcoholShop, string[] AlcoholFree);

internal sealed record SharedSetVocabulary(
    string[] GroupWords, string[] SingleWords, string[] MinimumOrderWords, HashSet<string> SizeWords, string[] GluedSizeMarks,
    string[] PlatterWords, double PriceRatio, string[] SetWords, double SetPriceRatio);

internal sealed record RelativePriceSettings(
    int MinimumMeals, double ReferenceQuantile, double UnknownNameSideRatio, double TypicalUnknownNameSideRatio, double MealSideRatio,
    string[] SideLikeMealNames, string[] SideLikeMealEndings, double SideLikeMealRatio, double SideAsDishRatio,
    IReadOnlyDictionary<FoodCategory, int> TypicalMealPrices, string[] ChildWords);

internal sealed record MostlyAlcoholSettings(double Share, int MinimumItems);

/// <summary>
/// The team's menu-kind vocabulary, <c>data/catalog/menu-kinds.json</c>, read and checked: every kind and category
/// must exist, every word list must be non-empty without blank or repeated words, every ratio must make sense, and
/// a property the reader does not know is an error (a '$' prefix marks a comment), so that a typo never silently
/// switches a rule off. Immutable once loaded.
/// </summary>
public sealed class MenuKindTable
{
    public const int SupportedVersion = 1;

    private static readonly JsonSerializerOptions FileOptions = new()
    {
        PropertyNameCaseInsensitive = false,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private MenuKindTable(string origin, TableFile file)
    {
        var where = new Where(origin);
        where.CheckProperties("the top level", file.Extra);
        if (file.Version != SupportedVersion)
        {
            throw where.Error($"version is {file.Version}; this build reads version {SupportedVersion}");
        }

        Alcohol = ReadAlcohol(where, file.Alcohol ?? throw where.Error("the 'alcohol' section is missing"));
        Rules = ReadRules(where, file.Rules);
        CategoryDefaults = ReadCategoryDefaults(where, file.CategoryDefaults);
        Shared = ReadShared(where, file.Shared ?? throw where.Error("the 'shared' section is missing"));
        RelativePrice = ReadRelativePrice(where, file.RelativePrice ?? throw where.Error("the 'relativePrice' section is missing"));
        MostlyAlcohol = ReadMostlyAlcohol(where, file.MostlyAlcohol ?? throw where.Error("the 'mostlyAlcohol' section is missing"));
    }

    internal IReadOnlyList<NameRule> Rules { get; }

    internal AlcoholVocabulary Alcohol { get; }

    internal IReadOnlyDictionary<FoodCategory, MenuKind> CategoryDefaults { get; }

    internal SharedSetVocabulary Shared { get; }

    internal RelativePriceSettings RelativePrice { get; }

    internal MostlyAlcoholSettings MostlyAlcohol { get; }

    /// <summary>The shipped table: <c>catalog/menu-kinds.json</c> in the team's data folder.</summary>
    public static MenuKindTable Load(DataPaths paths) => Load(paths.Catalog("menu-kinds.json"));

    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not valid JSON or breaks the table's rules; the message says where.</exception>
    public static MenuKindTable Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Menu-kind table not found at '{path}'.", path);
        }
        using var stream = File.OpenRead(path);
        return Load(stream, path);
    }

    /// <exception cref="InvalidDataException">The text is not valid JSON or breaks the table's rules; the message says where.</exception>
    public static MenuKindTable Load(Stream stream, string? origin = null)
    {
        origin ??= "menu-kind table";
        TableFile? file;
        try
        {
            file = JsonSerializer.Deserialize<TableFile>(stream, FileOptions);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{origin}: not valid JSON or a value of the wrong type ({ex.Message}).", ex);
        }
        return new MenuKindTable(origin, file ?? throw new InvalidDataException($"{origin}: the file is empty."));
    }

    private static AlcoholVocabulary ReadAlcohol(Where where, AlcoholEntry entry)
    {
        where.CheckProperties("alcohol", entry.Extra);
        return new AlcoholVocabulary(
            where.Words("alcohol.words", entry.Words),
            where.Words("alcohol.always", entry.Always),
            where.Words("alcohol.tokens", entry.Tokens),
            where.Words("alcohol.notAlcohol", entry.NotAlcohol, spacesAllowed: false),
            where.Words("alcohol.inAlcoholShop", entry.InAlcoholShop),
            where.Words("alcohol.alcoholFree", entry.AlcoholFree));
    }

    private static NameRule[] ReadRules(Where where, List<RuleEntry>? entries)
    {
        if (entries is null || entries.Count == 0)
        {
            throw where.Error("'rules' is missing or empty");
        }

        var rules = new NameRule[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var at = $"rules[{i}]";
            where.CheckProperties(at, entry.Extra);
            var kind = where.Kind($"{at}.kind", entry.Kind);
            if (kind is MenuKind.Alcohol or MenuKind.SharedSet)
            {
                throw where.Error($"{at}.kind is {kind}: alcohol is decided by the 'alcohol' section and sets for several people by 'shared', not by name rules");
            }
            var match = entry.Match?.Trim() switch
            {
                "raw" => NameMatch.Raw,
                "prefix" => NameMatch.Prefix,
                "word" => NameMatch.Word,
                "lastWord" => NameMatch.LastWord,
                "ending" => NameMatch.Ending,
                "containsBeforeEnding" => NameMatch.ContainsBeforeEnding,
                "contains" => NameMatch.Contains,
                _ => throw where.Error($"{at}.match is '{entry.Match}'; expected raw, prefix, word, lastWord, ending, containsBeforeEnding or contains"),
            };
            FoodCategory? onlyIn = entry.OnlyIn is null ? null : where.Category($"{at}.onlyIn", entry.OnlyIn);
            rules[i] = new NameRule(kind, match, where.Words($"{at}.words", entry.Words, spacesAllowed: match == NameMatch.Raw), onlyIn);
        }
        return rules;
    }

    private static Dictionary<FoodCategory, MenuKind> ReadCategoryDefaults(Where where, Dictionary<string, string>? entries)
    {
        var defaults = new Dictionary<FoodCategory, MenuKind>();
        foreach (var (key, value) in entries ?? [])
        {
            if (key.StartsWith('$'))
            {
                continue;
            }
            var category = where.Category($"categoryDefaults key '{key}'", key);
            var kind = where.Kind($"categoryDefaults.{key}", value);
            if (kind is MenuKind.Alcohol or MenuKind.SharedSet)
            {
                throw where.Error($"categoryDefaults.{key} is {kind}: an unknown name is never assumed to be alcohol or a set for several people");
            }
            defaults[category] = kind;
        }
        return defaults;
    }

    private static SharedSetVocabulary ReadShared(Where where, SharedEntry entry)
    {
        where.CheckProperties("shared", entry.Extra);
        foreach (var (name, ratio) in new[] { ("priceRatio", entry.PriceRatio), ("setPriceRatio", entry.SetPriceRatio) })
        {
            if (ratio is not (> 1 and <= 20))
            {
                throw where.Error($"shared.{name} is {ratio}; it must be above 1 (a set for several costs more than one meal) and at most 20");
            }
        }
        return new SharedSetVocabulary(
            where.Words("shared.groupWords", entry.GroupWords),
            where.Words("shared.singleWords", entry.SingleWords),
            where.Words("shared.minimumOrderWords", entry.MinimumOrderWords),
            new HashSet<string>(where.Words("shared.sizeWords", entry.SizeWords), StringComparer.Ordinal),
            where.Words("shared.gluedSizeMarks", entry.GluedSizeMarks),
            where.Words("shared.platterWords", entry.PlatterWords),
            entry.PriceRatio,
            where.Words("shared.setWords", entry.SetWords),
            entry.SetPriceRatio);
    }

    private static RelativePriceSettings ReadRelativePrice(Where where, RelativePriceEntry entry)
    {
        where.CheckProperties("relativePrice", entry.Extra);
        if (entry.MinimumMeals < 1)
        {
            throw where.Error($"relativePrice.minimumMeals is {entry.MinimumMeals}; it must be at least 1");
        }
        CheckFraction(where, "relativePrice.referenceQuantile", entry.ReferenceQuantile);
        CheckFraction(where, "relativePrice.unknownNameSideRatio", entry.UnknownNameSideRatio);
        CheckFraction(where, "relativePrice.typicalUnknownNameSideRatio", entry.TypicalUnknownNameSideRatio);
        CheckFraction(where, "relativePrice.mealSideRatio", entry.MealSideRatio);
        CheckFraction(where, "relativePrice.sideLikeMealRatio", entry.SideLikeMealRatio);
        if (entry.SideLikeMealRatio < entry.MealSideRatio)
        {
            throw where.Error($"relativePrice.sideLikeMealRatio is {entry.SideLikeMealRatio}; it must be at least mealSideRatio ({entry.MealSideRatio})");
        }
        if (entry.SideAsDishRatio is not (> 1 and <= 20))
        {
            throw where.Error($"relativePrice.sideAsDishRatio is {entry.SideAsDishRatio}; it must be above 1 and at most 20");
        }

        var typical = new Dictionary<FoodCategory, int>();
        foreach (var (key, price) in entry.TypicalMealPrices ?? [])
        {
            var category = where.Category($"relativePrice.typicalMealPrices key '{key}'", key);
            if (price is <= 0 or > MenuTextParser.MaxPlausiblePrice)
            {
                throw where.Error($"relativePrice.typicalMealPrices.{key} is {price}; a meal price is above 0 and at most {MenuTextParser.MaxPlausiblePrice}");
            }
            typical[category] = price;
        }
        var missing = Enum.GetValues<FoodCategory>().Where(category => !typical.ContainsKey(category)).ToArray();
        if (missing.Length > 0)
        {
            throw where.Error($"relativePrice.typicalMealPrices misses {string.Join(", ", missing)}");
        }

        return new RelativePriceSettings(entry.MinimumMeals, entry.ReferenceQuantile, entry.UnknownNameSideRatio,
            entry.TypicalUnknownNameSideRatio, entry.MealSideRatio,
            where.Words("relativePrice.sideLikeMealNames", entry.SideLikeMealNames),
            where.Words("relativePrice.sideLikeMealEndings", entry.SideLikeMealEndings), entry.SideLikeMealRatio,
            entry.SideAsDishRatio, typical, where.Words("relativePrice.childWords", entry.ChildWords));
    }

    private static MostlyAlcoholSettings ReadMostlyAlcohol(Where where, MostlyAlcoholEntry entry)
    {
        where.CheckProperties("mostlyAlcohol", entry.Extra);
        CheckFraction(where, "mostlyAlcohol.share", entry.Share);
        if (entry.MinimumItems < 1)
        {
            throw where.Error($"mostlyAlcohol.minimumItems is {entry.MinimumItems}; it must be at least 1");
        }
        return new MostlyAlcoholSettings(entry.Share, entry.MinimumItems);
    }

    private static void CheckFraction(Where where, string name, double value)
    {
        if (value is not (> 0 and <= 1))
        {
            throw where.Error($"{name} is {value}; it must be above 0 and at most 1");
        }
    }

    /// <summary>Error messages that name the file and the entry.</summary>
    private sealed class Where(string origin)
    {
        public InvalidDataException Error(string message) => new($"{origin}: {message}.");

        public void CheckProperties(string at, Dictionary<string, JsonElement>? extra)
        {
            var unknown = extra?.Keys.FirstOrDefault(key => !key.StartsWith('$'));
            if (unknown is not null)
            {
                throw Error($"{at} has an unknown property '{unknown}' (a '$' prefix marks a comment)");
            }
        }

        public MenuKind Kind(string at, string? text)
        {
            if (text is not null && Enum.TryParse<MenuKind>(text, ignoreCase: false, out var kind) && Enum.IsDefined(kind)
                && !int.TryParse(text, out _))
            {
                return kind;
            }
            throw Error($"{at} is '{text}', which is not a menu kind; expected one of {string.Join(", ", Enum.GetNames<MenuKind>())}");
        }

        public FoodCategory Category(string at, string text)
        {
            if (Enum.TryParse<FoodCategory>(text, ignoreCase: false, out var category) && Enum.IsDefined(category) && !int.TryParse(text, out _))
            {
                return category;
            }
            throw Error($"{at} is '{text}', which is not a category; expected one of {string.Join(", ", Enum.GetNames<FoodCategory>())}");
        }

        /// <summary>Upper-cased words; a missing, empty, blank or repeated entry is an error.</summary>
        public string[] Words(string at, List<string>? words, bool spacesAllowed = true)
        {
            if (words is null || words.Count == 0)
            {
                throw Error($"{at} is missing or empty");
            }
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var result = new string[words.Count];
            for (var i = 0; i < words.Count; i++)
            {
                var word = words[i];
                if (string.IsNullOrWhiteSpace(word) || word.Trim() != word)
                {
                    throw Error($"{at}[{i}] is '{word}': blank or with spaces around it");
                }
                if (!spacesAllowed && word.Any(char.IsWhiteSpace))
                {
                    throw Error($"{at}[{i}] is '{word}': write it without spaces (names are compared without them)");
                }
                var upper = word.ToUpperInvariant();
                if (!seen.Add(upper))
                {
                    throw Error($"{at} lists '{word}' twice");
                }
                result[i] = upper;
            }
            return result;
        }
    }

    // The JSON file's shape. Unknown properties land in Extra and are rejected unless they start with '$'.
    private sealed class TableFile
    {
        public int Version { get; set; }
        public AlcoholEntry? Alcohol { get; set; }
        public List<RuleEntry>? Rules { get; set; }
        public Dictionary<string, string>? CategoryDefaults { get; set; }
        public SharedEntry? Shared { get; set; }
        public RelativePriceEntry? RelativePrice { get; set; }
        public MostlyAlcoholEntry? MostlyAlcohol { get; set; }
        [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
    }

    private sealed class AlcoholEntry
    {
        public List<string>? Words { get; set; }
        public List<string>? Always { get; set; }
        public List<string>? Tokens { get; set; }
        public List<string>? NotAlcohol { get; set; }
        public List<string>? InAlcoholShop { get; set; }
        public List<string>? AlcoholFree { get; set; }
        [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
    }

    private sealed class RuleEntry
    {
        public string? Kind { get; set; }
        public string? Match { get; set; }
        public List<string>? Words { get; set; }
        public string? OnlyIn { get; set; }
        [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
    }

    private sealed class SharedEntry
    {
        public List<string>? GroupWords { get; set; }
        public List<string>? SingleWords { get; set; }
        public List<string>? MinimumOrderWords { get; set; }
        public List<string>? SizeWords { get; set; }
        public List<string>? GluedSizeMarks { get; set; }
        public List<string>? PlatterWords { get; set; }
        public double PriceRatio { get; set; }
        public List<string>? SetWords { get; set; }
        public double SetPriceRatio { get; set; }
        [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
    }

    private sealed class RelativePriceEntry
    {
        public int MinimumMeals { get; set; }
        public double ReferenceQuantile { get; set; }
        public double UnknownNameSideRatio { get; set; }
        public double TypicalUnknownNameSideRatio { get; set; }
        public double MealSideRatio { get; set; }
        public List<string>? SideLikeMealNames { get; set; }
        public List<string>? SideLikeMealEndings { get; set; }
        public double SideLikeMealRatio { get; set; }
        public double SideAsDishRatio { get; set; }
        public Dictionary<string, int>? TypicalMealPrices { get; set; }
        public List<string>? ChildWords { get; set; }
        [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
    }

    private sealed class MostlyAlcoholEntry
    {
        public double Share { get; set; }
        public int MinimumItems { get; set; }
        [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
    }
}
