using System.Net.Http.Json;
using System.Text.Json;

namespace Naviyam.IntegrationTests.Infrastructure;

/// <summary>The reply as a client sees it on the wire (JSON), so tests check the real contract.</summary>
public sealed record WireReply(
    string TurnId,
    string Reply,
    string Intent,
    double Confidence,
    JsonElement Entities,
    JsonElement Slots,
    List<WireRecommendation> Recommendations,
    JsonElement Timings,
    bool Replayed,
    List<WireRecommendation>? PriceUnknown = null,
    WirePendingOrder? PendingOrder = null,
    WireReceipt? Order = null,
    WireCard? Card = null,
    string? Action = null,
    string? RankingMethod = null,
    List<string>? Degraded = null)
{
    public List<WireRecommendation> PriceUnknown { get; init; } = PriceUnknown ?? [];
}

public sealed record WirePendingOrder(
    string OrderKey, string ShopId, string ShopName, string MenuName, int Quantity, int UnitPrice, long? WalletCouponId, string? CouponName,
    int Discount, int FinalPrice, int BalanceAfter, DateTimeOffset ExpiresAt);

public sealed record WireRecommendation(
    string ShopId,
    string ShopName,
    string? MenuName,
    int? Price,
    int? FinalPrice,
    string? CouponId,
    int? DistanceMeters,
    double Score,
    List<string> Reasons,
    List<string> Flags,
    string? CouponName = null,
    int? Discount = null,
    bool Alternative = false,
    string? AlternativeReason = null,
    string? Address = null,
    string? Area = null);

public static class ChatClientExtensions
{
    public static async Task<WireReply> ChatAsync(this HttpClient client, string userId, string sessionId, string text,
        int? userAge = null, string? turnId = null, object? location = null)
    {
        using var response = await client.PostAsJsonAsync("/api/chat", new { userId, sessionId, text, turnId, userAge, location });
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue($"the chat call should succeed, but got {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<WireReply>(body, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }
}
