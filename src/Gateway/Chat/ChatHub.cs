using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
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
public sealed class ChatHub(ChatFrontDoor frontDoor) : Hub<IChatClient>
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
}
