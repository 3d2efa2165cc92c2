using System.ComponentModel.DataAnnotations;

namespace Naviyam.Retention;

/// <summary>
/// Bound from <c>Naviyam:Retention</c>: how long each class of rows is kept (the spec's retention policy) and how the
/// job deletes them. Validated at start.
/// </summary>
public sealed class RetentionOptions : IValidatableObject
{
    public const string Section = "Naviyam:Retention";

    /// <summary>Off: the reminder is unregistered and nothing is deleted.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Chat turns and what was recommended and done with them (spec: 1 year).</summary>
    [Range(1, 3650)]
    public int ConversationDays { get; set; } = 365;

    /// <summary>Performance logs, NLU predictions and derived features (spec: 3 months).</summary>
    [Range(1, 3650)]
    public int LogDays { get; set; } = 90;

    /// <summary>The retrieval and embedding caches, counted from their last use (spec: 1 month).</summary>
    [Range(1, 3650)]
    public int CacheDays { get; set; } = 30;

    /// <summary>Per-turn context snapshots (spec: 7 days).</summary>
    [Range(1, 3650)]
    public int ContextDays { get; set; } = 7;

    /// <summary>Rows per DELETE: each statement holds its row locks only this long.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 1_000;

    /// <summary>Most batches per table in one run; a larger backlog is worked off over the next runs.</summary>
    [Range(1, 100_000)]
    public int MaxBatchesPerTable { get; set; } = 500;

    /// <summary>
    /// The reminder's period. Orleans refuses one shorter than its minimum reminder period (one minute unless
    /// <c>Naviyam:Silo:MinimumReminderPeriod</c> lowers it, as tests do).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan Period { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A pause between two batches of one table, so chat turns get the rows' pages and the log between them.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan PauseBetweenBatches { get; set; } = TimeSpan.FromMilliseconds(20);

    public int DaysOf(RetentionClass retentionClass) => retentionClass switch
    {
        RetentionClass.Conversations => ConversationDays,
        RetentionClass.Logs => LogDays,
        RetentionClass.Caches => CacheDays,
        RetentionClass.Contexts => ContextDays,
        _ => throw new ArgumentOutOfRangeException(nameof(retentionClass), retentionClass, "Not a retention class."),
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // A session's context rows number its turns by counting its conversations rows, so the contexts must be gone
        // before any of the turns they count can go.
        if (ContextDays >= ConversationDays)
        {
            yield return new ValidationResult(
                $"{Section}:{nameof(ContextDays)} ({ContextDays}) must be shorter than {nameof(ConversationDays)} ({ConversationDays}).",
                [nameof(ContextDays), nameof(ConversationDays)]);
        }
    }
}
