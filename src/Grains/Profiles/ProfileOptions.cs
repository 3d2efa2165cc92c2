using System.ComponentModel.DataAnnotations;

namespace Naviyam.Profiles;

/// <summary>Bound from <c>Naviyam:Profiles</c>: how learned profiles are persisted.</summary>
public sealed class ProfileOptions
{
    public const string Section = "Naviyam:Profiles";

    /// <summary>
    /// Learned tastes (liked foods, usual budget) are written at most this long after they change, and when the grain
    /// deactivates, instead of on every turn: a crash may forget a few seconds of learning, never a dietary restriction
    /// or an age group, which are written at once because they keep a child safe.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan WriteDelay { get; set; } = TimeSpan.FromSeconds(10);
}
