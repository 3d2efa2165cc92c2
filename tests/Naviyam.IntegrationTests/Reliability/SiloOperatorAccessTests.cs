using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using Naviyam.IntegrationTests.Infrastructure;

namespace Naviyam.IntegrationTests.Reliability;

/// <summary>
/// A silo process outside Development: its Orleans Dashboard and <c>/operator/catalog</c> answer only a token with the
/// operator role (401 without a token, 403 for a user's), while health stays open for load balancers; and it refuses
/// to start without a signing key to check tokens with.
/// </summary>
public class SiloOperatorAccessTests
{
    private static readonly Dictionary<string, string> EmbeddedSilo = new()
    {
        ["Naviyam:Data:GenerateShops"] = "20",
        ["Naviyam:Data:GenerateUsers"] = "0",
    };

    [Fact]
    public async Task A_production_silo_lets_only_operators_see_the_dashboard_and_the_catalog()
    {
        var key = TestTokens.NewKey();
        await using var silo = await SiloProcess.StartAsync(
            new Dictionary<string, string>(EmbeddedSilo) { ["Naviyam:Auth:SigningKey"] = key, ["Naviyam:Silo:ClusterId"] = "ops-" + Guid.NewGuid().ToString("N")[..8] },
            environment: "Production");
        var user = TestTokens.Sign(key, [new Claim("sub", "child-1")]);
        var operatorToken = TestTokens.Sign(key, [new Claim("sub", "ops-1"), new Claim("role", "operator")]);

        var results = new Dictionary<string, HttpStatusCode>();
        foreach (var path in new[] { "/dashboard/", "/operator/catalog/shops/none" })
        {
            results[$"{path} anonymous"] = await StatusAsync(silo.HttpAddress, path, token: null);
            results[$"{path} user"] = await StatusAsync(silo.HttpAddress, path, user);
            results[$"{path} operator"] = await StatusAsync(silo.HttpAddress, path, operatorToken);
        }
        results["/health/ready anonymous"] = await StatusAsync(silo.HttpAddress, "/health/ready", token: null);

        results.Should().Equal(new Dictionary<string, HttpStatusCode>
        {
            ["/dashboard/ anonymous"] = HttpStatusCode.Unauthorized,
            ["/dashboard/ user"] = HttpStatusCode.Forbidden,
            ["/dashboard/ operator"] = HttpStatusCode.OK,
            ["/operator/catalog/shops/none anonymous"] = HttpStatusCode.Unauthorized,
            ["/operator/catalog/shops/none user"] = HttpStatusCode.Forbidden,
            ["/operator/catalog/shops/none operator"] = HttpStatusCode.NotFound,
            ["/health/ready anonymous"] = HttpStatusCode.OK,
        });
    }

    [Fact]
    public async Task A_production_silo_without_a_signing_key_does_not_start()
    {
        var start = () => SiloProcess.StartAsync(new Dictionary<string, string>(EmbeddedSilo), environment: "Production");

        (await start.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain("Naviyam:Auth:SigningKey is required outside Development");
    }

    private static async Task<HttpStatusCode> StatusAsync(Uri address, string path, string? token)
    {
        // Redirects are not followed: HttpClient drops the Authorization header on a redirect.
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = address };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
