using Naviyam.IntegrationTests.Infrastructure;

namespace Naviyam.IntegrationTests.Scenarios;

/// <summary>Seoul's 꿈나무카드 list: names, kinds and addresses only (no menus, no coordinates).</summary>
public sealed class SeoulFactory() : GatewayFactory(SeoulScenarios.Noon, SeoulScenarios.Settings);

public class SeoulScenarioTests(SeoulFactory factory) : SeoulScenarios(factory), IClassFixture<SeoulFactory>;

public abstract class SeoulScenarios(GatewayFactory factory)
{
    public static readonly DateTime Noon = new(2025, 9, 3, 12, 0, 0);

    public static Dictionary<string, string?> Settings => new()
    {
        ["Naviyam:Import:0"] = "seoul:" + SharedData.File("real", "seoul", "seoul_kkumnamu_card_shops_2020.csv"),
    };

    [Fact]
    public async Task A_district_restricts_the_answer_and_a_dish_is_matched_by_the_shops_name_and_kind()
    {
        // The "은평구에서 짜장면": 169 shops of the list are in 은평구.
        using var client = await factory.ClientForAsync("seoul-eunpyeong");

        var reply = await client.ChatAsync("seoul-eunpyeong", "seoul-eunpyeong", "은평구에서 짜장면", userAge: 12);

        var picks = reply.Recommendations.Concat(reply.PriceUnknown).ToList();
        picks.Should().NotBeEmpty(reply.Reply);
        picks.Should().OnlyContain(p => !p.Alternative && p.Address!.Contains("은평구"));
        picks.Should().OnlyContain(p => p.Price == null, "the list has no menus, so no price may be shown");
        reply.Reply.Should().StartWith("은평구에서 짜장면");
    }

    [Fact]
    public async Task Without_a_match_the_reply_says_so_first_and_every_alternative_is_marked_with_its_reason()
    {
        // 칼국수 in 은평구: no shop there is named for it or filed under it; generic 한식 restaurants only might serve
        // it, and shops named for it lie in other districts.
        using var client = await factory.ClientForAsync("seoul-kalguksu");

        var reply = await client.ChatAsync("seoul-kalguksu", "seoul-kalguksu", "은평구 칼국수", userAge: 12);

        var picks = reply.Recommendations.Concat(reply.PriceUnknown).ToList();
        var matches = picks.Where(p => !p.Alternative).ToList();
        if (matches.Count > 0)
        {
            matches.Should().OnlyContain(p => p.ShopName.Contains("칼국수") && p.Address!.Contains("은평구"));
            picks.Should().OnlyContain(p => !p.Alternative, "a match and an alternative are never mixed");
        }
        else
        {
            reply.Reply.Split('.')[0].Should().StartWith("은평구에").And.Contain("없어요", "alternatives come only after saying so");
            picks.Should().OnlyContain(p => !string.IsNullOrEmpty(p.AlternativeReason) && p.DistanceMeters <= 20_000);
        }
    }
}
