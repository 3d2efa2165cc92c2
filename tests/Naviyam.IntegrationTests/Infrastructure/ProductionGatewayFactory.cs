using System.Net.Http.Headers;
using System.Security.Claims;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Naviyam.Gateway.Auth;

namespace Naviyam.IntegrationTests.Infrastructure;

/// <summary>
/// The gateway as production runs it (environment Production: no dev-token endpoint, no developer pages, a configured
/// signing key). Tests sign their own tokens with that key, including malformed ones a real attacker could not sign
/// but a broken identity provider could.
/// </summary>
public class ProductionGatewayFactory : GatewayFactory
{
    /// <summary>A test-only key, generated per factory: never a secret anything else knows.</summary>
    private readonly string signingKey = TestTokens.NewKey();

    private readonly bool keyConfigured;

    /// <param name="settings">Configuration; a <c>Naviyam:Auth:SigningKey</c> among it (even null) replaces the generated key.</param>
    public ProductionGatewayFactory(IDictionary<string, string?>? settings = null)
        : base(new DateTime(2025, 9, 3, 12, 0, 0), settings ?? new Dictionary<string, string?>())
    {
        keyConfigured = settings?.ContainsKey("Naviyam:Auth:SigningKey") == true;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
        if (!keyConfigured)
        {
            builder.UseSetting("Naviyam:Auth:SigningKey", signingKey);
        }
    }

    /// <summary>A token signed with the gateway's key, carrying exactly <paramref name="claims"/>.</summary>
    public string Sign(IEnumerable<Claim> claims, TimeSpan? lifetime = null, DateTime? notBefore = null) =>
        TestTokens.Sign(Services.GetRequiredService<TokenService>().SigningKey, claims, lifetime, notBefore);

    public string TokenFor(string userId, TimeSpan? lifetime = null) => Sign([new Claim("sub", userId)], lifetime);

    public HttpClient ClientWithToken(string token)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
