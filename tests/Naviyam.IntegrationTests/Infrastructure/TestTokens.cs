using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;

namespace Naviyam.IntegrationTests.Infrastructure;

/// <summary>Tokens a test signs itself, with the issuer and audience the hosts expect by default.</summary>
public static class TestTokens
{
    public static string NewKey() => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public static string Sign(SecurityKey key, IEnumerable<Claim> claims, TimeSpan? lifetime = null, DateTime? notBefore = null)
    {
        var start = notBefore ?? DateTime.UtcNow.AddMinutes(-1);
        var token = new JwtSecurityToken("naviyam", "naviyam-chat", claims, start, start + (lifetime ?? TimeSpan.FromHours(1)),
            new SigningCredentials(key, SecurityAlgorithms.HmacSha256));
        return new JwtSecurityTokenHandler().WriteToken(token);
    }

    public static string Sign(string base64Key, IEnumerable<Claim> claims, TimeSpan? lifetime = null) =>
        Sign(new SymmetricSecurityKey(Convert.FromBase64String(base64Key)), claims, lifetime);
}
