using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Naviyam.Eval.Judging;
using Naviyam.Eval.Queries;

namespace Naviyam.Eval.Running;

/// <summary>The product's public HTTP API, as a client sees it: development tokens, <c>/api/chat</c>, <c>/api/me/card</c>, <c>/api/me/coupons</c>.</summary>
public sealed class ChatClient(HttpClient http)
{
    private readonly ConcurrentDictionary<string, Task<string>> _tokens = new(StringComparer.Ordinal);

    public async Task<ProductReply> SendAsync(string userId, string sessionId, string turnId, string text, QueryLocation? location, int? age, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/chat")
            {
                Content = JsonContent.Create(new
                {
                    userId,
                    sessionId,
                    turnId,
                    text,
                    location = location is null ? null : new { lat = location.Lat, lng = location.Lng },
                    userAge = age,
                }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(userId));
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return response.IsSuccessStatusCode
                ? ProductReply.Parse(body)
                : ProductReply.Failed($"HTTP {(int)response.StatusCode}: {body}");
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return ProductReply.Failed($"{ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>The user's card balance as the product holds it; null when the user has no card.</summary>
    public async Task<int?> BalanceAsync(string userId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/me/card");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(userId));
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var card = document.RootElement;
        return card.GetProperty("hasCard").GetBoolean() ? card.GetProperty("balance").GetInt32() : null;
    }

    /// <summary>The ids of the coupons in the user's wallet as the product holds them, in order.</summary>
    public async Task<IReadOnlyList<string>> CouponIdsAsync(string userId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/me/coupons");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(userId));
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return [.. document.RootElement.GetProperty("coupons").EnumerateArray().Select(c => c.GetProperty("couponId").GetString()!).Order(StringComparer.Ordinal)];
    }

    private Task<string> TokenAsync(string userId) => _tokens.GetOrAdd(userId, async id =>
    {
        using var response = await http.PostAsJsonAsync("api/auth/dev-token", new { userId = id });
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("token").GetString()!;
    });
}
