namespace Naviyam.Shops;

/// <summary>
/// One merchant as the product knows it: the unit of the catalog, the state of a <c>ShopGrain</c>
/// and a row of the <c>shops</c> table. Ids are "<c>source:sourceId</c>" so that re-importing a list
/// updates the same shop instead of adding a copy.
/// </summary>
[GenerateSerializer, Immutable, Alias("naviyam.shop.v1")]
public sealed record ShopRecord
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string Source { get; init; }
    [Id(2)] public required string SourceId { get; init; }
    [Id(3)] public required string Name { get; init; }
    [Id(4)] public required FoodCategory Category { get; init; }
    /// <summary>The category text as the source wrote it, kept for audits and re-mapping.</summary>
    [Id(5)] public string? SourceCategory { get; init; }
    [Id(6)] public string? Address { get; init; }
    [Id(7)] public string? Phone { get; init; }
    [Id(8)] public GeoPoint? Location { get; init; }
    [Id(9)] public MealCardAcceptance MealCard { get; init; } = MealCardAcceptance.Unknown;
    [Id(10)] public bool NotForChildren { get; init; }
    [Id(11)] public WeeklyHours? Hours { get; init; }
    [Id(12)] public IReadOnlyList<MenuItem> Menus { get; init; } = [];
    /// <summary>0..1; how often children pick this shop (synthetic or learned).</summary>
    [Id(13)] public double Popularity { get; init; }
    [Id(14)] public bool Synthetic { get; init; }
    [Id(15)] public bool IsGoodInfluenceShop { get; init; }
    [Id(16)] public string? OwnerMessage { get; init; }
    [Id(17)] public bool DeliveryAvailable { get; init; }
    /// <summary>
    /// True when <see cref="Location"/> is not the shop's own coordinates but the point of the area its address names:
    /// the list gave none (Seoul's), or gave coordinates outside the 시군구 of its address (a Jeju shop at a Seoul
    /// point). A distance to such a shop is a distance to that area, and a reply must not present it as exact.
    /// </summary>
    [Id(18)] public bool LocationApproximate { get; init; }
    /// <summary>
    /// The area an approximate <see cref="Location"/> stands for, as a reply can name it: "서울특별시 은평구 불광동",
    /// "제주특별자치도 제주시" (시도, 시군구 and, when the address names one the import could place, the 읍면동). Null
    /// when the location is the shop's own or there is none.
    /// </summary>
    [Id(19)] public string? ApproximateArea { get; init; }

    public static string MakeId(string source, string sourceId) => $"{source}:{sourceId}";

    /// <summary>The cheapest priced meal for one (see <see cref="MenuItem.IsPricedMeal"/>), or null when none has a price.</summary>
    public MenuItem? CheapestMeal()
    {
        MenuItem? best = null;
        foreach (var menu in Menus)
        {
            if (menu.IsPricedMeal && (best is null || menu.Price < best.Price))
            {
                best = menu;
            }
        }
        return best;
    }
}

[GenerateSerializer, Immutable, Alias("naviyam.menu.v1")]
public sealed record MenuItem(
    [property: Id(0)] string Name,
    [property: Id(1)] int? Price,
    [property: Id(2)] MenuKind Kind)
{
    /// <summary>
    /// A real meal for one with a real, non-zero price: the only thing ever offered as fitting a budget or a hunger
    /// request (never a drink, alcohol, a side, an add-on, a dessert or a set for several people).
    /// </summary>
    public bool IsPricedMeal => Kind == MenuKind.Meal && Price is > 0;
}

/// <summary>
/// What a menu item is. Only a <see cref="Meal"/> ever satisfies a budget or a hunger request; <see cref="Alcohol"/> is
/// never shown to a minor or a user of unknown age. The numbers are stored (grain state, generated files): append new
/// kinds, never renumber.
/// </summary>
public enum MenuKind
{
    Meal = 0,
    Drink = 1,
    Side = 2,
    AddOn = 3,
    Dessert = 4,
    /// <summary>Beer, soju, 막걸리, wine, highballs …, an item that includes one, and non-alcoholic beer.</summary>
    Alcohol = 5,
    /// <summary>A set or a large dish for two or more people, priced for all of them ("2인 세트", "갈치조림 대", "4인상").</summary>
    SharedSet = 6,
}

/// <summary>Meal-card acceptance as merchant lists report it: Y, N, P (some menus or branches only), U (unknown).</summary>
public enum MealCardAcceptance
{
    Unknown = 0,
    Yes = 1,
    No = 2,
    Partial = 3,
}

[GenerateSerializer, Immutable, Alias("naviyam.geo.v1")]
public readonly record struct GeoPoint([property: Id(0)] double Latitude, [property: Id(1)] double Longitude)
{
    private const double EarthRadiusMeters = 6_371_000;

    public double DistanceMetersTo(GeoPoint other)
    {
        var dLat = DegreesToRadians(other.Latitude - Latitude);
        var dLng = DegreesToRadians(other.Longitude - Longitude);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
              + Math.Cos(DegreesToRadians(Latitude)) * Math.Cos(DegreesToRadians(other.Latitude))
              * Math.Sin(dLng / 2) * Math.Sin(dLng / 2);
        return 2 * EarthRadiusMeters * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    public bool IsValid => Latitude is >= -90 and <= 90 && Longitude is >= -180 and <= 180
                           && !(Latitude == 0 && Longitude == 0);

    private static double DegreesToRadians(double degrees) => degrees * Math.PI / 180;
}
