using System.Diagnostics;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Naviyam.Chat;
using Naviyam.Gateway.Auth;
using Naviyam.Gateway.Resilience;
using Naviyam.Gateway.Validation;

namespace Naviyam.Gateway.Chat;

/// <summary>
/// The chat's two front doors, both through <see cref="ChatFrontDoor"/>: REST (<c>POST /api/chat</c>, a turn of the
/// token user's session; <c>POST /api/nlu</c>, stateless analysis) and the SignalR hub at <see cref="ChatHub.Path"/>.
/// </summary>
public static class ChatApi
{
    /// <summary>The front door both transports share, and the hub fan-out it sends replies through.</summary>
    public static IServiceCollection AddChatFrontDoor(this IServiceCollection services) =>
        services.AddSingleton<IChatReplyFanOut, ChatHubReplyFanOut>().AddSingleton<ChatFrontDoor>();

    public static IEndpointRouteBuilder MapChatApi(this IEndpointRouteBuilder app)
    {
        // Through the resilience pipeline: a dead silo or database is a fast 503, not a hang or a 500.
        var api = app.MapGroup("/api").RequireAuthorization().AddEndpointFilter<ResilienceEndpointFilter>();
        api.MapPost("/chat", SendTurnAsync);
        api.MapPost("/nlu", AnalyzeAsync);
        // A connection lives no longer than its token: SignalR closes it when the token expires, and the client's
        // access-token factory reconnects with a fresh one.
        app.MapHub<ChatHub>(ChatHub.Path, options => options.CloseOnAuthenticationExpiration = true);
        return app;
    }

    /// <summary>One turn of the token user's session: the reply text, the picks and what the turn did (400 bad input, 403 another user's session).</summary>
    public static async Task<Results<Ok<ChatReply>, ValidationProblem, ProblemHttpResult>> SendTurnAsync(
        ChatRequest request, ClaimsPrincipal user, ChatFrontDoor frontDoor)
    {
        var userId = user.RequireUserId();
        if (request.UserId is not null && request.UserId != userId)
        {
            return Forbidden("userId must be the user of the bearer token.");
        }
        var result = await frontDoor.SendAsync(userId, request.ToMessage());
        return result switch
        {
            ChatTurnResult.Answered answered => TypedResults.Ok(answered.Reply),
            ChatTurnResult.Invalid invalid => InvalidRequest(invalid.Errors),
            ChatTurnResult.ForbiddenSession => Forbidden("This session belongs to another user."),
            _ => throw new UnreachableException($"Unhandled {result.GetType().Name}."),
        };
    }

    /// <summary>The intent and entities of a message, without a session.</summary>
    public static async Task<Results<Ok<NluView>, ValidationProblem>> AnalyzeAsync(NluRequest request, ChatFrontDoor frontDoor)
    {
        var result = await frontDoor.AnalyzeAsync(request.Text);
        return result.IsValid
            ? TypedResults.Ok(new NluView(result.Value.Intent, result.Value.Confidence, result.Value.Entities))
            : InvalidRequest(result.Errors);
    }

    /// <summary>The chat's 400: titled like the gateway's 400 for an unreadable body, with every problem as the detail too.</summary>
    private static ValidationProblem InvalidRequest(InputErrors errors) =>
        TypedResults.ValidationProblem(errors.ByField, detail: errors.Summary, title: "Invalid request");

    private static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: detail);
}
