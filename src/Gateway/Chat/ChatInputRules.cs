using Naviyam.Chat;
using Naviyam.Gateway.Validation;
using Naviyam.Shops;

namespace Naviyam.Gateway.Chat;

/// <summary>A <see cref="ChatMessage"/> that passed <see cref="ChatInputRules"/>: every field present and in range.</summary>
public sealed record ChatInput(string SessionId, string Text, string? TurnId, GeoPoint? Location, int? UserAge)
{
    /// <summary>The turn the session's grain takes; the server names it when the client did not.</summary>
    public ChatTurn ToTurn(string userId) => new(userId, TurnId ?? Guid.NewGuid().ToString("N"), Text, Location, UserAge);
}

/// <summary>The input rules every chat front door shares: one place, one wording.</summary>
public static class ChatInputRules
{
    public const int MaxTextLength = 1_000;

    public static Validated<ChatInput> Validate(ChatMessage? message)
    {
        var (sessionId, text, turnId, location, userAge) = message ?? new ChatMessage(null, null, null, null, null);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!InputIds.IsValid(sessionId))
        {
            errors["sessionId"] = [InputIds.Rule("sessionId")];
        }
        if (turnId is not null && !InputIds.IsValid(turnId))
        {
            errors["turnId"] = [InputIds.Rule("turnId")];
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            errors["text"] = ["text must not be empty."];
        }
        else if (text.Length > MaxTextLength)
        {
            errors["text"] = [$"text must be at most {MaxTextLength:N0} characters (got {text.Length:N0})."];
        }
        if (location is not null && (location.Lat is null || location.Lng is null))
        {
            errors["location"] = ["location needs both lat and lng (decimal degrees), e.g. {\"lat\": 37.5665, \"lng\": 126.978}."];
        }
        else if (location is not null && (location.Lat is < -90 or > 90 || location.Lng is < -180 or > 180
            || double.IsNaN(location.Lat!.Value) || double.IsNaN(location.Lng!.Value)))
        {
            errors["location"] = ["location.lat must be within ±90 and location.lng within ±180."];
        }
        if (userAge is < 1 or > 120)
        {
            errors["userAge"] = ["userAge must be between 1 and 120."];
        }
        return Validated<ChatInput>.From(errors, () => new ChatInput(
            sessionId!,
            text!,
            turnId,
            location is null ? null : new GeoPoint(location.Lat!.Value, location.Lng!.Value),
            userAge));
    }

    /// <summary>The text of a stateless analysis (<c>POST /api/nlu</c>).</summary>
    public static Validated<string> ValidateAnalysisText(string? text)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxTextLength)
        {
            errors["text"] = [$"text must be 1–{MaxTextLength:N0} characters and not blank."];
        }
        return Validated<string>.From(errors, () => text!);
    }
}
