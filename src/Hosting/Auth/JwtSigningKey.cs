using System.Security.Cryptography;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Naviyam.Hosting.Auth;

/// <summary>
/// The HMAC key tokens are signed and checked with: <c>Naviyam:Auth:SigningKey</c>, already checked by
/// <see cref="AuthOptionsValidator"/> at start; in Development without one, a fresh key per start, so development
/// tokens never outlive the process that issued them.
/// </summary>
public sealed class JwtSigningKey(IOptions<AuthOptions> options, IHostEnvironment environment)
{
    public SymmetricSecurityKey Key { get; } = string.IsNullOrWhiteSpace(options.Value.SigningKey)
        ? environment.IsDevelopment()
            ? new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(AuthOptionsValidator.MinimumKeyBytes))
            : throw new InvalidOperationException("Naviyam:Auth:SigningKey is required outside Development.")
        : new SymmetricSecurityKey(Convert.FromBase64String(options.Value.SigningKey.Trim()));
}
