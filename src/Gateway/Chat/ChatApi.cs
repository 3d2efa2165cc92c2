using Naviyam.Gateway.Auth;

namespace Naviyam.Gateway.Chat;

public static class ChatApi
{
    public static IEndpointRouteBuilder MapChatApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization();

        api.MapPost("/chat", async (ChatRequest request, HttpContext http, ChatFrontDoor frontDoor) =>
        {
            var userId = http.User.RequireUserId();
            if (request.UserId is not null && request.UserId != userId)
            {
                return Results.Problem(
                    statusCode: StatusCodes.Status403Forbidden,
                    title: "Forbidden",
                    detail: "userId must be the user of the bearer token.");
            }
            return Results.Ok(await frontDoor.SendAsync(userId, request.SessionId, request.Text, request.TurnId, request.Location, request.UserAge));
        });

        // The REST transport's floor for benchmarks: authentication and JSON both ways, no grain call.
        api.MapPost("/echo", (ChatRequest request) => Results.Ok(request));

        api.MapPost("/nlu", async (NluRequest request, ChatFrontDoor frontDoor) =>
        {
            var result = await frontDoor.AnalyzeAsync(request.Text);
            return Results.Ok(new { intent = result.Intent, confidence = result.Confidence, entities = result.Entities });
        });

        return app;
    }
}
