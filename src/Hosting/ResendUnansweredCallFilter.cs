using System.Diagnostics;
using Microsoft.Extensions.Options;
using Naviyam.Cards;
using Naviyam.Chat;
using Naviyam.Orders;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;
using Orleans.Storage;

namespace Naviyam.Hosting;

/// <summary>
/// On a gateway in front of a cluster: a call that carries its own idempotency key (a chat turn's turn id, an order's
/// order key; see <see cref="ResendOf"/>) left without an answer because a silo died under it (the request was in
/// flight to that silo, or through it as the client's gateway) is sent again under the same key, as soon as the client
/// loses a silo or, failing that, when the response timeout gives up on it. Orleans fails no such request by itself: it
/// waits for the response timeout. Sent again, the call reaches a live silo, which runs it or, when the first attempt
/// did run, answers it from what that attempt stored (a turn id and an order key are each answered once).
/// A resend can itself fail while the cluster is still finding out which silo died: the client may route it through the
/// dead silo's gateway before dropping it, or a live silo may forward it to the dead one before the death is declared.
/// So it is sent again, each time as soon as the client loses a silo or after a short pause, for as long as
/// <see cref="ClusterFailoverOptions.ResendWindow"/> lasts; the last one goes out plainly and its outcome is the call's.
/// A silo's death thus costs the other sessions nothing and its own sessions a slower turn or order (a 503 to retry only
/// when the cluster takes longer than the window to recover).
/// </summary>
public sealed class ResendUnansweredCallFilter(SiloLossSignal losses, IOptions<ClusterFailoverOptions> options) : IOutgoingGrainCallFilter
{
    /// <summary>The first pause after a resend that failed at once; each further pause doubles, up to <see cref="LongestPause"/>.</summary>
    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(100);

    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(1);

    /// <summary>Set around a resend, so that the resend itself goes out plainly.</summary>
    private static readonly AsyncLocal<bool> Resending = new();

    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        if (Resending.Value || !CarriesItsOwnKey(context))
        {
            await context.Invoke();
            return;
        }
        var started = Stopwatch.GetTimestamp();
        var lost = losses.NextLoss;
        var first = context.Invoke();
        if (await Task.WhenAny(first, lost) == first)
        {
            try
            {
                await first;
                if (context.Response?.Exception is not { } failure || !IsUnanswered(failure))
                {
                    return;
                }
            }
            catch (Exception ex) when (IsUnanswered(ex))
            {
            }
        }
        else
        {
            // The first attempt may never be answered; it is left to time out, and its outcome to nobody.
            _ = first.ContinueWith(static attempt => attempt.Exception, TaskContinuationOptions.OnlyOnFaulted);
        }
        context.Result = await ResendAsync(context, started);
    }

    /// <summary>
    /// The calls that are answered once however often they arrive, because they carry their own key: a chat turn (its
    /// turn id) and an order (its order key). Every other call goes out once (a top-up or "cancel my last order" has no
    /// key that would make a second arrival harmless). Checked on every call, so it allocates nothing.
    /// </summary>
    private static bool CarriesItsOwnKey(IOutgoingGrainCallContext context) =>
        (context.Grain is IConversationGrain && context.MethodName == nameof(IConversationGrain.TakeTurnAsync))
        || (context.Grain is IFoodCardGrain && context.MethodName == nameof(IFoodCardGrain.PlaceOrderAsync));

    private async Task<object?> ResendAsync(IOutgoingGrainCallContext context, long started)
    {
        var pause = FirstPause;
        while (true)
        {
            var lost = losses.NextLoss;
            var attempt = SendOnceAsync(context);
            if (Stopwatch.GetElapsedTime(started) >= options.Value.ResendWindow)
            {
                return await attempt;
            }
            if (await Task.WhenAny(attempt, lost) != attempt)
            {
                _ = attempt.ContinueWith(static abandoned => abandoned.Exception, TaskContinuationOptions.OnlyOnFaulted);
                continue;
            }
            try
            {
                return await attempt;
            }
            catch (Exception ex) when (IsUnanswered(ex) && Stopwatch.GetElapsedTime(started) < options.Value.ResendWindow)
            {
            }
            // Failed at once: the cluster has not caught up with the death yet. The client dropping a silo is the cue to
            // try again; the pause bounds the wait when the cue already came or never does.
            await Task.WhenAny(lost, Task.Delay(pause));
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPause.Ticks));
        }
    }

    /// <summary>The same call again, under the same key, as a plain call of its own (<see cref="CarriesItsOwnKey"/>).</summary>
    private static async Task<object?> SendOnceAsync(IOutgoingGrainCallContext context)
    {
        Resending.Value = true;
        try
        {
            return context.Grain switch
            {
                IConversationGrain conversation => await conversation.TakeTurnAsync((ChatTurn)context.Request.GetArgument(0)!),
                IFoodCardGrain card => await card.PlaceOrderAsync((OrderRequest)context.Request.GetArgument(0)!),
                _ => throw new UnreachableException("Only calls that carry their own key are sent again."),
            };
        }
        finally
        {
            Resending.Value = false;
        }
    }

    /// <summary>
    /// The call never got an answer, or got it from a stale activation: while a dead silo's directory entries are
    /// rebuilt, a session may briefly have two activations, and the stale one fails to write its snapshot (Orleans then
    /// deactivates it). Whether the turn ran is unknown either way, which a resend under the same id settles.
    /// </summary>
    private static bool IsUnanswered(Exception exception) =>
        exception is TimeoutException or SiloUnavailableException or OrleansMessageRejectionException or ConnectionFailedException
            or InconsistentStateException;
}

/// <summary>
/// Completes <see cref="NextLoss"/> whenever the cluster client loses a gateway (a silo; every silo is a gateway) or its
/// connection to the cluster: the moment requests in flight through or to that silo stop having a future.
/// </summary>
public sealed class SiloLossSignal : IClusterConnectionStatusObserver
{
    private TaskCompletionSource next = New();

    public Task NextLoss => Volatile.Read(ref next).Task;

    public void NotifyGatewayCountChanged(int currentNumberOfGateways, int previousNumberOfGateways, bool connectionRecovered)
    {
        if (currentNumberOfGateways < previousNumberOfGateways)
        {
            Signal();
        }
    }

    public void NotifyClusterConnectionLost() => Signal();

    private void Signal() => Interlocked.Exchange(ref next, New()).TrySetResult();

    private static TaskCompletionSource New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
