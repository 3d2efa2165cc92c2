using System.ComponentModel.DataAnnotations;

namespace Naviyam.Infrastructure.MySql;

/// <summary>Bound from <c>Naviyam:Storage:TurnJournal</c>: how turns are grouped into transactions.</summary>
public sealed class TurnJournalOptions
{
    public const string Section = "Naviyam:Storage:TurnJournal";

    /// <summary>Most turns one transaction writes; a batch is whatever queued while the last commit ran.</summary>
    [Range(1, 500)]
    public int MaxTurnsPerCommit { get; set; } = 64;

    /// <summary>Transactions in flight at once; each holds one pooled connection.</summary>
    [Range(1, 16)]
    public int ConcurrentCommits { get; set; } = 2;
}
