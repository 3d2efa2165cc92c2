using Microsoft.Extensions.Options;
using Naviyam.Chat;

namespace Naviyam.Conversation;

/// <summary>
/// Counts the sessions a user opened within the last <see cref="SessionOptions.NewSessionWindow"/> and refuses more
/// than <see cref="SessionOptions.MaxNewSessionsPerUser"/>. Kept in memory only: the limit guards a silo's memory
/// against one token, and a restart that forgets the count frees that memory too.
/// </summary>
public sealed class UserSessionsGrain(IOptions<SessionOptions> options, TimeProvider time) : Grain, IUserSessionsGrain
{
    private readonly Dictionary<string, DateTimeOffset> opened = new(StringComparer.Ordinal);

    public Task<bool> TryOpenAsync(string sessionId)
    {
        var now = time.GetUtcNow();
        var window = options.Value.NewSessionWindow;
        foreach (var old in opened.Where(pair => now - pair.Value >= window).Select(pair => pair.Key).ToList())
        {
            opened.Remove(old);
        }
        if (opened.ContainsKey(sessionId))
        {
            return Task.FromResult(true);
        }
        if (opened.Count >= options.Value.MaxNewSessionsPerUser)
        {
            return Task.FromResult(false);
        }
        opened[sessionId] = now;
        return Task.FromResult(true);
    }
}
