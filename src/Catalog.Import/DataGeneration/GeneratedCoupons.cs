using Naviyam.Cards;
using Naviyam.Coupons;
using Naviyam.Shops;
using Naviyam.Time;

namespace Naviyam.Catalog.Import.DataGeneration;

/// <summary>
/// The generated city's coupons: a small fixed catalog (one coupon per usage type, plus one for a single shop of
/// the city) and a few wallet copies per meal-card user. Deterministic like the rest of the city: fixed dates, a
/// seeded <see cref="Random"/> of its own, and issue keys made from user and coupon ids.
/// </summary>
public static class GeneratedCoupons
{
    public const string Source = "generated";

    /// <summary>Every generated coupon is valid through 2027 and every copy expires with it (midnight, Seoul).</summary>
    public static readonly DateOnly ValidFrom = new(2025, 1, 1);
    public static readonly DateOnly ValidUntil = new(2027, 12, 31);
    public static readonly DateTimeOffset WalletExpiry = SeoulClock.FromSeoulLocal(new DateTime(2028, 1, 1));
    public static readonly DateTimeOffset AcquiredAt = SeoulClock.FromSeoulLocal(new DateTime(2025, 9, 1));

    public static IReadOnlyList<Coupon> Catalog(IReadOnlyList<ShopRecord> shops)
    {
        ArgumentNullException.ThrowIfNull(shops);
        var coupons = new List<Coupon>
        {
            Define("MEALCARD-1000", "급식카드 전용 1,000원 할인", "급식카드로 5,000원 이상 결제하면 1,000원을 빼 드려요.",
                CouponUsage.FoodCard, amount: 1_000, minimum: 5_000),
            Define("BUNSIK-10", "분식 10% 할인", "떡볶이, 김밥 같은 분식을 10% 싸게 먹을 수 있어요.",
                CouponUsage.Category, rate: 0.10m, minimum: 3_000, categories: [FoodCategory.Bunsik]),
            Define("KOREAN-1500", "든든한 한식 1,500원 할인", "한식 7,000원 이상이면 1,500원 할인돼요.",
                CouponUsage.Category, amount: 1_500, minimum: 7_000, categories: [FoodCategory.Korean]),
            Define("WELCOME-2000", "나비얌 첫 만남 2,000원 할인", "어느 가맹점에서나 6,000원 이상 먹으면 2,000원 할인!",
                CouponUsage.All, amount: 2_000, minimum: 6_000),
        };
        // One shop of the city gets its own coupon: the most popular meal-card shop that is fine for children.
        var partner = shops
            .Where(s => s.MealCard == MealCardAcceptance.Yes && !s.NotForChildren && s.CheapestMeal() is not null)
            .OrderByDescending(s => s.Popularity)
            .ThenBy(s => s.Id, StringComparer.Ordinal)
            .FirstOrDefault();
        if (partner is not null)
        {
            coupons.Add(Define($"SHOP-{partner.SourceId}", $"{partner.Name} 단골 쿠폰", $"{partner.Name}에서만 쓸 수 있어요. 1,000원과 15% 중 더 큰 할인!",
                CouponUsage.Shop, amount: 1_000, rate: 0.15m, minimum: 4_000, shops: [partner.Id]));
        }
        return coupons;
    }

    /// <summary>
    /// Everyone gets the meal-card coupon; about half get the 분식 coupon, a third the 한식 one, a quarter the welcome
    /// coupon, and one in ten the partner shop's. "demo-1" (the chat page's user) holds one of each.
    /// </summary>
    public static IReadOnlyList<CouponGrant> Wallets(IReadOnlyList<FoodCardAccount> users, IReadOnlyList<Coupon> catalog, int seed)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(catalog);
        var random = new Random(seed ^ 0x0C0FFEE);
        var shares = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["MEALCARD-1000"] = 1.0,
            ["BUNSIK-10"] = 0.5,
            ["KOREAN-1500"] = 0.33,
            ["WELCOME-2000"] = 0.25,
        };
        var grants = new List<CouponGrant>();
        foreach (var user in users)
        {
            foreach (var coupon in catalog)
            {
                var share = shares.GetValueOrDefault(coupon.Id, 0.1);
                // Draw for every pair, so one user's luck never shifts another's.
                var drawn = random.NextDouble() < share;
                if (drawn || user.UserId == "demo-1")
                {
                    grants.Add(new CouponGrant(user.UserId, coupon.Id, $"{Source}:{user.UserId}:{coupon.Id}", Source, WalletExpiry, AcquiredAt));
                }
            }
        }
        return grants;
    }

    private static Coupon Define(
        string id, string name, string description, CouponUsage usage, int? amount = null, decimal? rate = null, int minimum = 0,
        FoodCategory[]? categories = null, string[]? shops = null) => new()
    {
        Id = id,
        Name = name,
        Description = description,
        DiscountAmount = amount,
        DiscountRate = rate,
        MinOrderAmount = minimum,
        Usage = usage,
        TargetCategories = categories ?? [],
        ApplicableShops = shops ?? [],
        ValidFrom = ValidFrom,
        ValidUntil = ValidUntil,
    };
}
