using Microsoft.Extensions.DependencyInjection;
using Naviyam.Catalog;
using Naviyam.IntegrationTests.Infrastructure;
using Naviyam.Shops;

namespace Naviyam.IntegrationTests.Scenarios;

/// <summary>Both real Jeju lists imported; a Wednesday lunchtime.</summary>
public sealed class JejuFactory() : GatewayFactory(JejuScenarios.Noon, JejuScenarios.Settings);

public sealed class JejuMySqlFactory() : MySqlGatewayFactory(JejuScenarios.Noon, JejuScenarios.Settings);

public class JejuScenarioTests(JejuFactory factory) : JejuScenarios(factory), IClassFixture<JejuFactory>;

public class JejuMySqlScenarioTests(JejuMySqlFactory factory) : JejuScenarios(factory), IClassFixture<JejuMySqlFactory>;

public abstract class JejuScenarios(GatewayFactory factory)
{
    public static readonly DateTime Noon = new(2025, 9, 3, 12, 0, 0);

    public static Dictionary<string, string?> Settings => new()
    {
        ["Naviyam:Import:0"] = "jeju:" + SharedData.File("real", "jeju", "jeju_mealcard_shops_menus.csv"),
        ["Naviyam:Import:1"] = "jeju:" + SharedData.File("real", "jeju", "jeju_mealcard_shops_restricted.csv"),
    };

    private static readonly string[] Queries =
    [
        "배고픈데 5천원밖에 없어", "배고파", "만원으로 뭐 먹지", "술 마실 곳 추천해줘", "맥주 한잔 할 데",
        "치킨 먹고 싶어", "안주 맛있는 곳", "피자 먹을래", "지금 열린 곳", "이자카야 가고 싶어",
    ];

    [Fact]
    public async Task A_hungry_child_with_5000_won_gets_real_meals_within_budget()
    {
        using var client = await factory.ClientForAsync("jeju-kid");

        var reply = await client.ChatAsync("jeju-kid", "jeju-budget", "배고픈데 5천원밖에 없어");

        reply.Intent.Should().Be("budget_inquiry");
        reply.Recommendations.Should().NotBeEmpty();
        var catalog = factory.Services.GetRequiredService<IShopCatalog>();
        foreach (var pick in reply.Recommendations)
        {
            pick.Price.Should().NotBeNull().And.BeLessThanOrEqualTo(5000);
            catalog.TryGet(pick.ShopId, out var shop).Should().BeTrue();
            shop.Menus.Should().Contain(m => m.Name == pick.MenuName && m.Price == pick.Price,
                "a recommended meal and its price must be the shop's own, never invented");
            reply.Reply.Should().Contain(pick.ShopName);
        }
    }

    [Theory]
    [InlineData(15)]
    [InlineData(null)]
    public async Task A_minor_or_a_user_of_unknown_age_is_never_sent_to_a_not_for_children_shop(int? age)
    {
        var restricted = RestrictedJejuIds();
        // 49 rows in the file, 43 distinct shops.
        restricted.Should().HaveCount(43);
        var user = age is null ? "jeju-unknown-age" : "jeju-teen";
        using var client = await factory.ClientForAsync(user);

        for (var i = 0; i < Queries.Length; i++)
        {
            var reply = await client.ChatAsync(user, $"{user}-{i}", Queries[i], userAge: age);
            reply.Recommendations.Select(r => r.ShopId).Should().NotIntersectWith(restricted, $"query '{Queries[i]}'");
            foreach (var name in reply.Recommendations.Select(r => r.ShopName))
            {
                reply.Reply.Should().Contain(name);
            }
        }
    }

    [Theory]
    [InlineData(12)]
    [InlineData(null)]
    public async Task A_child_with_4000_won_beside_a_restaurant_that_sells_alcohol_is_never_offered_it(int? age)
    {
        // 청년한식탁 (이도이동) lists "주류 3,800" among fifteen dishes: the one item under 4,000 won there is alcohol.
        var catalog = factory.Services.GetRequiredService<IShopCatalog>();
        catalog.TryGet("jeju:1083585071", out var restaurant).Should().BeTrue();
        restaurant.Menus.Should().Contain(m => m.Name == "주류" && m.Price == 3_800);
        var beside = new { lat = 33.5010617, lng = 126.5322804 };
        var user = age is null ? "jeju-4000-unknown" : "jeju-4000-kid";
        using var client = await factory.ClientForAsync(user);

        var reply = await client.ChatAsync(user, $"{user}-session", "4천원 있어", userAge: age, location: beside);

        // The alcohol items of every shop within 10 km, compared against what the reply offers and says.
        var alcohol = catalog.All()
            .Where(s => s.Location is { } point && point.DistanceMetersTo(new GeoPoint(beside.lat, beside.lng)) <= 10_000)
            .SelectMany(s => s.Menus.Where(m => m.Kind == MenuKind.Alcohol).Select(m => (Shop: s, Menu: m)))
            .ToList();
        alcohol.Should().Contain(pair => pair.Shop.Id == restaurant.Id);
        foreach (var pick in reply.Recommendations.Concat(reply.PriceUnknown))
        {
            catalog.TryGet(pick.ShopId, out var shop).Should().BeTrue();
            shop.NotForChildren.Should().BeFalse(pick.ShopName);
            if (pick.MenuName is not null)
            {
                shop.Menus.Single(m => m.Name == pick.MenuName && m.Price == pick.Price).Kind.Should().Be(MenuKind.Meal, $"{pick.ShopName} {pick.MenuName}");
            }
        }
        foreach (var name in alcohol.Select(pair => pair.Menu.Name).Distinct())
        {
            reply.Reply.Should().NotContain(name, "an alcohol item is never named to a child");
        }
        // And by words written here, independently of the product's classifier.
        foreach (var word in AlcoholWords)
        {
            reply.Reply.Should().NotContain(word);
            reply.Recommendations.Should().NotContain(pick => pick.MenuName != null && pick.MenuName.Contains(word));
        }
        reply.Recommendations.Should().OnlyContain(pick => pick.Price <= 4_000);
    }

    [Fact]
    public async Task A_named_place_restricts_the_answer_and_an_empty_place_is_said_to_be_empty_before_any_alternative()
    {
        // The "애월 쪽 햄버거 7천원": once answered with shops in 서귀포 and Seoul, 28 to 485 km away.
        using var client = await factory.ClientForAsync("jeju-aewol");

        var reply = await client.ChatAsync("jeju-aewol", "jeju-aewol", "애월 쪽 햄버거 7천원", userAge: 12);

        var picks = reply.Recommendations.Concat(reply.PriceUnknown).ToList();
        picks.Should().NotBeEmpty(reply.Reply);
        var inside = picks.Where(p => !p.Alternative).ToList();
        if (inside.Count > 0)
        {
            inside.Should().OnlyContain(p => p.Address!.Contains("애월읍"), "a match lies in 애월읍 by its address");
        }
        else
        {
            reply.Reply.Split('.')[0].Should().StartWith("애월읍에는").And.Contain("없어요");
            picks.Should().OnlyContain(p => p.Alternative && p.DistanceMeters <= 20_000 && p.AlternativeReason!.StartsWith("애월읍에는 없어서"));
        }
        picks.Should().OnlyContain(p => p.FinalPrice <= 7_000);
    }

    [Fact]
    public async Task Numbered_and_legal_spellings_of_a_dong_are_the_same_area()
    {
        using var client = await factory.ClientForAsync("jeju-samdo");

        var numbered = await client.ChatAsync("jeju-samdo", "jeju-samdo-numbered", "삼도2동 김밥", userAge: 13);
        var legal = await client.ChatAsync("jeju-samdo", "jeju-samdo-legal", "삼도이동 김밥", userAge: 13);

        numbered.Reply.Split('.')[0].Should().Contain("삼도2동");
        legal.Reply.Should().Be(numbered.Reply);
        legal.Recommendations.Select(p => p.ShopId).Should().Equal(numbered.Recommendations.Select(p => p.ShopId));
        numbered.Recommendations.Concat(numbered.PriceUnknown)
            .Where(p => !p.Alternative && !p.Address!.Contains("삼도이동") && !p.Address.Contains("삼도2동"))
            .Should().BeEmpty("a match lies in 삼도2동 by its address");
    }

    [Theory]
    [InlineData("고기국수 먹고싶어", "고기국수")]
    [InlineData("마라탕 먹고 싶어", "마라탕")]
    public async Task The_asked_dish_is_matched_by_concept_never_by_part_of_its_name(string message, string dish)
    {
        var here = new { lat = 33.48487, lng = 126.49893 };
        using var client = await factory.ClientForAsync("jeju-dish");

        var reply = await client.ChatAsync("jeju-dish", $"jeju-dish-{dish.Length}-{dish.GetHashCode():x}", message, userAge: 13, location: here);

        reply.Recommendations.Should().NotBeEmpty(reply.Reply);
        reply.Recommendations.Where(p => !p.Alternative).Should().OnlyContain(p => p.MenuName!.Replace(" ", "").Contains(dish),
            "고기만두, 불고기김밥 and 마라 불고기 피자 only contain part of the name");
        reply.Recommendations.Should().NotContain(p => p.MenuName!.Contains("만두") || p.MenuName.Contains("김밥") || p.MenuName.Contains("피자") || p.MenuName.Contains("치킨"));
    }

    private static readonly string[] AlcoholWords = ["주류", "소주", "맥주", "막걸리", "와인", "하이볼", "청하", "복분자", "사케", "칵테일", "위스키"];

    /// <summary>The ids of the flagged file, read straight from the CSV rather than through our importer.</summary>
    private static HashSet<string> RestrictedJejuIds() =>
        File.ReadLines(SharedData.File("real", "jeju", "jeju_mealcard_shops_restricted.csv"))
            .Skip(1)
            .Select(line => line.Split(',')[0].Trim())
            .Where(id => id.Length > 0 && id.All(char.IsAsciiDigit))
            .Select(id => "jeju:" + id)
            .ToHashSet();
}
