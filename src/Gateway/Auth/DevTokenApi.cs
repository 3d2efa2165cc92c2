using Microsoft.AspNetCore.Http.HttpResults;
using Naviyam.Gateway.Chat;

namespace Naviyam.Gateway.Auth;

public static class DevTokenApi
{
    /// <summary>Development only: a token for any user id, so the page and tests can sign in without an identity provider.</summary>
    public static IEndpointRouteBuilder MapDevTokenApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/dev-token", IssueDevToken);
        return app;
    }

    public static Results<Ok<DevTokenView>, ValidationProblem> IssueDevToken(DevTokenRequest request, TokenService tokens) =>
        ChatInputRules.IsValidUserId(request.UserId)
            ? TypedResults.Ok(new DevTokenView(tokens.Issue(request.UserId!), request.UserId!))
            : TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["userId"] = ["userId must be 1–64 characters of A–Z, a–z, 0–9, '_' or '-'."],
            });
}

public sealed record DevTokenRequest(string? UserId);

public sealed record DevTokenView(string Token, string UserId);
