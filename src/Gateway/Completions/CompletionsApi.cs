using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Naviyam.Chat;
using Naviyam.Gateway.Auth;
using Naviyam.Gateway.Chat;
using static Naviyam.Gateway.Completions.CompletionSessions;

namespace Naviyam.Gateway.Completions;

/// <summary>
/// OpenAI-compatible chat, so an existing chat front-end talks to Naviyam unchanged: point its base URL at
/// <c>/v1</c> and give it a Naviyam token as the API key. Each call is a turn of a Naviyam session
/// (<see cref="CompletionSessions"/>) through the same <see cref="ChatFrontDoor"/> as REST and the hub.
/// </summary>
public static class CompletionsApi
{
    public const string Model = "naviyam";

    private static readonly string[] Roles = ["system", "developer", "user", "assistant", "tool"];

    public static IEndpointRouteBuilder MapCompletionsApi(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/v1").RequireAuthorization();
        v1.MapPost("/chat/completions", CompleteAsync);
        v1.MapGet("/models", ListModels);
        return app;
    }

    /// <summary>
    /// Answers the conversation's last user message: a <c>chat.completion</c>, or with <c>"stream": true</c> server-sent
    /// <c>chat.completion.chunk</c> events (the text a sentence at a time) ending with <c>data: [DONE]</c>. Errors are
    /// problem+json that also carry OpenAI's <c>error</c> object.
    /// </summary>
    public static async Task<Results<Ok<ChatCompletion>, ServerSentEventsResult<string>, ProblemHttpResult>> CompleteAsync(
        ChatCompletionRequest request, ClaimsPrincipal user, HttpRequest http, ChatFrontDoor frontDoor, TimeProvider time,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken cancellationToken)
    {
        var userId = user.RequireUserId();
        var messages = request.Messages ?? [];
        if (messages.Count == 0)
        {
            return Invalid("messages must hold at least one message.");
        }
        if (messages.FirstOrDefault(m => !Roles.Contains(m.Role)) is { } odd)
        {
            return Invalid($"role '{odd.Role}' is not one of {string.Join(", ", Roles)}.");
        }
        if (messages[^1] is not { Role: "user", Text: { } text } || string.IsNullOrWhiteSpace(text))
        {
            return Invalid("the last message must be the user's, with text.");
        }

        var userTexts = messages.Where(m => m.Role == "user").Select(m => m.Text ?? "").ToList();
        var firstAnswer = messages.FirstOrDefault(m => m.Role == "assistant")?.Text;
        string sessionId;
        string? turnId = null;
        if (http.Headers[SessionHeader].ToString() is { Length: > 0 } named)
        {
            sessionId = named;
        }
        else if (firstAnswer is null)
        {
            sessionId = Fresh();
        }
        else
        {
            sessionId = Continuing(userId, userTexts[0], firstAnswer);
            turnId = TurnId(userTexts.Count);
            if (!string.IsNullOrWhiteSpace(userTexts[0]) && userTexts.Count > 1
                && await frontDoor.SendAsync(userId, new ChatMessage(sessionId, userTexts[0], SeedTurnId, null, null)) is not ChatTurnResult.Answered)
            {
                return Invalid("the conversation's first user message is not one Naviyam can take (1–1,000 characters).");
            }
        }

        var result = await frontDoor.SendAsync(userId, new ChatMessage(sessionId, text, turnId, null, null));
        if (result is not ChatTurnResult.Answered { Reply: var reply })
        {
            return result switch
            {
                ChatTurnResult.Invalid invalid => Invalid(invalid.Errors.Summary),
                ChatTurnResult.ForbiddenSession => Error(StatusCodes.Status403Forbidden, "Forbidden", "This session belongs to another user.", "permission_error"),
                _ => throw new UnreachableException($"Unhandled {result.GetType().Name}."),
            };
        }

        var id = "chatcmpl-" + reply.TurnId;
        var created = time.GetUtcNow().ToUnixTimeSeconds();
        return request.Stream == true
            ? TypedResults.ServerSentEvents(StreamAsync(reply, id, created, json.Value.SerializerOptions, cancellationToken))
            : TypedResults.Ok(new ChatCompletion(id, "chat.completion", created, Model,
                [new CompletionChoice(0, new AssistantMessage("assistant", reply.Reply), "stop")], reply));
    }

    /// <summary>The one model this endpoint serves, for front-ends that list models before they chat.</summary>
    public static Ok<ModelList> ListModels() => TypedResults.Ok(new ModelList("list", [new ModelCard(Model, "model", 0, "naviyam")]));

    private static async IAsyncEnumerable<string> StreamAsync(ChatReply reply, string id, long created, JsonSerializerOptions options,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string Event(ChunkDelta delta, string? finish) =>
            JsonSerializer.Serialize(new ChatCompletionChunk(id, "chat.completion.chunk", created, Model, [new ChunkChoice(0, delta, finish)]), options);

        yield return Event(new ChunkDelta("assistant", ""), null);
        foreach (var piece in ReplyChunks.Split(reply.Reply))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return Event(new ChunkDelta(null, piece), null);
            await Task.Yield();
        }
        yield return Event(new ChunkDelta(null, null), "stop");
        yield return "[DONE]";
    }

    private static ProblemHttpResult Invalid(string message) =>
        Error(StatusCodes.Status400BadRequest, "Invalid request", message, "invalid_request_error");

    /// <summary>problem+json for our clients, with OpenAI's <c>error</c> object inside for theirs.</summary>
    private static ProblemHttpResult Error(int status, string title, string message, string type) =>
        TypedResults.Problem(statusCode: status, title: title, detail: message,
            extensions: new Dictionary<string, object?> { ["error"] = new { message, type, param = (string?)null, code = (string?)null } });
}

public sealed record ModelList(string Object, IReadOnlyList<ModelCard> Data);

public sealed record ModelCard(string Id, string Object, long Created, [property: System.Text.Json.Serialization.JsonPropertyName("owned_by")] string OwnedBy);
