using System.Collections.Concurrent;
using Naviyam.Logging;

namespace Naviyam.UnitTests.Logging;

public class GroupCommitterTests
{
    [Fact]
    public async Task Items_that_queue_while_a_commit_runs_share_the_next_commit()
    {
        var firstCommitStarted = new TaskCompletionSource();
        var releaseFirstCommit = new TaskCompletionSource();
        var batches = new ConcurrentQueue<int>();
        await using var committer = new GroupCommitter<int>(
            (items, _) => { batches.Enqueue(items.Count); return Task.CompletedTask; },
            async (_, _) =>
            {
                batches.Enqueue(1);
                if (batches.Count == 1)
                {
                    firstCommitStarted.SetResult();
                    await releaseFirstCommit.Task;
                }
            },
            maxBatch: 64, concurrentCommits: 1);

        var first = committer.SubmitAsync(0);
        await firstCommitStarted.Task;
        var queued = Enumerable.Range(1, 20).Select(committer.SubmitAsync).ToArray();
        queued.Should().OnlyContain(t => !t.IsCompleted, "nothing is acknowledged before its commit");
        releaseFirstCommit.SetResult();
        await Task.WhenAll(queued.Append(first));

        batches.Should().Equal(1, 20);
        committer.Batches.Should().Be(2);
        committer.Items.Should().Be(21);
    }

    [Fact]
    public async Task A_failing_batch_is_retried_item_by_item_and_only_the_bad_item_fails()
    {
        var gate = new TaskCompletionSource();
        var committed = new ConcurrentBag<int>();
        await using var committer = new GroupCommitter<int>(
            (_, _) => throw new InvalidOperationException("batch rejected"),
            async (item, _) =>
            {
                await gate.Task;
                if (item == 13)
                {
                    throw new InvalidOperationException("bad item");
                }
                committed.Add(item);
            },
            maxBatch: 64, concurrentCommits: 1);

        var blocker = committer.SubmitAsync(0);
        var rest = Enumerable.Range(10, 5).Select(i => (Item: i, Task: committer.SubmitAsync(i))).ToArray();
        gate.SetResult();
        await blocker;
        foreach (var (item, task) in rest)
        {
            if (item == 13)
            {
                await task.Invoking(t => t).Should().ThrowAsync<InvalidOperationException>().WithMessage("bad item");
            }
            else
            {
                await task;
            }
        }

        committed.Should().BeEquivalentTo([0, 10, 11, 12, 14]);
    }

    [Fact]
    public async Task Disposing_commits_everything_already_submitted_and_refuses_new_items()
    {
        var committed = new ConcurrentBag<int>();
        var committer = new GroupCommitter<int>(
            async (items, _) => { await Task.Delay(5); foreach (var i in items) { committed.Add(i); } },
            async (item, _) => { await Task.Delay(5); committed.Add(item); },
            maxBatch: 8, concurrentCommits: 2);
        var submitted = Enumerable.Range(0, 50).Select(committer.SubmitAsync).ToArray();

        await committer.DisposeAsync();

        submitted.Should().OnlyContain(t => t.IsCompletedSuccessfully);
        committed.Should().HaveCount(50);
        await committer.Invoking(c => c.SubmitAsync(99)).Should().ThrowAsync<ObjectDisposedException>();
    }
}
