namespace Naviyam.Chat;

/// <summary>The spec's nine intents, spelled as they appear on the wire and in <c>conversations.intent</c>.</summary>
public static class Intents
{
    public const string FoodRequest = "food_request";
    public const string BudgetInquiry = "budget_inquiry";
    public const string CouponInquiry = "coupon_inquiry";
    public const string LocationInquiry = "location_inquiry";
    public const string TimeInquiry = "time_inquiry";
    public const string GeneralChat = "general_chat";
    public const string MenuOption = "menu_option";
    public const string EmergencyFood = "emergency_food";
    public const string GroupDining = "group_dining";

    public static IReadOnlyList<string> All { get; } =
    [
        FoodRequest, BudgetInquiry, CouponInquiry, LocationInquiry, TimeInquiry,
        GeneralChat, MenuOption, EmergencyFood, GroupDining,
    ];
}

public static class BudgetKinds
{
    public const string Exact = "exact";
    public const string Cap = "cap";
    public const string Range = "range";
}

public static class Urgency
{
    public const string High = "high";
    public const string Normal = "normal";
    public const string Low = "low";
}

public static class PortionSizes
{
    public const string Small = "small";
    public const string Normal = "normal";
    public const string Large = "large";
}
