using Microsoft.AspNetCore.SignalR;
using Naviyam.Chat;

namespace Naviyam.Gateway.Chat;

/// <summary>
/// Sends every reply to every open connection of its user, whichever front door the turn came through, so a phone
/// sees what the laptop asked. The front door knows only this, not the hub that delivers it.
/// </summary>
public interface IChatReplyFanOut
{
    Task SendToUserAsync(string userId, string sessionId, ChatReply reply);
}

/// <summary>The fan-out over the chat hub's connections (SignalR's user is the token's subject).</summary>
public sealed class ChatHubReplyFanOut(IHubContext<ChatHub, IChatClient> hub) : IChatReplyFanOut
{
    public Task SendToUserAsync(string userId, string sessionId, ChatReply reply) =>
        hub.Clients.User(userId).ReceiveReply(sessionId, reply);
}
