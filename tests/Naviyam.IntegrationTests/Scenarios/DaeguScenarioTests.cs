using Microsoft.Extensions.DependencyInjection;
using Naviyam.Catalog;
using Naviyam.IntegrationTests.Infrastructure;

namespace Naviyam.IntegrationTests.Scenarios;

/// <summary>Daegu's list in the national standard layout, with weekday hours including overnight ones.</summary>
public sealed class DaeguFactory() : GatewayFactory(DaeguScenarios.Afternoon, DaeguScenarios.Settings);

public sealed class DaeguMySqlFactory() : MySqlGatewayFactory(DaeguScenarios.Afternoon, DaeguScenarios.Settings);

public class DaeguScenarioTests(DaeguFactory factory) : DaeguScenarios(factory), IClassFixture<DaeguFactory>;

public class DaeguMySqlScenarioTests(DaeguMySqlFactory factory) : DaeguScenarios(factory), IClassFixture<DaeguMySqlFactory>;

public abstract class DaeguScenarios(GatewayFactory factory)
{
    public static readonly DateTime Afternoon = new(2025, 9, 3, 15, 0, 0);

    public static Dictionary<string, string?> Settings => new()
    {
        ["Naviyam:Import:0"] = "national:" + SharedData.File("real", "daegu", "daegu_mealcard_merchants_2022.csv"),
    };

    [Theory]
    [InlineData(2025, 9, 3, 15, 0)]
    [InlineData(2025, 9, 4, 3, 0)]
    public async Task Bunsik_now_names_shops_known_to_be_open_and_none_known_to_be_closed(int year, int month, int day, int hour, int minute)
    {
        var now = new DateTime(year, month, day, hour, minute, 0);
        factory.SetSeoulTime(now);
        using var client = await factory.ClientForAsync("daegu-kid");

        var reply = await client.ChatAsync("daegu-kid", $"daegu-{hour}", "지금 분식 먹을 데");

        var catalog = factory.Services.GetRequiredService<IShopCatalog>();
        var openness = reply.Recommendations.Select(r =>
        {
            catalog.TryGet(r.ShopId, out var shop).Should().BeTrue();
            return shop.Hours?.IsOpenAt(now.DayOfWeek, now.Hour * 60 + now.Minute);
        }).ToList();
        openness.Should().Contain(true, "at least one recommended shop must be known to be open");
        openness.Should().NotContain(false, "a shop known to be closed must never be recommended");
    }

    [Fact]
    public async Task One_shop_is_named_once_and_only_shops_in_the_named_dong_are_matches()
    {
        // The 선비꼬마김밥 대현점, once at #2 and #3 of one answer from one row of the file.
        factory.SetSeoulTime(Afternoon);
        using var client = await factory.ClientForAsync("daegu-daehyeon");

        var reply = await client.ChatAsync("daegu-daehyeon", "daegu-daehyeon", "대현동 김밥");

        var picks = reply.Recommendations.Concat(reply.PriceUnknown).ToList();
        picks.Should().NotBeEmpty(reply.Reply);
        picks.Select(p => p.ShopId).Should().OnlyHaveUniqueItems();
        picks.Select(p => (p.ShopName, p.Address)).Should().OnlyHaveUniqueItems();
        picks.Should().OnlyContain(p => !p.Alternative && p.Address!.Contains("북구") && p.ShopName.Contains("김밥"));
    }

    [Fact]
    public async Task A_time_said_in_the_message_is_when_the_shops_must_be_open()
    {
        factory.SetSeoulTime(Afternoon);
        using var client = await factory.ClientForAsync("daegu-night-owl");

        var reply = await client.ChatAsync("daegu-night-owl", "daegu-late", "새벽 3시에 먹을 수 있는 분식");

        // Asked on a Wednesday afternoon: the next 03:00 is Thursday's.
        var catalog = factory.Services.GetRequiredService<IShopCatalog>();
        var openAtThree = reply.Recommendations.Select(r =>
        {
            catalog.TryGet(r.ShopId, out var shop).Should().BeTrue();
            return shop.Hours?.IsOpenAt(DayOfWeek.Thursday, 3 * 60);
        }).ToList();
        reply.Entities.GetProperty("time_preference").GetString().Should().Be("새벽 3시");
        openAtThree.Should().Contain(true).And.NotContain(false, "a shop closed at 3 a.m. must not be offered for 3 a.m.");
    }

    [Fact]
    public async Task A_budget_in_a_city_without_menu_prices_gets_nearby_shops_of_kinds_that_usually_fit_marked_unconfirmed()
    {
        factory.SetSeoulTime(Afternoon);
        var catalog = factory.Services.GetRequiredService<IShopCatalog>();
        var prices = factory.Services.GetRequiredService<Naviyam.Retrieval.TypicalMealPrices>();
        // The middle of the list's shops: somewhere in the city, wherever that city is.
        var located = catalog.All().Where(s => s.Location is not null).Select(s => s.Location!.Value).ToList();
        var centre = new { lat = located.Select(p => p.Latitude).Order().ElementAt(located.Count / 2), lng = located.Select(p => p.Longitude).Order().ElementAt(located.Count / 2) };
        using var client = await factory.ClientForAsync("daegu-budget");

        var reply = await client.ChatAsync("daegu-budget", "daegu-budget", "배고픈데 5천원밖에 없어", location: centre);
        var expensive = await client.ChatAsync("daegu-budget", "daegu-chicken", "5천원으로 치킨 먹고 싶어", location: centre);

        reply.Recommendations.Should().BeEmpty("a shop without prices is never presented as fitting a budget");
        reply.PriceUnknown.Should().NotBeEmpty(reply.Reply);
        reply.PriceUnknown.Should().OnlyContain(r => r.Price == null && r.Flags.Contains("가격 정보 없음"), "the list has no prices, so none may be shown");
        reply.PriceUnknown.Select(r => catalog.TryGet(r.ShopId, out var shop) ? prices.Of(shop.Category) : int.MaxValue)
            .Should().OnlyContain(typical => typical <= 5_000, "only kinds of shop that usually fit 5,000 won");
        reply.PriceUnknown.Should().OnlyContain(r => r.DistanceMeters < 3_000, "there are cheap shops near the middle of any city");
        reply.PriceUnknown.Select(r => r.ShopName).Should().OnlyContain(name => reply.Reply.Contains(name));
        reply.Reply.Should().Contain("가격을 꼭");
        expensive.Recommendations.Should().BeEmpty();
        expensive.PriceUnknown.Should().BeEmpty("a chicken shop is never a 5,000 won meal");
        expensive.Reply.Split('.')[0].Should().Contain("치킨").And.Contain("없어요", "the first sentence says there is none, and of what");
    }

    [Fact]
    public async Task A_district_named_without_location_sharing_is_where_the_search_happens()
    {
        factory.SetSeoulTime(Afternoon);
        var catalog = factory.Services.GetRequiredService<IShopCatalog>();
        // Any district of the imported list that has enough shops; the search has no device location at all.
        var district = catalog.All()
            .Select(s => s.Address?.Split(' ').FirstOrDefault(w => w.Length >= 2 && w.EndsWith('구')))
            .Where(d => d is not null)
            .GroupBy(d => d!)
            .Where(g => g.Count() >= 30)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Last().Key;
        using var client = await factory.ClientForAsync("daegu-walker");

        var reply = await client.ChatAsync("daegu-walker", "daegu-district", $"{district}에서 먹을 데 추천해줘");

        reply.Entities.GetProperty("location_preference").GetString().Should().Be(district);
        reply.Recommendations.Should().NotBeEmpty(reply.Reply);
        var inDistrict = reply.Recommendations.Count(r => catalog.TryGet(r.ShopId, out var shop) && shop.Address!.Contains(district, StringComparison.Ordinal));
        inDistrict.Should().BeGreaterThan(reply.Recommendations.Count / 2, "the named district is where the user wants to eat");
    }
}
