using Naviyam.Gateway.Chat;

namespace Naviyam.Gateway.Auth;

public static class DevTokenApi
{
    /// <summary>Development only: a token for any user id, so the page and tests can sign in without an identity provider.</summary>
    public static IEndpointRouteBuilder MapDevTokenApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/dev-token", (DevTokenRequest request, TokenService tokens) =>
            ChatInputRules.IsValidUserId(request.UserId)
                ? Results.Ok(new { token = tokens.Issue(request.UserId!), userId = request.UserId })
                : Results.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["userId"] = ["userId must be 1–64 characters of A–Z, a–z, 0–9, '_' or '-'."],
                }));
        return app;
    }
}

public sealed record DevTokenRequest(string? UserId);
