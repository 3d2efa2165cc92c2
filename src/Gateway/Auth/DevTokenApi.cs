using Microsoft.AspNetCore.Http.HttpResults;
using Naviyam.Gateway.Validation;

namespace Naviyam.Gateway.Auth;

public static class DevTokenApi
{
    /// <summary>Development only: a token for any user id, so the page and tests can sign in without an identity provider.</summary>
    public static IEndpointRouteBuilder MapDevTokenApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/dev-token", IssueDevToken);
        return app;
    }

    /// <summary>Development only: a token for the given user id.</summary>
    public static Results<Ok<DevTokenView>, ValidationProblem> IssueDevToken(DevTokenRequest request, TokenService tokens)
    {
        var userId = Validate(request);
        return userId.IsValid
            ? TypedResults.Ok(new DevTokenView(tokens.Issue(userId.Value), userId.Value))
            : userId.Errors.ToValidationProblem();
    }

    private static Validated<string> Validate(DevTokenRequest request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!InputIds.IsValid(request.UserId))
        {
            errors["userId"] = [InputIds.Rule("userId")];
        }
        return Validated<string>.From(errors, () => request.UserId!);
    }
}

public sealed record DevTokenRequest(string? UserId);

public sealed record DevTokenView(string Token, string UserId);
