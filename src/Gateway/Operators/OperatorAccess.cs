using Naviyam.Hosting.Auth;

namespace Naviyam.Gateway.Operators;

/// <summary>
/// Who may use what the gateway maps for operators (the Orleans Dashboard outside Development, order acceptance): a
/// token carrying the <c>operator</c> role (<see cref="OperatorPolicy"/>, shared with the silo process). The chat's dev
/// tokens never carry it.
/// </summary>
public static class OperatorAccess
{
    public const string RoleClaim = OperatorPolicy.RoleClaim;
    public const string Role = OperatorPolicy.Role;

    public static TBuilder RequireOperator<TBuilder>(this TBuilder endpoints)
        where TBuilder : IEndpointConventionBuilder =>
        endpoints.RequireAuthorization(OperatorPolicy.Name);
}
