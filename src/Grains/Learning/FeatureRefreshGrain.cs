using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Naviyam.Catalog;
using Naviyam.Time;
using Orleans.Runtime;

namespace Naviyam.Learning;

/// <summary>What one refresh did.</summary>
[GenerateSerializer, Immutable, Alias("naviyam.feature-refresh.v1")]
public sealed record FeatureRefreshReport(
    [property: Id(0)] int Interactions,
    [property: Id(1)] int Users,
    [property: Id(2)] int Shops,
    [property: Id(3)] int Batches);

/// <summary>Refreshes <c>feature_vectors</c> from the behaviour log. One per cluster (key 0), driven by a reminder.</summary>
[Alias("naviyam.IFeatureRefreshGrain")]
public interface IFeatureRefreshGrain : IGrainWithIntegerKey
{
    /// <summary>Makes sure the reminder is registered (called at every silo start; idempotent).</summary>
    [Alias("EnsureScheduled")]
    Task EnsureScheduledAsync();

    /// <summary>Refreshes now (the reminder calls this; tests and operators may too).</summary>
    [Alias("Refresh")]
    Task<FeatureRefreshReport> RefreshAsync();
}

/// <summary>
/// Reads the log window, computes every user's and shop's features (<see cref="BehaviourFeatures"/>), writes them in
/// batches, and puts them in this silo's <see cref="FeatureMemory"/>; other silos reload them from the store.
/// </summary>
public sealed class FeatureRefreshGrain(
    IInteractionLog log,
    IFeatureStore store,
    FeatureMemory memory,
    IShopCatalog catalog,
    SeoulClock clock,
    IOptions<FeatureRefreshOptions> options,
    ILogger<FeatureRefreshGrain> logger) : Grain, IFeatureRefreshGrain, IRemindable
{
    public const string ReminderName = "feature-refresh";

    async Task IFeatureRefreshGrain.EnsureScheduledAsync()
    {
        var period = options.Value.Period;
        if (await this.GetReminder(ReminderName) is null)
        {
            await this.RegisterOrUpdateReminder(ReminderName, period, period);
        }
    }

    Task<FeatureRefreshReport> IFeatureRefreshGrain.RefreshAsync() => RefreshAsync();

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == ReminderName)
        {
            await RefreshAsync();
        }
    }

    private async Task<FeatureRefreshReport> RefreshAsync()
    {
        var settings = options.Value;
        // The service's clock (pinned in demos and tests), the one turns and interactions are stamped with.
        var now = clock.UtcNow;
        var interactions = await log.InteractionsSinceAsync(now - settings.Window, settings.MaxInteractions);
        var vectors = BehaviourFeatures.Compute(interactions, catalog);
        var batches = 0;
        foreach (var batch in vectors.Chunk(settings.BatchSize))
        {
            await store.UpsertAsync(batch);
            batches++;
        }
        memory.Replace(vectors, now);
        var report = new FeatureRefreshReport(interactions.Count, vectors.Count(v => v.EntityType == FeatureVector.User),
            vectors.Count(v => v.EntityType == FeatureVector.Shop), batches);
        logger.LogInformation("Behaviour features refreshed from {Interactions} interactions: {Users} users, {Shops} shops in {Batches} batches",
            report.Interactions, report.Users, report.Shops, report.Batches);
        return report;
    }
}

/// <summary>
/// At silo start, schedules the refresh (the reminder) and loads this silo's <see cref="FeatureMemory"/> from the store,
/// then reloads it every refresh period, so a silo that does not run the refresh still reads fresh features.
/// </summary>
public sealed class FeatureMemoryLoader(
    IGrainFactory grains,
    IFeatureStore store,
    FeatureMemory memory,
    TimeProvider time,
    IOptions<FeatureRefreshOptions> options,
    ILogger<FeatureMemoryLoader> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    private CancellationTokenSource? stopping;
    private Task? reloading;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(FeatureMemoryLoader), ServiceLifecycleStage.Active, StartAsync, StopAsync);

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await grains.GetGrain<IFeatureRefreshGrain>(0).EnsureScheduledAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Features only enrich logs and reasons: a silo starts without them and retries at its next start.
            logger.LogWarning(ex, "The behaviour feature refresh could not be scheduled");
        }
        stopping = new CancellationTokenSource();
        reloading = ReloadLoopAsync(stopping.Token);
    }

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        if (stopping is null || reloading is null)
        {
            return;
        }
        await stopping.CancelAsync();
        await reloading.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        stopping.Dispose();
    }

    private async Task ReloadLoopAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.Value.Period, time);
        do
        {
            try
            {
                memory.Replace(await store.ReadAllAsync(cancellationToken), time.GetUtcNow());
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Behaviour features not reloaded; the last ones stay");
            }
        }
        while (await timer.WaitForNextTickAsync(cancellationToken));
    }
}
