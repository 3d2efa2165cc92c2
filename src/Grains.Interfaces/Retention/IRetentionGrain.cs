namespace Naviyam.Retention;

/// <summary>What one retention run removed from one table.</summary>
[GenerateSerializer, Immutable, Alias("naviyam.retention-table-result.v1")]
public sealed record RetentionTableResult(
    [property: Id(0)] string Table,
    [property: Id(1)] DateTimeOffset Cutoff,
    [property: Id(2)] long Rows,
    [property: Id(3)] int Batches,
    [property: Id(4)] int LargestBatch,
    [property: Id(5)] TimeSpan SlowestBatch);

/// <summary>What one retention run did, table by table.</summary>
[GenerateSerializer, Immutable, Alias("naviyam.retention-report.v1")]
public sealed record RetentionReport(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] IReadOnlyList<RetentionTableResult> Tables)
{
    public long Rows => Tables.Sum(t => t.Rows);
}

/// <summary>
/// Deletes the rows the spec's retention policy lets go (old turns, logs, caches and contexts), in small batches. One per
/// cluster (key 0), driven by a reminder.
/// </summary>
[Alias("naviyam.IRetentionGrain")]
public interface IRetentionGrain : IGrainWithIntegerKey
{
    /// <summary>Makes sure the reminder is registered with the configured period (called at every silo start; idempotent).</summary>
    [Alias("EnsureScheduled")]
    Task EnsureScheduledAsync();

    /// <summary>Runs now (the reminder calls this; tests and operators may too).</summary>
    [Alias("Run")]
    Task<RetentionReport> RunAsync();
}
