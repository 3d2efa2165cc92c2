using Naviyam.Coupons;
using Naviyam.Shops;
using Naviyam.Catalog.Import.DataGeneration;

namespace Naviyam.Import.Tests;

public class GeneratedCouponsTests
{
    private static readonly CityGenerationOptions Options = new() { ShopCount = 500, Seed = 11, UserCount = 40 };

    [Fact]
    public void The_same_seed_gives_the_same_coupons_and_wallets()
    {
        var first = CityDataGenerator.Generate(Options);
        var second = CityDataGenerator.Generate(Options);

        second.Coupons.Should().BeEquivalentTo(first.Coupons, o => o.WithStrictOrdering());
        second.Wallets.Should().BeEquivalentTo(first.Wallets, o => o.WithStrictOrdering());
        CityDataGenerator.Generate(Options with { Seed = 12 }).Wallets.Select(w => w.IssueKey)
            .Should().NotEqual(first.Wallets.Select(w => w.IssueKey));
    }

    [Fact]
    public void The_catalog_has_one_coupon_per_usage_type_in_korean_and_a_real_partner_shop()
    {
        var city = CityDataGenerator.Generate(Options);

        city.Coupons.Select(c => c.Usage).Should().Contain([CouponUsage.All, CouponUsage.Shop, CouponUsage.Category, CouponUsage.FoodCard]);
        city.Coupons.Should().OnlyContain(c => c.Name.Any(ch => ch >= '가' && ch <= '힣'));
        var partner = city.Coupons.Single(c => c.Usage == CouponUsage.Shop).ApplicableShops.Single();
        city.Shops.Single(s => s.Id == partner).Should().Match<ShopRecord>(s => s.MealCard == MealCardAcceptance.Yes && !s.NotForChildren);
    }

    [Fact]
    public void Wallets_belong_to_generated_users_and_name_defined_coupons_with_unique_issue_keys()
    {
        var city = CityDataGenerator.Generate(Options);
        var users = city.Users.Select(u => u.UserId).ToHashSet();
        var coupons = city.Coupons.Select(c => c.Id).ToHashSet();

        city.Wallets.Should().OnlyContain(w => users.Contains(w.UserId) && coupons.Contains(w.CouponId));
        city.Wallets.Select(w => w.IssueKey).Should().OnlyHaveUniqueItems();
        city.Wallets.Where(w => w.UserId == "demo-1").Select(w => w.CouponId).Should().BeEquivalentTo(coupons);
        city.Users.Should().OnlyContain(u => city.Wallets.Any(w => w.UserId == u.UserId && w.CouponId == "MEALCARD-1000"));
    }
}
