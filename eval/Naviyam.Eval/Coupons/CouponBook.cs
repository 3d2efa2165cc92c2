using System.Text.Json;
using Naviyam.Eval.Raw;

namespace Naviyam.Eval.Coupons;

/// <summary>One coupon's terms as the eval reads them (<c>data/coupons.json</c>).</summary>
public sealed record CouponTerms
{
    public required string Id { get; init; }
    public int? Won { get; init; }
    public decimal? Rate { get; init; }
    public int Minimum { get; init; }
    public IReadOnlyList<string> Categories { get; init; } = [];
    public IReadOnlyList<string> Shops { get; init; } = [];

    /// <summary>What this coupon takes off one item of <paramref name="price"/> won at <paramref name="shop"/>; 0 when it does not apply.</summary>
    public int DiscountOn(int price, RawShop shop)
    {
        if (price <= 0 || price < Minimum
            || (Categories.Count > 0 && !Categories.Contains(shop.Category, StringComparer.Ordinal))
            || (Shops.Count > 0 && !shop.Ids.Any(id => Shops.Contains(id, StringComparer.Ordinal))))
        {
            return 0;
        }
        var byRate = Rate is { } rate ? (int)Math.Floor(price * rate) : 0;
        return Math.Min(Math.Max(Won ?? 0, byRate), price);
    }
}

/// <summary>The coupons queries may name, by id: what a card holder pays for an item with the best coupon they hold.</summary>
public sealed class CouponBook
{
    private readonly Dictionary<string, CouponTerms> _terms;

    private CouponBook(IEnumerable<CouponTerms> terms) => _terms = terms.ToDictionary(t => t.Id, StringComparer.Ordinal);

    public static CouponBook Empty { get; } = new([]);

    public static CouponBook Load(string path)
    {
        using var stream = File.OpenRead(path);
        var file = JsonSerializer.Deserialize<CouponFile>(stream, EvalJson.Options) ?? throw new InvalidDataException($"{path} is empty.");
        return new CouponBook(file.Coupons);
    }

    /// <exception cref="InvalidDataException">A coupon id is not in the book (a query-file error).</exception>
    public IReadOnlyList<CouponTerms> Get(IEnumerable<string> ids) =>
        [.. ids.Select(id => _terms.TryGetValue(id, out var terms) ? terms : throw new InvalidDataException($"coupon '{id}' is not in coupons.json"))];

    /// <summary>The lowest price of an item with one of <paramref name="held"/> (or none).</summary>
    public static int BestPrice(int price, RawShop shop, IReadOnlyList<CouponTerms> held) =>
        price - held.Select(c => c.DiscountOn(price, shop)).DefaultIfEmpty(0).Max();

    private sealed record CouponFile(IReadOnlyList<CouponTerms> Coupons);
}
