namespace Naviyam.Chat;

/// <summary>One chat session (key: session id). Owned by the user who opened it; runs the turn pipeline.</summary>
[Alias("naviyam.IConversationGrain")]
public interface IConversationGrain : IGrainWithStringKey
{
    /// <summary>
    /// Answers one user message. A turn id the session has already answered gets the stored reply again.
    /// Throws <see cref="SessionOwnershipException"/> when another user owns the session.
    /// </summary>
    [Alias("TakeTurn")]
    Task<ChatReply> TakeTurnAsync(ChatTurn turn);

    [Alias("GetSlots")]
    Task<Entities> GetSlotsAsync(string userId);
}

/// <summary>Raised when a user touches a session that another user opened.</summary>
[GenerateSerializer, Alias("naviyam.session-ownership-exception")]
public sealed class SessionOwnershipException : Exception
{
    public SessionOwnershipException() : base("This session belongs to another user.")
    {
    }

    public SessionOwnershipException(string message) : base(message)
    {
    }

    public SessionOwnershipException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
