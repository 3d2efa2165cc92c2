using System.Net.Http.Json;
using System.Text.Json;
using Naviyam.Catalog;
using Naviyam.Shops;

namespace Naviyam.IntegrationTests.Infrastructure;

public sealed record WireCard(bool HasCard, int Balance, string Status, string? TargetAgeGroup);

public sealed record WireWalletCoupon(long WalletCouponId, string CouponId, string Name, string? Description, int? DiscountAmount,
    decimal? DiscountRate, int MinOrderAmount, string Usage, string[] TargetCategories, string[] ApplicableShops, DateTimeOffset? ExpiresAt);

public sealed record WireCoupons(WireWalletCoupon[] Coupons);

public sealed record WireReceipt(long OrderId, string OrderKey, string ShopId, string MenuName, int Quantity, int OrderAmount, int Discount,
    int Paid, int BalanceAfter, long? WalletCouponId, string? CouponId, string? CouponName, DateTimeOffset PlacedAt, bool Replayed,
    string Status = "PLACED", DateTimeOffset? CancellableUntil = null, DateTimeOffset? AcceptedAt = null, DateTimeOffset? CancelledAt = null,
    int Refunded = 0, int? BalanceAfterCancel = null);

/// <summary>The <c>/api/me</c> calls of a signed-in client, and a meal of the catalog to order.</summary>
public static class CheckoutClientExtensions
{
    public static async Task<WireCard> CardAsync(this HttpClient client) =>
        (await client.GetFromJsonAsync<WireCard>("/api/me/card"))!;

    public static async Task<WireWalletCoupon[]> CouponsAsync(this HttpClient client) =>
        (await client.GetFromJsonAsync<WireCoupons>("/api/me/coupons"))!.Coupons;

    public static Task<HttpResponseMessage> OrderAsync(this HttpClient client, string orderKey, MealChoice meal, int quantity = 1, long? walletCouponId = null) =>
        client.PostAsJsonAsync("/api/me/orders", new
        {
            orderKey,
            shopId = meal.ShopId,
            menuName = meal.MenuName,
            quantity,
            unitPrice = meal.Price,
            walletCouponId,
        });

    public static Task<HttpResponseMessage> CancelOrderAsync(this HttpClient client, string orderKey) =>
        client.PostAsync($"/api/me/orders/{orderKey}/cancel", null);

    public static async Task<string?> ProblemCodeAsync(this HttpResponseMessage response)
    {
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.TryGetProperty("code", out var code) ? code.GetString() : null;
    }

    /// <summary>A priced meal of at least <paramref name="minimumPrice"/> won at a shop that takes the meal card.</summary>
    public static MealChoice MealAtLeast(this IShopCatalog catalog, int minimumPrice) =>
        catalog.All()
            .Where(s => s.MealCard == MealCardAcceptance.Yes && !s.NotForChildren)
            .SelectMany(s => s.Menus.Where(m => m.IsPricedMeal && m.Price >= minimumPrice && m.Price <= 12_000)
                .Select(m => new MealChoice(s.Id, m.Name, m.Price!.Value, s.Category)))
            .OrderBy(m => m.ShopId, StringComparer.Ordinal)
            .First();
}

public sealed record MealChoice(string ShopId, string MenuName, int Price, FoodCategory Category);
