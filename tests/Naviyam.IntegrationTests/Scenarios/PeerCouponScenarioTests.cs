using Microsoft.Extensions.DependencyInjection;
using Naviyam.Coupons;
using Naviyam.IntegrationTests.Infrastructure;

namespace Naviyam.IntegrationTests.Scenarios;

/// <summary>
/// The prototype's sample imported as a folder (its shops, and from its sample tables the meal-card users and the
/// coupons), at month's end: Thursday 2025-08-28, 12:00.
/// </summary>
public sealed class PeerCouponFactory() : GatewayFactory(PeerCouponScenarios.MonthEnd, PeerCouponScenarios.Settings);

public sealed class PeerCouponMySqlFactory() : MySqlGatewayFactory(PeerCouponScenarios.MonthEnd, PeerCouponScenarios.Settings);

public class PeerCouponScenarioTests(PeerCouponFactory factory) : PeerCouponScenarios(factory), IClassFixture<PeerCouponFactory>;

public class PeerCouponMySqlScenarioTests(PeerCouponMySqlFactory factory) : PeerCouponScenarios(factory), IClassFixture<PeerCouponMySqlFactory>;

public abstract class PeerCouponScenarios(GatewayFactory factory)
{
    public static readonly DateTime MonthEnd = new(2025, 8, 28, 12, 0, 0);

    public static Dictionary<string, string?> Settings => new()
    {
        ["Naviyam:Import:0"] = "peer:" + Path.GetDirectoryName(SharedData.File("peer", "sample_tables.json")),
    };

    [Fact]
    public async Task The_month_end_emergency_coupon_makes_a_7000_won_meal_fit_5000_won_until_it_expires()
    {
        // peer-2 of the sample: a teen's card with 5,000 won left; the month-end emergency coupon (2,000 won off orders of
        // 3,000 or more, 25–31 August) is put in their wallet, as the service would for a low balance.
        factory.SetSeoulTime(MonthEnd);
        var wallet = factory.Services.GetRequiredService<IGrainFactory>().GetGrain<ICouponWalletGrain>("peer-2");
        var issued = await wallet.IssueAsync("MONTHLY20", "test:peer-2:MONTHLY20", "test");
        issued.Error.Should().BeNull();
        using var client = await factory.ClientForAsync("peer-2");

        var monthEnd = await client.ChatAsync("peer-2", "peer-2-month-end", "배고픈데 5천원밖에 없어", userAge: 15);

        monthEnd.Recommendations.Should().NotBeEmpty(monthEnd.Reply);
        monthEnd.Recommendations.Should().OnlyContain(r => r.FinalPrice <= 5_000, "what the child pays must fit the budget and the balance");
        monthEnd.Recommendations.Where(r => r.Price == 7_000).Should().NotBeEmpty()
            .And.OnlyContain(r => r.FinalPrice == 5_000 && r.CouponId == "MONTHLY20" && r.Discount == 2_000);
        monthEnd.Reply.Should().Contain("7,000원").And.Contain("쿠폰 쓰면 5,000원").And.Contain("월말 긴급지원");

        // 2 September: the coupon ended with August, and without it no meal of the sample costs 5,000 won or less.
        factory.SetSeoulTime(new DateTime(2025, 9, 2, 12, 0, 0));
        var september = await client.ChatAsync("peer-2", "peer-2-september", "배고픈데 5천원밖에 없어", userAge: 15);

        september.Recommendations.Should().BeEmpty(september.Reply);
        september.Reply.Split('.')[0].Should().Contain("없어요", "the first sentence says nothing fits");
        september.Reply.Should().NotContain("월말 긴급지원");
    }
}
