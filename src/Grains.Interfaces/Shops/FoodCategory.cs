namespace Naviyam.Shops;

/// <summary>
/// The team's 13 food categories (the spec fixes the number, not the list). Every import source maps
/// its own categories onto these; <c>data/catalog/categories.json</c> holds the Korean names and mappings.
/// </summary>
public enum FoodCategory
{
    Other = 0,
    Korean = 1,
    Bunsik = 2,
    Chinese = 3,
    Japanese = 4,
    Western = 5,
    Chicken = 6,
    Pizza = 7,
    Burger = 8,
    CafeDessert = 9,
    Bakery = 10,
    Asian = 11,
    LunchboxPorridge = 12,
    ConvenienceStore = 13,
}

public static class FoodCategoryNames
{
    private static readonly Dictionary<FoodCategory, string> Korean = new()
    {
        [FoodCategory.Other] = "기타",
        [FoodCategory.Korean] = "한식",
        [FoodCategory.Bunsik] = "분식",
        [FoodCategory.Chinese] = "중식",
        [FoodCategory.Japanese] = "일식",
        [FoodCategory.Western] = "양식",
        [FoodCategory.Chicken] = "치킨",
        [FoodCategory.Pizza] = "피자",
        [FoodCategory.Burger] = "버거",
        [FoodCategory.CafeDessert] = "카페·디저트",
        [FoodCategory.Bakery] = "베이커리",
        [FoodCategory.Asian] = "아시안",
        [FoodCategory.LunchboxPorridge] = "도시락·죽",
        [FoodCategory.ConvenienceStore] = "편의점",
    };

    private static readonly Dictionary<string, FoodCategory> ByName =
        Korean.ToDictionary(pair => pair.Value, pair => pair.Key);

    public static string ToKorean(this FoodCategory category) => Korean[category];

    public static bool TryParseKorean(string name, out FoodCategory category) => ByName.TryGetValue(name, out category);

    public static IReadOnlyCollection<FoodCategory> All { get; } = Enum.GetValues<FoodCategory>();
}
