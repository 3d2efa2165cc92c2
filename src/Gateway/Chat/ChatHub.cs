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

/// <summary>The chat hub at <c>/hubs/chat</c>. The user is whoever the bearer token says.</summary>
[Authorize]
public sealed class ChatHub(ChatFrontDoor frontDoor, ILogger<ChatHub> logger) : Hub<IChatClient>
{
    public const string Path = "/hubs/chat";

    public async Task<ChatReply> SendMessage(HubChatRequest request)
    {
        var userId = Context.User.RequireUserId();
        try
        {
            return await frontDoor.SendAsync(userId, request?.SessionId, request?.Text, request?.TurnId, request?.Location, request?.UserAge);
        }
        catch (ChatInputException invalid)
        {
            throw new HubException($"invalid_input: {invalid.Message}");
        }
        catch (SessionOwnershipException)
        {
            throw new HubException("forbidden_session: this session belongs to another user.");
        }
        catch (Exception ex) when (ex is not HubException)
        {
            logger.LogError(ex, "Turn failed for session {Session}", request?.SessionId);
            throw new HubException("turn_failed: 잠시 후 다시 시도해 주세요.");
        }
    }
}
