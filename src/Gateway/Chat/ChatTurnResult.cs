using Naviyam.Chat;
using Naviyam.Gateway.Validation;

namespace Naviyam.Gateway.Chat;

/// <summary>
/// What a chat turn came to at the front door. Refusals are values, not exceptions: REST and the hub each answer
/// every case in their own shape (problem+json, a <c>HubException</c> starting with a short code).
/// </summary>
public abstract record ChatTurnResult
{
    private ChatTurnResult()
    {
    }

    /// <summary>The session's grain answered.</summary>
    public sealed record Answered(ChatReply Reply) : ChatTurnResult;

    /// <summary>The message broke an input rule; nothing reached the grain.</summary>
    public sealed record Invalid(InputErrors Errors) : ChatTurnResult;

    /// <summary>The session belongs to another user; its grain refused the turn.</summary>
    public sealed record ForbiddenSession : ChatTurnResult;
}
