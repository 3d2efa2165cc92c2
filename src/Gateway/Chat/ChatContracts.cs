using Naviyam.Chat;
using System.Text.RegularExpressions;

namespace Naviyam.Gateway.Chat;

/// <summary>The body of <c>POST /api/chat</c>.</summary>
public sealed record ChatRequest(
    string? UserId,
    string? SessionId,
    string? Text,
    string? TurnId,
    LocationDto? Location,
    int? UserAge);

/// <summary>The argument of the hub's <c>SendMessage</c>: the REST body without <c>userId</c> (it comes from the token).</summary>
public sealed record HubChatRequest(
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

/// <summary>The input rules every front door shares: one place, one wording.</summary>
public static partial class ChatInputRules
{
    public const int MaxTextLength = 1_000;

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    public static partial Regex IdPattern();

    /// <summary>Every problem with the input, keyed by field; empty when the input is valid.</summary>
    public static Dictionary<string, string[]> Validate(string? sessionId, string? text, string? turnId, LocationDto? location, int? userAge)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (sessionId is null || !IdPattern().IsMatch(sessionId))
        {
            errors["sessionId"] = ["sessionId must be 1–64 characters of A–Z, a–z, 0–9, '_' or '-'."];
        }
        if (turnId is not null && !IdPattern().IsMatch(turnId))
        {
            errors["turnId"] = ["turnId must be 1–64 characters of A–Z, a–z, 0–9, '_' or '-'."];
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
        return errors;
    }

    public static bool IsValidUserId(string? userId) => userId is not null && IdPattern().IsMatch(userId);
}
