namespace Naviyam.Chat;

/// <summary>
/// How many sessions one user (key: user id) has opened lately: a session's first turn asks it, so one token cannot
/// open sessions without end.
/// </summary>
[Alias("naviyam.IUserSessionsGrain")]
public interface IUserSessionsGrain : IGrainWithStringKey
{
    /// <summary>Whether the user may open <paramref name="sessionId"/> now; true again for a session already counted.</summary>
    [Alias("TryOpen")]
    Task<bool> TryOpenAsync(string sessionId);
}

/// <summary>Raised on a new session's first turn when its user has opened too many sessions lately.</summary>
[GenerateSerializer, Alias("naviyam.session-limit-exception")]
public sealed class SessionLimitException : Exception
{
    public SessionLimitException() : base("Too many new sessions for this user; continue an open one.")
    {
    }

    public SessionLimitException(string message) : base(message)
    {
    }

    public SessionLimitException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
