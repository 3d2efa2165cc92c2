using Naviyam.Cards;
using Naviyam.Coupons;
using Naviyam.Shops;

namespace Naviyam.Catalog.Import.DataGeneration;

/// <summary>What to generate. <see cref="ShopCount"/> is 1..100,000; <see cref="UserCount"/> 0..1,000,000.</summary>
public sealed record CityGenerationOptions
{
    public const int MaxShopCount = 100_000;
    public const int MaxUserCount = 1_000_000;

    public int ShopCount { get; init; } = 1_000;
    public int Seed { get; init; } = 42;
    public int UserCount { get; init; } = 100;
}

/// <summary>
/// A synthetic Seoul-like city: shops (source "generated") and demo meal-card users, all marked Synthetic, plus a
/// small coupon catalog and the users' wallet copies (<see cref="GeneratedCoupons"/>).
/// </summary>
public sealed record GeneratedCity(IReadOnlyList<ShopRecord> Shops, IReadOnlyList<FoodCardAccount> Users)
{
    public IReadOnlyList<Coupon> Coupons { get; init; } = [];

    public IReadOnlyList<CouponGrant> Wallets { get; init; } = [];
}
