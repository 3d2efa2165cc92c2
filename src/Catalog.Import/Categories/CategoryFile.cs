using System.Text.Json;
using System.Text.Json.Serialization;
using Naviyam.Shops;

namespace Naviyam.Catalog.Import;

/// <summary>The shape of <c>data/catalog/categories.json</c> and its reader; <see cref="CategoryMap"/> gives it meaning.</summary>
internal sealed class CategoryFile
{
    private static readonly JsonSerializerOptions FileOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public int Version { get; set; }
    public List<CategoryEntry>? Categories { get; set; }
    public Dictionary<string, SourceEntry> Sources { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    public NameKeywordsEntry? NameKeywords { get; set; }
    public BarLikeEntry? BarLike { get; set; }

    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not valid JSON.</exception>
    public static CategoryFile Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Category table not found at '{path}'.", path);
        }
        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    public static CategoryFile Read(Stream stream, string? origin = null)
    {
        try
        {
            return JsonSerializer.Deserialize<CategoryFile>(stream, FileOptions)
                   ?? throw new InvalidDataException("The category table is empty.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Category table {origin ?? "(stream)"} is not valid JSON: {ex.Message}", ex);
        }
    }

    /// <summary>One of our category ids as the file writes it ("Chinese"); <paramref name="where"/> names the place for the error.</summary>
    public static FoodCategory ParseCategory(string? id, string where)
    {
        if (id is not null && Enum.TryParse<FoodCategory>(id, ignoreCase: false, out var category)
            && Enum.IsDefined(category) && !int.TryParse(id, out _))
        {
            return category;
        }
        throw new InvalidDataException(
            $"Unknown category '{id}' in {where}; expected one of {string.Join(", ", Enum.GetNames<FoodCategory>())}.");
    }
}

internal sealed class CategoryEntry
{
    public string? Id { get; set; }
    public string? Name { get; set; }
}

internal sealed class SourceEntry
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

internal sealed class RuleEntry
{
    public string? Category { get; set; }
    public List<string>? Keywords { get; set; }
    public List<string>? Except { get; set; }
}

internal sealed class NameKeywordsEntry
{
    public List<RuleEntry>? Rules { get; set; }
}

internal sealed class BarLikeEntry
{
    public List<string>? CategoryContains { get; set; }
    public List<string>? CategoryTokens { get; set; }
    public List<string>? NameContains { get; set; }
    public List<string>? NameTokens { get; set; }
    public List<string>? Exceptions { get; set; }
    public List<string>? BranchLabelWords { get; set; }
}
