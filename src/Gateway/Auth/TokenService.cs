using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Naviyam.Hosting.Auth;

namespace Naviyam.Gateway.Auth;

/// <summary>Holds the signing key and issues development tokens.</summary>
public sealed class TokenService
{
    private readonly AuthOptions options;
    private readonly TimeProvider time;

    public TokenService(IOptions<AuthOptions> options, JwtSigningKey key, TimeProvider time)
    {
        this.options = options.Value;
        this.time = time;
        SigningKey = key.Key;
    }

    public SymmetricSecurityKey SigningKey { get; }

    public string Issue(string userId)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var token = new JwtSecurityToken(
            issuer: options.Issuer,
            audience: options.Audience,
            claims: [new Claim(JwtRegisteredClaimNames.Sub, userId)],
            notBefore: now,
            expires: now + options.DevTokenLifetime,
            signingCredentials: new SigningCredentials(SigningKey, SecurityAlgorithms.HmacSha256));
        return new JwtSecurityTokenHandler().WriteToken(token);
    }
}
