using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Naviyam.Time;
using Orleans.Runtime;

namespace Naviyam.Retention;

/// <summary>
/// Runs <see cref="RetentionPolicy"/>: for each table, bounded DELETE batches of rows older than the class's days, until a
/// batch comes back short or <see cref="RetentionOptions.MaxBatchesPerTable"/> is reached. Ages are measured from the
/// product clock (<see cref="SeoulClock"/>), the one turns and logs are stamped with. On the embedded default there is
/// no store (its journal is in memory, bounded per session and gone with the process), so a run deletes nothing.
/// </summary>
public sealed class RetentionGrain(
    IEnumerable<IRetentionStore> stores,
    SeoulClock clock,
    RetentionMetrics metrics,
    IOptions<RetentionOptions> options,
    ILogger<RetentionGrain> logger) : Grain, IRetentionGrain, IRemindable
{
    public const string ReminderName = "retention";

    private readonly IRetentionStore? store = stores.LastOrDefault();

    async Task IRetentionGrain.EnsureScheduledAsync()
    {
        var settings = options.Value;
        var existing = await this.GetReminder(ReminderName);
        if (!settings.Enabled || store is null)
        {
            if (existing is not null)
            {
                await this.UnregisterReminder(existing);
            }
            return;
        }
        // Registered again at every silo start so a changed period takes effect; the first tick is a period away.
        await this.RegisterOrUpdateReminder(ReminderName, settings.Period, settings.Period);
    }

    Task<RetentionReport> IRetentionGrain.RunAsync() => RunAsync();

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == ReminderName && options.Value.Enabled)
        {
            await RunAsync();
        }
    }

    private async Task<RetentionReport> RunAsync()
    {
        var settings = options.Value;
        var now = clock.UtcNow;
        var results = new List<RetentionTableResult>();
        if (store is null)
        {
            return new RetentionReport(now, results);
        }
        foreach (var rule in RetentionPolicy.Rules)
        {
            var cutoff = now - TimeSpan.FromDays(settings.DaysOf(rule.Class));
            long rows = 0;
            int batches = 0, largest = 0, deleted;
            var slowest = TimeSpan.Zero;
            do
            {
                if (batches > 0 && settings.PauseBetweenBatches > TimeSpan.Zero)
                {
                    await Task.Delay(settings.PauseBetweenBatches);
                }
                var started = Stopwatch.GetTimestamp();
                deleted = await store.DeleteBatchAsync(rule.Table, cutoff, settings.BatchSize);
                slowest = TimeSpan.FromTicks(Math.Max(slowest.Ticks, Stopwatch.GetElapsedTime(started).Ticks));
                rows += deleted;
                largest = Math.Max(largest, deleted);
                batches++;
            }
            while (deleted == settings.BatchSize && batches < settings.MaxBatchesPerTable);

            results.Add(new RetentionTableResult(rule.Table, cutoff, rows, batches, largest, slowest));
            metrics.Deleted(rule.Table, rows);
            if (rows > 0)
            {
                logger.LogInformation("Retention removed {Rows} rows older than {Cutoff:u} from {Table} in {Batches} batches of at most {BatchSize} (slowest {SlowestMs:F0} ms)",
                    rows, cutoff, rule.Table, batches, settings.BatchSize, slowest.TotalMilliseconds);
            }
        }
        var report = new RetentionReport(now, results);
        logger.LogInformation("Retention run done: {Rows} rows removed from {Tables} tables", report.Rows, results.Count(r => r.Rows > 0));
        return report;
    }
}

/// <summary>The rows retention removed, per table (<c>naviyam.retention.rows_deleted</c>).</summary>
public sealed class RetentionMetrics
{
    public const string MeterName = "Naviyam.Retention";

    private readonly Counter<long> deleted;

    public RetentionMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        deleted = meterFactory.Create(MeterName)
            .CreateCounter<long>("naviyam.retention.rows_deleted", unit: "{row}", description: "Rows removed by the retention job, by table");
    }

    public void Deleted(string table, long rows) => deleted.Add(rows, new KeyValuePair<string, object?>("table", table));
}

/// <summary>At silo start, registers (or, when disabled, removes) the retention reminder.</summary>
public sealed class RetentionScheduler(IGrainFactory grains, ILogger<RetentionScheduler> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(RetentionScheduler), ServiceLifecycleStage.Active, StartAsync, _ => Task.CompletedTask);

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await grains.GetGrain<IRetentionGrain>(0).EnsureScheduledAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Retention is housekeeping: a silo starts without it and the next silo start schedules it.
            logger.LogWarning(ex, "The retention job could not be scheduled");
        }
    }
}
