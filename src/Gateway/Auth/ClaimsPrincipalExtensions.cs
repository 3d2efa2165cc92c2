using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;

namespace Naviyam.Gateway.Auth;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The user id of an authenticated caller: the token's subject.</summary>
    public static string RequireUserId(this ClaimsPrincipal? user) =>
        user?.FindFirstValue(JwtRegisteredClaimNames.Sub) ?? user?.FindFirstValue(ClaimTypes.NameIdentifier)
        ?? throw new InvalidOperationException("An authenticated user has no subject claim.");
}
