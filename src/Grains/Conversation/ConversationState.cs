using Naviyam.Chat;

namespace Naviyam.Conversation;

/// <summary>
/// A session's hot state. Stored through the grain storage under a stable alias, so renaming the class
/// never orphans stored sessions.
/// </summary>
[GenerateSerializer, Alias("naviyam.conversation-state.v1")]
public sealed class ConversationState
{
    [Id(0)] public string? OwnerUserId { get; set; }
    [Id(1)] public Entities Slots { get; set; } = Entities.None;
    /// <summary>The last answered turns, newest last; also what makes a retried turn id answer once.</summary>
    [Id(2)] public List<ChatReply> RecentReplies { get; set; } = [];
    [Id(3)] public DateTimeOffset? LastTurnAt { get; set; }
    /// <summary>Whether the idle-expiry reminder is registered, so a turn does not re-register it every time.</summary>
    [Id(4)] public bool IdleExpiryScheduled { get; set; }
}
