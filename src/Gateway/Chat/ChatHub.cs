using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Naviyam.Gateway.Telemetry;
using Naviyam.Chat;
using Naviyam.Gateway.Auth;

namespace Naviyam.Gateway.Chat;

/// <summary>What the server calls on chat clients.</summary>
public interface IChatClient
{
    /// <summary>Every reply of the user, on every connection they have open (phone and laptop alike).</summary>
    Task ReceiveReply(string sessionId, ChatReply reply);
}

/// <summary>
/// The chat hub at <see cref="Path"/>. The user is whoever the bearer token says. Errors are <see cref="HubException"/>s
/// whose message starts with a short code (<c>invalid_input</c>, <c>forbidden_session</c>, <c>unavailable</c>; see <c>Errors/ErrorCodes</c>).
/// </summary>
[Authorize]
public sealed class ChatHub(ChatFrontDoor frontDoor, IGrainFactory grains, TurnMetrics metrics) : Hub<IChatClient>
{
    public const string Path = "/hubs/chat";

    public async Task<ChatReply> SendMessage(ChatMessage? message)
    {
        var userId = Context.User.RequireUserId();
        // A failure of the cluster or the database becomes a coded HubException in HubErrorFilter.
        var result = await frontDoor.SendAsync(userId, message);
        return result switch
        {
            ChatTurnResult.Answered answered => answered.Reply,
            ChatTurnResult.Invalid invalid => throw new HubException($"invalid_input: {invalid.Errors.Summary}"),
            ChatTurnResult.ForbiddenSession => throw new HubException("forbidden_session: this session belongs to another user."),
            _ => throw new UnreachableException($"Unhandled {result.GetType().Name}."),
        };
    }

    /// <summary>
    /// Feedback on a pick the user was shown: <c>kind</c> is <c>opened</c> (the card was opened), <c>go</c> ("여기 갈래")
    /// or <c>other</c> ("다른 데 보여줘"). Answers the pick's position; errors as <see cref="SendMessage"/>'s.
    /// </summary>
    public async Task<FeedbackAccepted> SendFeedback(FeedbackMessage? feedback)
    {
        var result = await PickFeedbackDoor.SendAsync(grains, metrics, Context.User.RequireUserId(), feedback);
        return result switch
        {
            FeedbackResult.Accepted accepted => accepted.Receipt,
            FeedbackResult.Invalid invalid => throw new HubException($"invalid_input: {invalid.Errors.Summary}"),
            FeedbackResult.ForbiddenSession => throw new HubException("forbidden_session: this session belongs to another user."),
            _ => throw new UnreachableException($"Unhandled {result.GetType().Name}."),
        };
    }

    /// <summary>
    /// The same turn as <see cref="SendMessage"/>, streamed: the reply's text a sentence at a time, then the whole reply.
    /// Errors end the stream with the same coded <see cref="HubException"/>s.
    /// </summary>
    public async IAsyncEnumerable<ChatStreamItem> StreamMessage(ChatMessage? message, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var reply = await SendMessage(message);
        foreach (var chunk in ReplyChunks.Split(reply.Reply))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return ChatStreamItem.Chunk(chunk);
        }
        yield return ChatStreamItem.Final(reply);
    }
}
