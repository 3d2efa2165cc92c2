using System.ComponentModel;
using System.Security.Cryptography;
using System.Text;
using Microsoft.SemanticKernel;
using Naviyam.Cards;
using Naviyam.Chat;
using Naviyam.Coupons;
using Naviyam.Gateway.Chat;
using Naviyam.Gateway.Me;

namespace Naviyam.Gateway.KernelFunctions;

/// <summary>
/// The pipeline's abilities as Semantic Kernel functions: find meals, the card's balance, the coupons held and placing
/// an order. Each acts for the user the kernel was scoped to (<see cref="KernelUser.ForUser"/>) and calls that user's
/// grains only; no function takes a user id, so neither a caller's arguments nor a model can reach another user's data.
/// </summary>
public sealed class NaviyamPlugin(IGrainFactory grains)
{
    public const string PluginName = "naviyam";

    /// <summary>The functions that only read: a language model may call these by itself (ordering spends money and is not among them).</summary>
    public static readonly IReadOnlyList<string> ReadOnlyFunctions = ["find_meals", "get_card_balance", "list_coupons"];

    [KernelFunction("find_meals")]
    [Description("급식카드로 지금 먹을 수 있는 메뉴를 찾아요: 예산과 잔액 안, 가까운 곳, 지금 문 연 곳, 아이에게 안전한 곳만. 가격은 가장 좋은 쿠폰을 적용한 값이에요.")]
    public async Task<MealsFound> FindMealsAsync(
        Kernel kernel,
        [Description("아이가 한 말 그대로, 예: '배고픈데 5천원밖에 없어', '신림동에서 김밥'")] string request,
        [Description("현재 위치의 위도 (모르면 비워 둬요)")] double? latitude = null,
        [Description("현재 위치의 경도 (모르면 비워 둬요)")] double? longitude = null)
    {
        var userId = KernelUser.UserOf(kernel);
        var location = latitude is null && longitude is null ? null : new LocationDto(latitude, longitude);
        var input = ChatInputRules.Validate(new ChatMessage(AssistantSession(userId), request, null, location, null));
        if (!input.IsValid)
        {
            throw new ArgumentException(input.Errors.Summary, nameof(request));
        }
        // A session of its own, so a search the model runs never changes what "2번" means in the child's conversation.
        var reply = await grains.GetGrain<IConversationGrain>(input.Value.SessionId).TakeTurnAsync(input.Value.ToTurn(userId));
        var picks = reply.Recommendations.Select(MealPick.From).ToList();
        KernelUser.FactsOf(kernel).AddAmounts(picks.SelectMany(p => new long?[] { p.Price, p.FinalPrice, p.Discount }));
        return new MealsFound(reply.Reply, picks);
    }

    [KernelFunction("get_card_balance")]
    [Description("이 아이의 급식카드 잔액과 상태를 알려 줘요 (카드 번호는 절대 알려 주지 않아요).")]
    public async Task<CardBalance> GetCardBalanceAsync(Kernel kernel)
    {
        var card = await grains.GetGrain<IFoodCardGrain>(KernelUser.UserOf(kernel)).GetSummaryAsync();
        KernelUser.FactsOf(kernel).AddAmount(card.Balance);
        return new CardBalance(card.HasCard, card.Balance, card.Status);
    }

    [KernelFunction("list_coupons")]
    [Description("이 아이가 가진, 지금 쓸 수 있는 쿠폰을 유효기간이 가까운 것부터 알려 줘요.")]
    public async Task<IReadOnlyList<CouponHeld>> ListCouponsAsync(Kernel kernel)
    {
        var coupons = await grains.GetGrain<ICouponWalletGrain>(KernelUser.UserOf(kernel)).GetActiveAsync();
        var held = coupons.Select(CouponHeld.From).ToList();
        KernelUser.FactsOf(kernel).AddAmounts(held.SelectMany(c => new long?[] { c.DiscountAmount, c.MinOrderAmount }));
        return held;
    }

    [KernelFunction("place_order")]
    [Description("급식카드로 메뉴를 주문하고 결제해요. 아이가 그 가게, 메뉴, 가격으로 주문하겠다고 확인한 뒤에만 불러요.")]
    public async Task<OrderOutcome> PlaceOrderAsync(
        Kernel kernel,
        [Description("find_meals가 알려 준 가게 id")] string shopId,
        [Description("메뉴 이름 그대로")] string menuName,
        [Description("find_meals가 알려 준 메뉴 한 개 가격(원, 쿠폰 적용 전)")] int unitPrice,
        [Description("개수")] int quantity = 1,
        [Description("쓸 쿠폰의 walletCouponId (없으면 비워 둬요)")] long? walletCouponId = null)
    {
        var userId = KernelUser.UserOf(kernel);
        // The same call again on the same scoped kernel pays once.
        var orderKey = OrderKey(KernelUser.ScopeOf(kernel), shopId, menuName, unitPrice, quantity, walletCouponId);
        var order = OrderInputRules.Validate(new OrderBody(orderKey, shopId, menuName, quantity, unitPrice, walletCouponId));
        if (!order.IsValid)
        {
            throw new ArgumentException(order.Errors.Summary);
        }
        var result = await grains.GetGrain<IFoodCardGrain>(userId).PlaceOrderAsync(order.Value);
        return result.Receipt is { } receipt
            ? new OrderOutcome(true, null, receipt.OrderKey, receipt.ShopId, receipt.MenuName, receipt.Paid, receipt.Discount, receipt.BalanceAfter, result.Duplicate)
            : new OrderOutcome(false, result.Error ?? Naviyam.Orders.OrderErrors.InvalidInput, orderKey, shopId, menuName, null, null, null, false);
    }

    /// <summary>The user's session for the functions' searches: derived from the user, a valid id whatever the user id's length.</summary>
    public static string AssistantSession(string userId) =>
        "kf-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(userId)))[..32];

    private static string OrderKey(string scope, string shopId, string menuName, int unitPrice, int quantity, long? walletCouponId)
    {
        var what = string.Join('\n', scope, shopId, menuName, unitPrice, quantity, walletCouponId);
        return "kf-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(what)))[..40];
    }
}

/// <summary>What <c>find_meals</c> answers: the pipeline's reply in words and the meals it offers.</summary>
public sealed record MealsFound(string Reply, IReadOnlyList<MealPick> Picks);

public sealed record MealPick(
    string ShopId, string ShopName, string? MenuName, int? Price, int? FinalPrice, string? CouponName, long? WalletCouponId,
    int? Discount, int? DistanceMeters, bool? Open, string? HoursToday, string? Address)
{
    public static MealPick From(RecommendationView pick) => new(
        pick.ShopId, pick.ShopName, pick.MenuName, pick.Price, pick.FinalPrice, pick.CouponName, pick.WalletCouponId,
        pick.Discount, pick.DistanceMeters, pick.Open, pick.HoursToday, pick.Address);
}

public sealed record CardBalance(bool HasCard, int Balance, string Status);

public sealed record CouponHeld(long WalletCouponId, string Name, int? DiscountAmount, decimal? DiscountRate, int MinOrderAmount, DateTimeOffset? ExpiresAt)
{
    public static CouponHeld From(WalletCoupon held) => new(
        held.WalletCouponId, held.Coupon.Name, held.Coupon.DiscountAmount, held.Coupon.DiscountRate, held.Coupon.MinOrderAmount, held.ExpiresAt);
}

/// <summary>A placed order's receipt in short, or the refusal's code (<c>insufficient_balance</c>, <c>menu_unavailable</c> …).</summary>
public sealed record OrderOutcome(
    bool Placed, string? Error, string OrderKey, string ShopId, string MenuName, int? Paid, int? Discount, int? BalanceAfter, bool Replayed);
