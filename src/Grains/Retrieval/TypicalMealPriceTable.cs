using System.Text.Json.Serialization;
using Naviyam.Lexicons;
using Naviyam.Shops;

namespace Naviyam.Retrieval;

/// <summary>
/// The usual price of the cheapest meal at each kind of shop, in won, from the <c>typicalMealPrice</c> of every category
/// in <c>data/catalog/categories.json</c>: what <see cref="TypicalMealPrices"/> offers until a city's own priced shops
/// say otherwise.
/// </summary>
public sealed class TypicalMealPriceTable
{
    public const int FileVersion = 1;

    // A meal card pays for one child's meal: a figure outside this range is a typo (an extra zero), not a price.
    private const int MinPrice = 500;
    private const int MaxPrice = 100_000;

    private readonly Dictionary<FoodCategory, int> prices;

    private TypicalMealPriceTable(Dictionary<FoodCategory, int> prices) => this.prices = prices;

    public int Of(FoodCategory category) => prices[category];

    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">
    /// A category is unknown, listed twice, missing or has no sensible price; the message names the file and the entry.
    /// </exception>
    public static TypicalMealPriceTable Load(string path)
    {
        var file = DataFile.Read<CategoriesFile>(path, FileVersion);
        var prices = new Dictionary<FoodCategory, int>();
        var entries = DataFile.Required(path, "categories", file.Categories);
        for (var k = 0; k < entries.Length; k++)
        {
            var entry = entries[k] ?? throw DataFile.Invalid(path, $"categories[{k}]", "is empty");
            var where = $"categories[{k}] ({entry.Id})";
            if (!Enum.TryParse<FoodCategory>(entry.Id, ignoreCase: false, out var category) || !Enum.IsDefined(category))
            {
                throw DataFile.Invalid(path, where, $"is not a category; expected one of {string.Join(", ", Enum.GetNames<FoodCategory>())}");
            }
            if (entry.TypicalMealPrice is not { } price || price is < MinPrice or > MaxPrice)
            {
                throw DataFile.Invalid(path, where + ".typicalMealPrice", $"must be a price in won from {MinPrice} to {MaxPrice}");
            }
            if (!prices.TryAdd(category, price))
            {
                throw DataFile.Invalid(path, where, "is listed twice");
            }
        }
        var missing = Enum.GetValues<FoodCategory>().Where(category => !prices.ContainsKey(category)).ToArray();
        return missing.Length > 0
            ? throw DataFile.Invalid(path, "categories", $"lacks {string.Join(", ", missing)}")
            : new TypicalMealPriceTable(prices);
    }

    // The file is the category table, shared with the importers' category map: only the prices are read here.
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Skip)]
    private sealed record CategoriesFile : CommentedFile
    {
        public CategoryEntry?[]? Categories { get; init; }
    }

    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Skip)]
    private sealed record CategoryEntry
    {
        public string? Id { get; init; }
        public int? TypicalMealPrice { get; init; }
    }
}
