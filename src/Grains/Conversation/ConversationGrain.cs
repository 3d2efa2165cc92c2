using Orleans.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Naviyam.Chat;
using Naviyam.Hosting;
using Naviyam.Learning;
using Naviyam.Logging;
using Naviyam.Profiles;
using Naviyam.Time;

namespace Naviyam.Conversation;

/// <summary>
/// One chat session. Orleans delivers its turns one at a time, so a session's slots never race.
/// The turn journal is the log of record: a turn is acknowledged only after its row is committed, and the
/// session state (owner, slots, recent replies) is a snapshot of that log, written after it (not on every turn,
/// see <see cref="SessionOptions.SnapshotEveryTurns"/>) and reconciled with it on activation, so a crash between
/// the two loses nothing that was acknowledged.
/// </summary>
public sealed partial class ConversationGrain(
    [PersistentState("conversation", StorageNames.Default)] IPersistentState<ConversationState> state,
    TurnPipeline pipeline,
    ITurnJournal journal,
    SeoulClock clock,
    IOptions<SessionOptions> sessionOptions,
    ILogger<ConversationGrain> logger) : Grain, IConversationGrain, ISessionFeedbackGrain, IRemindable
{
    /// <summary>Enough replies to answer a client's retry from memory; an older turn id is looked up in the journal.
    /// Kept small: the list is part of every snapshot.</summary>
    private const int RememberedReplies = 16;

    private const string IdleExpiryReminder = "idle-expiry";

    /// <summary>Turns journaled since the snapshot was last written.</summary>
    private int turnsSinceSnapshot;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var journaled = await journal.RecentAsync(this.GetPrimaryKeyString(), RememberedReplies, cancellationToken);
        if (journaled.Count == 0 || state.State.RecentReplies.Exists(r => r.TurnId == journaled[^1].TurnId))
        {
            return;
        }
        // The snapshot lags the journal: rebuild it from the committed turns.
        state.State.OwnerUserId ??= journaled[0].UserId;
        state.State.Slots = journaled[^1].Reply.Slots;
        state.State.RecentReplies = journaled.Select(t => t.Reply).ToList();
        state.State.LastTurnAt = journaled[^1].At;
    }

    async Task<ChatReply> IConversationGrain.TakeTurnAsync(ChatTurn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        EnsureOwner(turn.UserId);

        if (state.State.RecentReplies.Find(r => r.TurnId == turn.TurnId) is { } answered)
        {
            return answered with { Replayed = true };
        }
        // Older than the replies kept here (the list is full only once a session has had that many turns): the journal
        // keeps every answered turn, so a late replay is answered from it instead of being run again.
        if (state.State.RecentReplies.Count >= RememberedReplies
            && await journal.FindAsync(this.GetPrimaryKeyString(), turn.TurnId) is { } journaled)
        {
            return journaled.Reply with { Replayed = true };
        }

        if (state.State.OwnerUserId is null && !await GrainFactory.GetGrain<IUserSessionsGrain>(turn.UserId).TryOpenAsync(this.GetPrimaryKeyString()))
        {
            // Nothing is kept for a refused session: its activation leaves at once.
            DeactivateOnIdle();
            throw new SessionLimitException();
        }

        var outcome = await pipeline.RunAsync(turn, state.State.Slots, state.State.RecentReplies.LastOrDefault(),
            new SessionHistory(this.GetPrimaryKeyString(), state.State.RecentReplies));
        var loggingStart = TimeProvider.System.GetTimestamp();
        var reply = outcome.Reply with { RankingMethod = MethodOf(outcome) };

        var record = new TurnRecord(
            this.GetPrimaryKeyString(), turn.UserId, turn.TurnId, clock.UtcNow, turn.Text, outcome.Text.Normalized,
            reply, outcome.NluModelVersion, outcome.RankingModelVersion);
        if (await journal.CommitAsync(record) is var stored && !ReferenceEquals(stored, record))
        {
            // Another activation of this session answered the turn first (a retry while a silo died): its answer stands.
            Remember(stored.Reply);
            return stored.Reply with { Replayed = true };
        }

        var loggingUs = (long)TimeProvider.System.GetElapsedTime(loggingStart).TotalMicroseconds;
        reply = reply with { Timings = reply.Timings with { LoggingMicros = loggingUs, TotalMicros = reply.Timings.TotalMicros + loggingUs } };

        var isNewSession = state.State.OwnerUserId is null || !state.State.IdleExpiryScheduled;
        state.State.OwnerUserId ??= turn.UserId;
        Remember(reply);
        if (isNewSession)
        {
            var idle = sessionOptions.Value.IdleExpiry;
            await this.RegisterOrUpdateReminder(IdleExpiryReminder, idle, idle);
            state.State.IdleExpiryScheduled = true;
        }
        if (isNewSession || ++turnsSinceSnapshot >= sessionOptions.Value.SnapshotEveryTurns)
        {
            await WriteSnapshotAsync();
        }

        GrainFactory.GetGrain<IProfileGrain>(turn.UserId).ObserveTurnAsync(new TurnObservation(
            turn.UserAge, reply.Entities.FoodType, reply.Entities.TastePreference, reply.Entities.Budget,
            reply.Entities.DietaryRestrictions ?? []) { PreferenceAsked = reply.PreferenceQuestion is not null }).Ignore();

        ObserveForLearning(turn, reply, outcome);

        LogTurn(logger, turn.TurnId, this.GetPrimaryKeyString(), reply.Intent, reply.Timings.TotalMicros);
        return reply;
    }

    /// <summary>Generated, so that a turn pays nothing for this line (no argument array, no boxing) unless Debug is on.</summary>
    [LoggerMessage(Level = LogLevel.Debug, Message = "Turn {TurnId} of {Session}: {Intent} in {Micros} us")]
    private static partial void LogTurn(ILogger logger, string turnId, string session, string intent, long micros);

    /// <summary>The session goes on from <paramref name="reply"/>: its slots, and its answer kept for a retry.</summary>
    private void Remember(ChatReply reply)
    {
        state.State.Slots = reply.Slots;
        state.State.RecentReplies.Add(reply);
        if (state.State.RecentReplies.Count > RememberedReplies)
        {
            state.State.RecentReplies.RemoveAt(0);
        }
        state.State.LastTurnAt = clock.UtcNow;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (turnsSinceSnapshot > 0)
        {
            await WriteSnapshotAsync();
        }
    }

    private async Task WriteSnapshotAsync()
    {
        await state.WriteStateAsync();
        turnsSinceSnapshot = 0;
    }

    /// <summary>
    /// A session idle for longer than <see cref="SessionOptions.IdleExpiry"/> forgets its slots (the spec's
    /// context expiry): "만원 이하로" said yesterday should not shape today's lunch. Owner and replies stay.
    /// </summary>
    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != IdleExpiryReminder)
        {
            return;
        }
        var idleFor = clock.UtcNow - (state.State.LastTurnAt ?? DateTimeOffset.MinValue);
        if (idleFor < sessionOptions.Value.IdleExpiry)
        {
            return;
        }
        state.State.Slots = Entities.None;
        state.State.IdleExpiryScheduled = false;
        await WriteSnapshotAsync();
        if (await this.GetReminder(IdleExpiryReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
        logger.LogDebug("Session {Session} expired after {Idle}", this.GetPrimaryKeyString(), idleFor);
    }

    Task<Entities> IConversationGrain.GetSlotsAsync(string userId)
    {
        EnsureOwner(userId);
        return Task.FromResult(state.State.Slots);
    }

    private void EnsureOwner(string userId)
    {
        if (state.State.OwnerUserId is { } owner && owner != userId)
        {
            throw new SessionOwnershipException();
        }
    }
}
