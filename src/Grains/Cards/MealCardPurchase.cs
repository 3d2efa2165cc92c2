using Naviyam.Orders;
using Naviyam.Shops;

namespace Naviyam.Cards;

/// <summary>
/// What the meal card pays for: food. Alcohol never, whoever holds the card; a drink or an add-on is bought with a meal,
/// and an order here is one item, so on its own it is not a meal. Meals, sides, desserts and sets for several are food.
/// </summary>
public static class MealCardPurchase
{
    /// <summary>The refusal code for an item of this kind (<see cref="OrderErrors"/>), or null when the card may pay for it.</summary>
    public static string? RefusalFor(MenuKind kind) => kind switch
    {
        MenuKind.Alcohol => OrderErrors.AlcoholNotAllowed,
        MenuKind.Drink or MenuKind.AddOn => OrderErrors.NotAMeal,
        _ => null,
    };
}
