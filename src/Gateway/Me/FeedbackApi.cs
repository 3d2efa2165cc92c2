using System.Diagnostics;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Naviyam.Gateway.Auth;
using Naviyam.Gateway.Chat;
using Naviyam.Gateway.Telemetry;

namespace Naviyam.Gateway.Me;

/// <summary><c>POST /api/me/feedback</c>: what the token user did with a pick of one of their own sessions.</summary>
public static class FeedbackApi
{
    /// <summary>Records what the token user did with a pick of one of their sessions (opened, go, other); answers the pick's position.</summary>
    public static async Task<Results<Ok<FeedbackAccepted>, ValidationProblem, ProblemHttpResult>> SendAsync(
        FeedbackMessage? body, ClaimsPrincipal user, IGrainFactory grains, TurnMetrics metrics)
    {
        var result = await PickFeedbackDoor.SendAsync(grains, metrics, user.RequireUserId(), body);
        return result switch
        {
            FeedbackResult.Accepted accepted => TypedResults.Ok(accepted.Receipt),
            FeedbackResult.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors.ByField, detail: invalid.Errors.Summary, title: "Invalid request"),
            FeedbackResult.ForbiddenSession => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
                detail: "This session belongs to another user."),
            _ => throw new UnreachableException($"Unhandled {result.GetType().Name}."),
        };
    }
}
