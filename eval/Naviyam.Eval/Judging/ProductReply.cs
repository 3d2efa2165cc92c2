using System.Text.Json;

namespace Naviyam.Eval.Judging;

/// <summary>
/// One shop the product named: from <c>recommendations</c> (priced meals) or <c>priceUnknown</c> (shops without a
/// verified price). <see cref="Alternative"/> and <see cref="Address"/> are read when the product sends them; a missing
/// <c>alternative</c> is false.
/// </summary>
public sealed record Pick
{
    public required string? ShopId { get; init; }
    public required string? ShopName { get; init; }
    public string? MenuName { get; init; }
    public int? Price { get; init; }
    public int? FinalPrice { get; init; }
    public int? DistanceMeters { get; init; }
    public bool Alternative { get; init; }
    public string? Address { get; init; }
    public bool PriceUnknown { get; init; }

    /// <summary>What the child pays for it as shown: the price after the coupon, else the price.</summary>
    public int? ShownPrice => FinalPrice ?? Price;

    public override string ToString() =>
        $"{ShopName} ({ShopId}){(MenuName is null ? "" : $" — {MenuName}")}{(Price is null ? "" : $" {Price:N0}원")}"
        + $"{(FinalPrice is not null && FinalPrice != Price ? $" → {FinalPrice:N0}원" : "")}{(Alternative ? " [alternative]" : "")}";
}

/// <summary>The product's answer to one turn, read from the raw JSON so that new fields never break the eval.</summary>
public sealed record ProductReply
{
    public required string Text { get; init; }

    /// <summary>Recommendations first, then the price-unknown shops, in the product's order.</summary>
    public IReadOnlyList<Pick> Picks { get; init; } = [];

    /// <summary>Set when the product did not answer (HTTP error, timeout): the query is reported, not judged.</summary>
    public string? Error { get; init; }

    public string? Json { get; init; }

    public static ProductReply Failed(string error) => new() { Text = "", Error = error };

    public static ProductReply Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var picks = new List<Pick>();
        Add("recommendations", priceUnknown: false);
        Add("priceUnknown", priceUnknown: true);
        return new ProductReply
        {
            Text = root.TryGetProperty("reply", out var reply) && reply.ValueKind == JsonValueKind.String ? reply.GetString() ?? "" : "",
            Picks = picks,
            Json = json,
        };

        void Add(string property, bool priceUnknown)
        {
            if (!root.TryGetProperty(property, out var list) || list.ValueKind != JsonValueKind.Array)
            {
                return;
            }
            foreach (var item in list.EnumerateArray())
            {
                picks.Add(new Pick
                {
                    ShopId = String(item, "shopId"),
                    ShopName = String(item, "shopName"),
                    MenuName = String(item, "menuName"),
                    Price = Int(item, "price"),
                    FinalPrice = Int(item, "finalPrice"),
                    DistanceMeters = Int(item, "distanceMeters"),
                    Alternative = item.TryGetProperty("alternative", out var alternative) && alternative.ValueKind == JsonValueKind.True,
                    Address = String(item, "address"),
                    PriceUnknown = priceUnknown,
                });
            }
        }

        static string? String(JsonElement item, string name) =>
            item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        static int? Int(JsonElement item, string name) =>
            item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : null;
    }
}
