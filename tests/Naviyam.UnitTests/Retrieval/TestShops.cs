using Microsoft.Extensions.Options;
using Naviyam.Catalog;
using Naviyam.Conversation;
using Naviyam.Hosting;
using Naviyam.Retrieval;
using Naviyam.Shops;
using Naviyam.Time;
using Naviyam.UnitTests.Conversation;
using Naviyam.UnitTests.Places;

namespace Naviyam.UnitTests.Retrieval;

/// <summary>A few hand-made shops around one street in 봉천동, and the retrieval stage over them.</summary>
internal static class TestShops
{
    /// <summary>Where the child stands: 봉천로, 관악구.</summary>
    public static readonly GeoPoint Here = new(37.4812, 126.9527);

    /// <summary>Wednesday 3 September 2025, 12:00 in Seoul.</summary>
    public static readonly DateTimeOffset SeoulNoon = SeoulClock.FromSeoulLocal(new DateTime(2025, 9, 3, 12, 0, 0));

    /// <summary>Open 11:00–21:00 every day.</summary>
    public static readonly WeeklyHours Daytime = WeeklyHours.Same(DayHours.FromRange(11 * 60, 21 * 60));

    /// <summary>Open 17:00–02:00 every day.</summary>
    public static readonly WeeklyHours Evenings = WeeklyHours.Same(DayHours.FromRange(17 * 60, 2 * 60));

    /// <summary>A meal-card shop <paramref name="metersNorth"/> north of <see cref="Here"/>, open in the daytime unless told otherwise.</summary>
    public static ShopRecord Shop(string name, FoodCategory category, double metersNorth, params (string Name, int Price)[] meals) => new()
    {
        Id = $"test:{name}",
        Source = "test",
        SourceId = name,
        Name = name,
        Category = category,
        Address = "서울 관악구 봉천로 391",
        Location = new GeoPoint(Here.Latitude + metersNorth / 111_320.0, Here.Longitude),
        MealCard = MealCardAcceptance.Yes,
        Hours = Daytime,
        Menus = meals.Select(meal => new MenuItem(meal.Name, meal.Price, MenuKind.Meal)).ToArray(),
        Popularity = 0.5,
    };

    public static ShopCatalog CatalogOf(params ShopRecord[] shops)
    {
        var catalog = new ShopCatalog();
        catalog.Load(shops);
        return catalog;
    }

    public static CandidateSearch Search(IShopCatalog catalog) => Search(catalog, new ServedPlaces(catalog, PlacesTestData.Areas));

    public static CandidateSearch Search(IShopCatalog catalog, ServedPlaces places) =>
        new(catalog, TestLexicons.Foods, TestLexicons.Dishes, places, new TypicalMealPrices(catalog, TestLexicons.MealPrices), TestLexicons.Spicy,
            Recommendations());

    /// <summary>The served defaults (search radii included), as a host binds them when configuration names none.</summary>
    public static IOptions<RecommendationOptions> Recommendations()
    {
        var options = new RecommendationOptions();
        options.ApplyDefaults();
        return Options.Create(options);
    }

    public static SearchPlanner Planner(IShopCatalog catalog, DateTimeOffset now) => Planner(catalog, now, new ServedPlaces(catalog, PlacesTestData.Areas));

    public static SearchPlanner Planner(IShopCatalog catalog, DateTimeOffset now, ServedPlaces places) => new(
        new PlaceLocator(catalog, TestLexicons.Places(), places),
        new SeoulClock(new StoppedClock(now)),
        new FollowUps(TestLexicons.FollowUpPhrases),
        TestLexicons.DishPreferences,
        new DietaryRules(TestLexicons.Diet));
}
