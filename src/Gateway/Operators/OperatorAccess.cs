namespace Naviyam.Gateway.Operators;

/// <summary>
/// Who may use what the gateway maps for operators (the Orleans Dashboard outside Development): a token carrying the
/// <c>operator</c> role. The chat's dev tokens never carry it.
/// </summary>
public static class OperatorAccess
{
    public const string RoleClaim = "role";
    public const string Role = "operator";

    public static TBuilder RequireOperator<TBuilder>(this TBuilder endpoints)
        where TBuilder : IEndpointConventionBuilder =>
        endpoints.RequireAuthorization(policy => policy.RequireClaim(RoleClaim, Role));
}
