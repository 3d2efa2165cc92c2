namespace Naviyam.Profiles;

/// <summary>The embedded default has no analytics tables.</summary>
public sealed class NoProfileMirror : IProfileMirror
{
    public Task MirrorAsync(string userId, UserProfile profile) => Task.CompletedTask;
}
