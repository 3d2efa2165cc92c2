using Naviyam.Hosting.Auth;
using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Naviyam.Gateway.Auth;

namespace Naviyam.IntegrationTests.Infrastructure;

/// <summary>Operator tokens for tests: the gateway issues none, so one is signed here with the gateway's own key.</summary>
public static class OperatorTokens
{
    public static string For(GatewayFactory gateway)
    {
        var settings = gateway.Services.GetRequiredService<IOptions<AuthOptions>>().Value;
        var signing = new SigningCredentials(gateway.Services.GetRequiredService<TokenService>().SigningKey, SecurityAlgorithms.HmacSha256);
        var issuedAt = DateTime.UtcNow;
        Claim[] claims = [new("sub", "ab-operator"), new(OperatorClaim, "operator")];
        return new JwtSecurityTokenHandler().WriteToken(new JwtSecurityToken(settings.Issuer, settings.Audience, claims, issuedAt, issuedAt.AddMinutes(5), signing));
    }

    private const string OperatorClaim = "role";
}
