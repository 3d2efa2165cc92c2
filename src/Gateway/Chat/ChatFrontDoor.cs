using Microsoft.AspNetCore.SignalR;
using Naviyam.Chat;
using Naviyam.Shops;

namespace Naviyam.Gateway.Chat;

/// <summary>Invalid input, with every problem by field; REST answers 400, the hub a <see cref="HubException"/>.</summary>
public sealed class ChatInputException(Dictionary<string, string[]> errors)
    : Exception("The request is not valid: " + string.Join(" ", errors.Values.SelectMany(v => v)))
{
    public Dictionary<string, string[]> Errors { get; } = errors;
}

/// <summary>
/// What REST and SignalR share: validation, the call into the session's grain, and the push of the reply to
/// every connection of the user.
/// </summary>
public sealed class ChatFrontDoor(IGrainFactory grains, IHubContext<ChatHub, IChatClient> hub)
{
    public async Task<ChatReply> SendAsync(string userId, string? sessionId, string? text, string? turnId, LocationDto? location, int? userAge)
    {
        var errors = ChatInputRules.Validate(sessionId, text, turnId, location, userAge);
        if (errors.Count > 0)
        {
            throw new ChatInputException(errors);
        }

        var turn = new ChatTurn(
            userId,
            turnId ?? Guid.NewGuid().ToString("N"),
            text!,
            location is null ? null : new GeoPoint(location.Lat!.Value, location.Lng!.Value),
            userAge);
        var reply = await grains.GetGrain<IConversationGrain>(sessionId!).TakeTurnAsync(turn);
        await hub.Clients.User(userId).ReceiveReply(sessionId!, reply);
        return reply;
    }

    public Task<NluResult> AnalyzeAsync(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > ChatInputRules.MaxTextLength)
        {
            throw new ChatInputException(new Dictionary<string, string[]>
            {
                ["text"] = [$"text must be 1–{ChatInputRules.MaxTextLength:N0} characters and not blank."],
            });
        }
        return grains.GetGrain<INluGrain>(0).AnalyzeAsync(text);
    }
}
