using System.IdentityModel.Tokens.Jwt;
using System.Net.Http.Headers;
using System.Security.Claims;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
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
    private readonly string signingKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

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
    public string Sign(IEnumerable<Claim> claims, TimeSpan? lifetime = null, DateTime? notBefore = null)
    {
        var key = Services.GetRequiredService<TokenService>().SigningKey;
        var start = notBefore ?? DateTime.UtcNow.AddMinutes(-1);
        var token = new JwtSecurityToken("naviyam", "naviyam-chat", claims, start, start + (lifetime ?? TimeSpan.FromHours(1)),
            new SigningCredentials(key, SecurityAlgorithms.HmacSha256));
        return new JwtSecurityTokenHandler().WriteToken(token);
    }

    public string TokenFor(string userId, TimeSpan? lifetime = null) => Sign([new Claim("sub", userId)], lifetime);

    public HttpClient ClientWithToken(string token)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
