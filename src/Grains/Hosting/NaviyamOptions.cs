namespace Naviyam.Hosting;

/// <summary>Names shared by every host, so the embedded default and MySQL mode plug into the same slots.</summary>
public static class StorageNames
{
    /// <summary>The grain storage every grain uses, in memory or in MySQL alike.</summary>
    public const string Default = "naviyam";
}

/// <summary>Bound from <c>Naviyam:Clock</c>. Only honoured in Development.</summary>
public sealed class ClockOptions
{
    public const string Section = "Naviyam:Clock";

    /// <summary>A Seoul wall time such as "2025-09-03T12:00" the clock starts from.</summary>
    public string? PinnedLocalTime { get; set; }
}

/// <summary>Bound from <c>Naviyam:Recommendations</c>: how a turn picks and presents shops.</summary>
public sealed class RecommendationOptions
{
    public const string Section = "Naviyam:Recommendations";

    /// <summary>How many shops a reply names (the product promise is 1–3).</summary>
    public int MaxResults { get; set; } = 3;

    /// <summary>Search radii tried in order until enough shops are found, in meters; beyond the last, none.</summary>
    public int[] SearchRadiiMeters { get; set; } = [1_000, 3_000, 10_000];

    /// <summary>Candidates handed to the ranker at most; the retrieval stage keeps the best by a cheap pre-score.</summary>
    public int MaxCandidates { get; set; } = 200;
}

/// <summary>Bound from <c>Naviyam:Sessions</c>.</summary>
public sealed class SessionOptions
{
    public const string Section = "Naviyam:Sessions";

    /// <summary>How long a quiet session keeps its slots (budget, food, exclusions).</summary>
    public TimeSpan IdleExpiry { get; set; } = TimeSpan.FromHours(2);

    /// <summary>
    /// The session snapshot (grain state) is written on a session's first turn, every this many turns, and when
    /// the session deactivates. Between those it may lag: the turn journal is the log of record and the grain
    /// rebuilds a lagging snapshot from it on activation, so skipping writes loses nothing and halves the
    /// database work of a turn. 1 writes it on every turn.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(1, 1000)]
    public int SnapshotEveryTurns { get; set; } = 8;
}

/// <summary>Bound from <c>Naviyam:Profiles</c>: how learned profiles are persisted.</summary>
public sealed class ProfileOptions
{
    public const string Section = "Naviyam:Profiles";

    /// <summary>
    /// Learned tastes (liked foods, usual budget) are written at most this long after they change, and when the grain
    /// deactivates, instead of on every turn: a crash may forget a few seconds of learning, never a dietary restriction
    /// or an age group, which are written at once because they keep a child safe.
    /// </summary>
    public TimeSpan WriteDelay { get; set; } = TimeSpan.FromSeconds(10);
}
