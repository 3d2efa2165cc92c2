using Naviyam.Lexicons;
using Naviyam.Shops;

namespace Naviyam.Retrieval;

/// <summary>What a shop that lists no menu says about serving the asked dish, by its name and its kind.</summary>
public enum DishEvidence
{
    None = 0,

    /// <summary>It might: a shop of the dish's kind (a 한식 restaurant for 국밥), or named for its family (a 국수집 for 고기국수).</summary>
    Might = 1,

    /// <summary>It certainly does: named for it ("OO떡볶이"), filed under it ("한식, 국수"), or of a kind that always serves it (중식 for 짜장면).</summary>
    Certain = 2,
}

/// <summary>
/// The dish a turn asks for, by concept (<see cref="DishNames"/>): a menu item matches when it IS the dish or one of
/// its kinds ("국수" accepts 고기국수; "고기국수" only 고기국수), never because it contains part of the name. A dish
/// that names a kind of shop (분식, 한식, 치킨) is matched by the shop's kind as well. Its family (국수 for 고기국수)
/// gives the similar dishes offered, as such, when the dish itself is nowhere.
/// </summary>
public sealed class DishRequest
{
    private readonly DishNames names;

    private DishRequest(FoodTerm dish, DishNames names, bool spicy)
    {
        this.names = names;
        Dish = dish;
        Family = dish.Category.ToKorean() == dish.Name ? null : names.FamilyOf(dish);
        IsSpicy = spicy;
    }

    public FoodTerm Dish { get; }

    /// <summary>The dish's family (국수 for 고기국수): its other members are similar dishes. Null for a dish of no family.</summary>
    public FoodTerm? Family { get; }

    /// <summary>The dish is spicy unless a menu says otherwise (떡볶이, 짬뽕): a shop without a menu cannot show a mild one.</summary>
    public bool IsSpicy { get; }

    /// <summary>The asked dish, or null when the food type is none or not a food of the lexicon.</summary>
    public static DishRequest? For(string? foodType, DishNames names, SpicyDishes spicy)
    {
        if (foodType is null || names.Find(foodType) is not { } dish)
        {
            return null;
        }
        return new DishRequest(dish, names, spicy.IsSpicy(dish.Name));
    }

    /// <summary>The menu item is the dish (or one of its kinds); at a shop of the kind a dish names, any meal of it is.</summary>
    public bool Matches(MenuItem menu, ShopRecord shop)
    {
        if (menu.Kind is MenuKind.Alcohol or MenuKind.AddOn)
        {
            return false;
        }
        if (names.MenuIs(menu.Name, Dish))
        {
            return true;
        }
        if (shop.Category != Dish.Category || menu.Kind != MenuKind.Meal || !(Dish.KindMeals || NamesAKindOfShop))
        {
            return false;
        }
        // "분식" at a 분식집: any of its meals. "치킨" at a chicken shop: its meals named for no other dish ("황금올리브"),
        // not a "계란탕". Either way not one named for a dish of another kind (a bakery's "스팀밀크", a chicken shop's
        // "간장덥밥").
        var heads = names.HeadsOf(menu.Name);
        if (Dish.KindMeals && heads.Count == 0 && names.EndsLikeADish(menu.Name))
        {
            return false;
        }
        foreach (var head in heads)
        {
            if (head.Category != Dish.Category && !names.IsKindOf(head, Dish) || Dish.KindMeals && !names.IsKindOf(head, Dish))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The dish is the name of a kind of shop (분식, 한식, 중식, 카페·디저트): any meal of such a shop is it.</summary>
    private bool NamesAKindOfShop => NamesAKind(Dish);

    /// <summary>분식, 한식, 카페·디저트: a kind of shop rather than a dish (치킨, 피자 and 버거 are dishes too).</summary>
    private static bool NamesAKind(FoodTerm term) =>
        term.Category is not (FoodCategory.Other or FoodCategory.Chicken or FoodCategory.Pizza or FoodCategory.Burger) && term.Category.ToKorean() == term.Name;

    /// <summary>A member of the dish's family that is not the dish: 잔치국수 when 고기국수 was asked.</summary>
    public bool IsSimilar(MenuItem menu, ShopRecord shop) =>
        Family is { } family && menu.Kind is not (MenuKind.Alcohol or MenuKind.AddOn) && names.MenuIs(menu.Name, family) && !Matches(menu, shop);

    /// <summary>What a shop that lists no menu says about the dish, by its name, its category text and its kind.</summary>
    public DishEvidence ByNameAndKind(ShopRecord shop)
    {
        var named = names.NamedIn(shop.Name);
        var filed = names.NamedIn(shop.SourceCategory);
        if (named.Any(term => names.IsKindOf(term, Dish)) || filed.Any(term => names.IsKindOf(term, Dish))
            || Dish.IsCategoryWord && shop.Category == Dish.Category)
        {
            return DishEvidence.Certain;
        }
        // A shop named or filed for another dish (a 족발집, "한식, 생선회") is that dish's shop, whatever its kind.
        var forAnother = named.Concat(filed).Any(term => !NamesAKind(term) && !names.IsKindOf(Dish, term) && !names.IsKindOf(term, Dish));
        if (!forAnother && Dish.CertainAt.Contains(shop.Category))
        {
            return DishEvidence.Certain;
        }
        if (named.Concat(filed).Any(term => !NamesAKind(term) && names.IsKindOf(Dish, term)))
        {
            return DishEvidence.Might;
        }
        return !forAnother && shop.Category == Dish.Category && shop.Category != FoodCategory.Other ? DishEvidence.Might : DishEvidence.None;
    }
}
