using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Naviyam.Catalog;
using Naviyam.IntegrationTests.Infrastructure;

namespace Naviyam.IntegrationTests.Hosting;

/// <summary>Both Jeju lists imported and nothing said about generation: the synthetic city must stay off.</summary>
public sealed class JejuAloneFactory() : GatewayFactory(new DateTime(2025, 9, 3, 12, 0, 0), new Dictionary<string, string?>
{
    ["Naviyam:Import:0"] = "jeju:" + SharedData.File("real", "jeju", "jeju_mealcard_shops_menus.csv"),
    ["Naviyam:Import:1"] = "jeju:" + SharedData.File("real", "jeju", "jeju_mealcard_shops_restricted.csv"),
    // Present but empty: the key is unset, as when no appsettings file or command line names it.
    ["Naviyam:Data:GenerateShops"] = null,
});

/// <summary>
/// Real lists are served alone: with an import configured and generation not asked for, no synthetic shop is in the
/// catalog or in any answer, and <c>/health</c> names the sources served with their shop counts.
/// </summary>
public class RealListsServedAloneTests(JejuAloneFactory factory) : IClassFixture<JejuAloneFactory>
{
    // 1,964 shops in the main list and 43 in the restricted one, one of which (카페 메이비) is in both.
    private const int JejuShops = 2_006;

    [Fact]
    public async Task Health_names_the_sources_served_with_their_shop_counts()
    {
        using var anonymous = new HttpClient { BaseAddress = factory.BaseAddress };

        using var response = await anonymous.GetAsync("/health");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var health = await response.Content.ReadFromJsonAsync<JsonElement>();
        health.GetProperty("status").GetString().Should().Be("Healthy");
        var sources = health.GetProperty("entries").GetProperty("merchant-sources");
        sources.GetProperty("status").GetString().Should().Be("Healthy");
        sources.GetProperty("data").EnumerateObject().Select(p => (p.Name, p.Value.GetInt32()))
            .Should().BeEquivalentTo([("generated", 0), ("jeju", JejuShops)]);
    }

    [Fact]
    public void The_catalog_holds_the_imported_lists_only()
    {
        var catalog = factory.Services.GetRequiredService<IShopCatalog>();

        catalog.Count.Should().Be(JejuShops);
        catalog.All().Should().OnlyContain(s => s.Source == "jeju" && !s.Synthetic);
        catalog.All().Count(s => s.LocationApproximate).Should().Be(38, "the rows placed in Seoul or Incheon are at their address's area");
    }

    [Theory]
    [InlineData("sillim", "배고픈데 5천원밖에 없어", 37.4842, 126.9297)] // the generated city's 신림동, where synthetic shops would be
    [InlineData("jeju-city", "치킨 먹고 싶어", 33.4996, 126.5312)]
    [InlineData("seogwipo", "만원으로 뭐 먹지", 33.2541, 126.5601)]
    public async Task No_answer_names_a_synthetic_shop(string session, string text, double latitude, double longitude)
    {
        using var client = await factory.ClientForAsync("alone-kid");

        var reply = await client.ChatAsync("alone-kid", session, text, location: new { lat = latitude, lng = longitude });

        reply.Recommendations.Concat(reply.PriceUnknown).Should().OnlyContain(r => r.ShopId.StartsWith("jeju:", StringComparison.Ordinal));
    }
}

/// <summary>An import with generation asked for explicitly: both are served, and /health says so.</summary>
public sealed class GeneratedAndImportedFactory() : GatewayFactory(new DateTime(2025, 9, 3, 12, 0, 0), new Dictionary<string, string?>
{
    ["Naviyam:Import:0"] = "peer:" + SharedData.File("peer", "restaurants_optimized.json"),
    ["Naviyam:Data:GenerateShops"] = "200",
});

public class ExplicitGenerationTests(GeneratedAndImportedFactory factory) : IClassFixture<GeneratedAndImportedFactory>
{
    [Fact]
    public async Task An_explicit_shop_count_is_obeyed_beside_an_import()
    {
        using var anonymous = new HttpClient { BaseAddress = factory.BaseAddress };

        var health = await anonymous.GetFromJsonAsync<JsonElement>("/health");

        health.GetProperty("entries").GetProperty("merchant-sources").GetProperty("data").EnumerateObject()
            .Select(p => (p.Name, p.Value.GetInt32()))
            .Should().BeEquivalentTo([("generated", 200), ("peer", 10)]);
    }
}
