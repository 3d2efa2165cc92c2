using Naviyam.Chat;

namespace Naviyam.Gateway.Chat;

/// <summary>The body of <c>POST /api/chat</c>: a <see cref="ChatMessage"/> and, optionally, the token's own user id.</summary>
public sealed record ChatRequest(
    string? UserId,
    string? SessionId,
    string? Text,
    string? TurnId,
    LocationDto? Location,
    int? UserAge)
{
    public ChatMessage ToMessage() => new(SessionId, Text, TurnId, Location, UserAge);
}

/// <summary>
/// One message of a user as any transport receives it, not yet validated: the argument of the hub's
/// <c>SendMessage</c>, and the REST body without <c>userId</c> (the user always comes from the token).
/// </summary>
public sealed record ChatMessage(
    string? SessionId,
    string? Text,
    string? TurnId,
    LocationDto? Location,
    int? UserAge);

/// <summary>
/// The device's position. Both coordinates are nullable only so that a body that misspells or leaves one out (say
/// <c>latitude</c> instead of <c>lat</c>) is refused by name instead of being read as 0° — the middle of the ocean.
/// </summary>
public sealed record LocationDto(double? Lat, double? Lng);

public sealed record NluRequest(string? Text);

/// <summary>What <c>POST /api/nlu</c> answers: the analysis without anything session-bound.</summary>
public sealed record NluView(string Intent, double Confidence, Entities Entities);

/// <summary>
/// One item of the hub's <c>StreamMessage</c> stream: the reply's text in pieces (<see cref="Type"/> <c>chunk</c>), then the
/// whole reply (<c>reply</c>), which is what the pieces add up to with its picks, card and order.
/// </summary>
public sealed record ChatStreamItem(string Type, string? Text = null, ChatReply? Reply = null)
{
    public static ChatStreamItem Chunk(string text) => new("chunk", Text: text);

    public static ChatStreamItem Final(ChatReply reply) => new("reply", Reply: reply);
}
