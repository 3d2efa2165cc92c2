using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Naviyam.Gateway.Auth;

/// <summary>Holds the signing key and issues development tokens.</summary>
public sealed class TokenService
{
    private readonly AuthOptions options;
    private readonly TimeProvider time;

    public TokenService(IOptions<AuthOptions> options, IHostEnvironment environment, TimeProvider time)
    {
        this.options = options.Value;
        this.time = time;
        if (!string.IsNullOrWhiteSpace(this.options.SigningKey))
        {
            var bytes = Convert.FromBase64String(this.options.SigningKey);
            if (bytes.Length < 32)
            {
                throw new InvalidOperationException("Naviyam:Auth:SigningKey must be at least 32 bytes (base64).");
            }
            SigningKey = new SymmetricSecurityKey(bytes);
        }
        else if (environment.IsDevelopment())
        {
            // A fresh key per start: development tokens never outlive the process that issued them.
            SigningKey = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32));
        }
        else
        {
            throw new InvalidOperationException("Naviyam:Auth:SigningKey is required outside Development (base64, 32+ bytes).");
        }
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
