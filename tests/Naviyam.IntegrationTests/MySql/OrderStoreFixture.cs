using MySqlConnector;
using Naviyam.Cards;
using Naviyam.Coupons;
using Naviyam.Infrastructure.MySql;
using Naviyam.IntegrationTests.Infrastructure;
using Naviyam.Orders;

namespace Naviyam.IntegrationTests.MySql;

/// <summary>
/// A fresh database with one child's meal card (10,000 won) and the meal-card coupon, and the MySQL order and coupon
/// stores over it: what the checkout and cancellation transaction tests share.
/// </summary>
public abstract class OrderStoreFixture : IAsyncLifetime
{
    protected const string Kid = "kid-1";
    protected static readonly DateTimeOffset Now = new(2025, 9, 3, 3, 0, 0, TimeSpan.Zero);

    protected static readonly Coupon MealCardCoupon = new()
    {
        Id = "MEALCARD-1000",
        Name = "급식카드 전용 1,000원 할인",
        DiscountAmount = 1_000,
        MinOrderAmount = 5_000,
        Usage = CouponUsage.FoodCard,
    };

    private MySqlDataSource dataSource = null!;

    protected TestDatabase Database { get; private set; } = null!;

    protected MySqlOrderStore Orders { get; private set; } = null!;

    protected MySqlCouponStore Coupons { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        dataSource = new MySqlDataSource(Database.ConnectionString);
        Orders = new MySqlOrderStore(dataSource);
        Coupons = new MySqlCouponStore(dataSource);
        await new MySqlFoodCardStore(dataSource).UpsertAccountsAsync(
            [new FoodCardAccount { UserId = Kid, CardNumber = "9999-0000-0001", Balance = 10_000, Synthetic = true }]);
        await Coupons.UpsertCouponsAsync([MealCardCoupon]);
    }

    public async Task DisposeAsync()
    {
        await dataSource.DisposeAsync();
        await Database.DisposeAsync();
    }

    protected async Task<WalletCoupon> IssueAsync(string key, DateTimeOffset? expiresAt = null) =>
        (await Coupons.IssueAsync(new CouponGrant(Kid, MealCardCoupon.Id, key, "test", expiresAt, Now.AddDays(-1)))).Coupon;

    /// <summary>A 김밥 order at the 분식 shop generated:1, with the coupon's discount when one is given.</summary>
    protected static OrderPlacement Placement(string orderKey, int price, WalletCoupon? coupon = null, int quantity = 1) => new(
        Kid,
        new OrderRequest(orderKey, "generated:1", "김밥", quantity, price, coupon?.WalletCouponId),
        coupon is null ? 0 : coupon.Coupon.DiscountFor(price * quantity, new CouponTarget("generated:1", Naviyam.Shops.FoodCategory.Bunsik, true)),
        coupon,
        Now);

    protected Task<long> BalanceAsync() => Database.CountAsync("SELECT balance FROM foodcard_users WHERE user_id = 'kid-1'");
}
