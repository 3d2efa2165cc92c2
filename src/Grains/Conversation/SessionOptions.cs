using System.ComponentModel.DataAnnotations;

namespace Naviyam.Conversation;

/// <summary>Bound from <c>Naviyam:Sessions</c>.</summary>
public sealed class SessionOptions
{
    public const string Section = "Naviyam:Sessions";

    /// <summary>How long a quiet session keeps its slots (budget, food, exclusions).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan IdleExpiry { get; set; } = TimeSpan.FromHours(2);

    /// <summary>
    /// The session snapshot (grain state) is written on a session's first turn, every this many turns, and when
    /// the session deactivates. Between those it may lag: the turn journal is the log of record and the grain
    /// rebuilds a lagging snapshot from it on activation, so skipping writes loses nothing and halves the
    /// database work of a turn. 1 writes it on every turn.
    /// </summary>
    [Range(1, 1000)]
    public int SnapshotEveryTurns { get; set; } = 8;

    /// <summary>Sessions one user may open within <see cref="NewSessionWindow"/>; the next new one is refused (429 <c>session_limit</c>).</summary>
    [Range(1, 1_000_000)]
    public int MaxNewSessionsPerUser { get; set; } = 100;

    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan NewSessionWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// A session grain with no turn for this long leaves memory (Orleans' collection age for this grain type); its
    /// next turn activates it again from the snapshot and the journal. Orleans' default would keep it 15 minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan DeactivateAfterIdle { get; set; } = TimeSpan.FromMinutes(5);
}
