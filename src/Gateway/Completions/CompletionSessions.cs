using System.Security.Cryptography;
using System.Text;

namespace Naviyam.Gateway.Completions;

/// <summary>
/// Which Naviyam session an OpenAI-style conversation lives in. Such a front-end sends the whole conversation on every
/// call and names no session, so the conversation is recognised by its start: the user, the first user message and
/// the first answer. The first call (no answer yet) is answered in a session of its own; from the second call on, the
/// session is the one named by that start, and the first user message is taken there once (turn id
/// <see cref="SeedTurnId"/>, answered from memory afterwards) so the session knows what the conversation began with.
/// A front-end that can send a header names the session itself with <see cref="SessionHeader"/>.
/// </summary>
public static class CompletionSessions
{
    public const string SessionHeader = "X-Naviyam-Session";
    public const string SeedTurnId = "v1-seed";

    public static string Fresh() => "v1-" + Guid.NewGuid().ToString("N");

    public static string Continuing(string userId, string firstUserText, string firstAnswer)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u0000', userId, firstUserText, firstAnswer)));
        return "v1-" + Convert.ToHexStringLower(hash)[..32];
    }

    /// <summary>The turn id of the conversation's n-th user message (1-based): a retried call is answered once.</summary>
    public static string TurnId(int userMessageNumber) => $"v1-t{userMessageNumber}";
}
