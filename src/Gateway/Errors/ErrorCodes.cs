namespace Naviyam.Gateway.Errors;

/// <summary>
/// The short machine codes every error carries: in a problem's <c>code</c> and at the start of a hub error's message.
/// A client retries <see cref="Unavailable"/> and <see cref="RateLimited"/> after <c>Retry-After</c>, and no other.
/// </summary>
public static class ErrorCodes
{
    public const string InvalidInput = "invalid_input";
    public const string Unauthorized = "unauthorized";
    public const string Forbidden = "forbidden";
    public const string ForbiddenSession = "forbidden_session";
    public const string NotFound = "not_found";
    public const string Unavailable = "unavailable";
    public const string RateLimited = "rate_limited";
    public const string SessionLimit = "session_limit";
    public const string TokenExpired = "token_expired";
    public const string Internal = "internal_error";
}
