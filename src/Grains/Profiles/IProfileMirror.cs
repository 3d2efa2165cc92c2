namespace Naviyam.Profiles;

/// <summary>
/// Copies a learned profile into the analytics table <c>user_profiles</c>. The grain storage holds the truth;
/// the mirror is for people and reports, so a failed copy never fails the user's turn.
/// </summary>
public interface IProfileMirror
{
    Task MirrorAsync(string userId, UserProfile profile);
}
