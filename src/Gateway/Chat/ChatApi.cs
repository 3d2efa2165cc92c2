using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Naviyam.Chat;
using Naviyam.Gateway.Auth;

namespace Naviyam.Gateway.Chat;

/// <summary>
/// The chat's two front doors, both through <see cref="ChatFrontDoor"/>: REST (<c>POST /api/chat</c>, a turn of the
/// token user's session; <c>POST /api/nlu</c>, stateless analysis) and the SignalR hub at <see cref="ChatHub.Path"/>.
/// </summary>
public static class ChatApi
{
    public static IEndpointRouteBuilder MapChatApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization();
        api.MapPost("/chat", SendTurnAsync);
        api.MapPost("/nlu", AnalyzeAsync);
        app.MapHub<ChatHub>(ChatHub.Path);
        return app;
    }

    public static async Task<Results<Ok<ChatReply>, ProblemHttpResult>> SendTurnAsync(ChatRequest request, ClaimsPrincipal user, ChatFrontDoor frontDoor)
    {
        var userId = user.RequireUserId();
        if (request.UserId is not null && request.UserId != userId)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Forbidden",
                detail: "userId must be the user of the bearer token.");
        }
        return TypedResults.Ok(await frontDoor.SendAsync(userId, request.SessionId, request.Text, request.TurnId, request.Location, request.UserAge));
    }

    public static async Task<Ok<NluView>> AnalyzeAsync(NluRequest request, ChatFrontDoor frontDoor)
    {
        var result = await frontDoor.AnalyzeAsync(request.Text);
        return TypedResults.Ok(new NluView(result.Intent, result.Confidence, result.Entities));
    }
}
