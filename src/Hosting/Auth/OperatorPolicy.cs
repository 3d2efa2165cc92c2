namespace Naviyam.Hosting.Auth;

/// <summary>The authorization policy of operator-only endpoints in every host: a token with the <c>operator</c> role.</summary>
public static class OperatorPolicy
{
    public const string Name = "operator";
    public const string RoleClaim = "role";
    public const string Role = "operator";
}
