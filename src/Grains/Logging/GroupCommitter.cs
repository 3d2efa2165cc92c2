using System.Threading.Channels;

namespace Naviyam.Logging;

/// <summary>
/// Group commit: callers submit one item each and wait for it to be durable; a few writer loops take whatever has
/// queued up while the previous commit was running and make it durable in one batch. Under light load every batch
/// holds one item, so nobody waits for a timer; under heavy load one transaction (one log flush) serves many
/// callers. When a batch fails, its items are retried one by one so a single bad item fails only its own caller.
/// </summary>
public sealed class GroupCommitter<T> : IAsyncDisposable
{
    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleWriter = false });
    private readonly Func<IReadOnlyList<T>, CancellationToken, Task> commitBatch;
    private readonly Func<T, CancellationToken, Task> commitOne;
    private readonly int maxBatch;
    private readonly Task[] writers;

    private long batches;
    private long items;

    public GroupCommitter(
        Func<IReadOnlyList<T>, CancellationToken, Task> commitBatch,
        Func<T, CancellationToken, Task> commitOne,
        int maxBatch,
        int concurrentCommits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrentCommits, 1);
        this.commitBatch = commitBatch;
        this.commitOne = commitOne;
        this.maxBatch = maxBatch;
        writers = Enumerable.Range(0, concurrentCommits).Select(_ => Task.Run(WriteLoopAsync)).ToArray();
    }

    /// <summary>Batches committed so far; with <see cref="Items"/> it shows how much grouping happened.</summary>
    public long Batches => Interlocked.Read(ref batches);

    public long Items => Interlocked.Read(ref items);

    /// <summary>Completes when <paramref name="item"/> is durable, or fails with the reason it could not be made so.</summary>
    public Task SubmitAsync(T item)
    {
        // Continuations run off the writer loop, so a slow caller never delays the next batch.
        var pending = new Pending(item, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!queue.Writer.TryWrite(pending))
        {
            return Task.FromException(new ObjectDisposedException(nameof(GroupCommitter<T>), "The committer has stopped."));
        }
        return pending.Done.Task;
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<Pending>(maxBatch);
        var payload = new List<T>(maxBatch);
        while (await queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < maxBatch && queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
                payload.Add(pending.Item);
            }
            if (batch.Count == 0)
            {
                continue;
            }
            await CommitAsync(batch, payload).ConfigureAwait(false);
            batch.Clear();
            payload.Clear();
        }
    }

    private async Task CommitAsync(List<Pending> batch, List<T> payload)
    {
        try
        {
            if (batch.Count == 1)
            {
                await commitOne(payload[0], CancellationToken.None).ConfigureAwait(false);
            }
            else
            {
                await commitBatch(payload, CancellationToken.None).ConfigureAwait(false);
            }
            Interlocked.Increment(ref batches);
            Interlocked.Add(ref items, batch.Count);
            batch.ForEach(p => p.Done.TrySetResult());
            return;
        }
        catch (Exception) when (batch.Count > 1)
        {
            // Fall through: find out item by item which one the batch could not take.
        }
        catch (Exception ex)
        {
            batch[0].Done.TrySetException(ex);
            return;
        }

        foreach (var pending in batch)
        {
            try
            {
                await commitOne(pending.Item, CancellationToken.None).ConfigureAwait(false);
                Interlocked.Increment(ref batches);
                Interlocked.Increment(ref items);
                pending.Done.TrySetResult();
            }
            catch (Exception ex)
            {
                pending.Done.TrySetException(ex);
            }
        }
    }

    /// <summary>Stops taking items, then waits for everything already submitted to be committed.</summary>
    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await Task.WhenAll(writers).ConfigureAwait(false);
    }

    private sealed record Pending(T Item, TaskCompletionSource Done);
}
