using System.Data;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using MySqlConnector;
using Naviyam.Chat;
using Microsoft.Extensions.Options;
using Naviyam.Logging;

namespace Naviyam.Infrastructure.MySql;

/// <summary>
/// The turn journal in MySQL. Each turn writes its <c>conversations</c> row (unique per session and turn id), its
/// <c>recommendations_log</c> and <c>performance_logs</c> rows, and the session's slots after the turn into
/// <c>conversation_contexts</c> (the analytics mirror of the session state), all in one transaction. The
/// <c>conversations</c> rows are the log a session's state is rebuilt from.
/// <para>
/// Turns are group-committed: while one transaction commits, the turns that arrive queue up and the next
/// transaction writes them all with multi-row inserts, so one log flush serves many sessions (the benchmark
/// showed the per-turn commit as the largest share of a MySQL-mode turn). Every caller still returns only after
/// the transaction holding its turn has committed.
/// </para>
/// </summary>
public sealed class MySqlTurnJournal : ITurnJournal, IAsyncDisposable
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    private readonly MySqlDataSource dataSource;
    private readonly GroupCommitter<JournalRow> committer;

    public MySqlTurnJournal(MySqlDataSource dataSource, IOptions<TurnJournalOptions> options)
    {
        this.dataSource = dataSource;
        committer = new GroupCommitter<JournalRow>(
            CommitBatchAsync, CommitOneAsync, options.Value.MaxTurnsPerCommit, options.Value.ConcurrentCommits);
    }

    /// <summary>Transactions committed so far; with <see cref="TurnsCommitted"/> it shows how much grouping happened.</summary>
    public long Commits => committer.Batches;

    public long TurnsCommitted => committer.Items;

    public async Task<TurnRecord> CommitAsync(TurnRecord turn, CancellationToken cancellationToken = default)
    {
        // Serialized here, once per turn and on the caller's thread, so the commit loop only binds and writes.
        // Not cancellable once queued: the turn may already be inside a transaction with other sessions' turns.
        var row = JournalRow.From(turn);
        await committer.SubmitAsync(row);
        return row.AlreadyJournaled && await FindAsync(turn.SessionId, turn.TurnId, cancellationToken) is { } first ? first : turn;
    }

    public ValueTask DisposeAsync() => committer.DisposeAsync();

    private async Task CommitBatchAsync(IReadOnlyList<JournalRow> submitted, CancellationToken cancellationToken)
    {
        // A client's retry can queue right behind its first attempt: one row per turn, and both callers are answered
        // by this transaction (rather than the whole batch being redone turn by turn below).
        var turns = submitted.Count == 1 ? submitted : submitted.DistinctBy(row => (row.Turn.SessionId, row.Turn.TurnId)).ToList();
        if (turns.Count != submitted.Count)
        {
            foreach (var retry in submitted.Except<JournalRow>(turns, ReferenceEqualityComparer.Instance))
            {
                retry.AlreadyJournaled = true;
            }
        }
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // Read committed: the turn counter read for conversation_contexts must not take next-key locks that make
        // concurrent batches deadlock; each session is written by one grain at a time anyway.
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        var inserted = await ExecuteAsync(connection, transaction, turns, ConversationsSql, BindConversation, cancellationToken);
        if (inserted != turns.Count)
        {
            // A retried turn id is already journaled. Rare: redo this batch turn by turn, which skips it.
            await transaction.RollbackAsync(cancellationToken);
            foreach (var turn in turns)
            {
                await CommitOneAsync(turn, cancellationToken);
            }
            return;
        }
        await ExecuteAsync(connection, transaction, turns, TurnLogsSql, BindTurnLogs, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task CommitOneAsync(JournalRow turn, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        if (await ExecuteAsync(connection, transaction, [turn], ConversationsSql, BindConversation, cancellationToken) == 0)
        {
            // Already journaled by an earlier attempt of the same turn: nothing more to write.
            await transaction.RollbackAsync(cancellationToken);
            turn.AlreadyJournaled = true;
            return;
        }
        await ExecuteAsync(connection, transaction, [turn], TurnLogsSql, BindTurnLogs, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Runs <paramref name="sql"/> for all turns in one round trip; each turn binds its own parameters.</summary>
    private static async Task<int> ExecuteAsync(
        MySqlConnection connection, MySqlTransaction transaction, IReadOnlyList<JournalRow> turns,
        Func<IReadOnlyList<JournalRow>, string> sql, Action<MySqlParameterCollection, string, JournalRow> bind,
        CancellationToken cancellationToken)
    {
        await using var command = new MySqlCommand(sql(turns), connection, transaction);
        for (var i = 0; i < turns.Count; i++)
        {
            bind(command.Parameters, Suffix(i), turns[i]);
        }
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Suffix(int index) => index.ToString(CultureInfo.InvariantCulture);

    private static string Rows(IReadOnlyList<JournalRow> turns, string row) =>
        string.Join(",\n", Enumerable.Range(0, turns.Count).Select(i => row.Replace("{i}", Suffix(i), StringComparison.Ordinal)));

    private static string ConversationsSql(IReadOnlyList<JournalRow> turns) => $"""
        INSERT IGNORE INTO conversations
            (session_id, turn_id, user_id, input_text, reply, reply_payload, created_at, intent, intent_confidence, entities, slots, total_us)
        VALUES {Rows(turns, "(@session{i}, @turn{i}, @user{i}, @text{i}, @reply{i}, @payload{i}, @at{i}, @intent{i}, @confidence{i}, @entities{i}, @slots{i}, @total{i})")};
        """;

    private static string TurnLogsSql(IReadOnlyList<JournalRow> turns) => $"""
        INSERT INTO recommendations_log
            (user_id, session_id, turn_id, created_at, request_intent, request_entities, recommendations, recommendation_count, recommendation_method, model_version, confidence_score)
        VALUES {Rows(turns, "(@user{i}, @session{i}, @turn{i}, @at{i}, @intent{i}, @entities{i}, @recommendations{i}, @count{i}, @method{i}, @model{i}, @confidence{i})")};
        INSERT INTO conversation_contexts (session_id, user_id, conversation_turn, context_data, context_type, created_at)
        VALUES {Rows(turns, "(@session{i}, @user{i}, (SELECT COUNT(*) FROM conversations WHERE session_id = @session{i}), @slots{i}, 'slots', @at{i})")};
        INSERT INTO performance_logs
            (created_at, operation_type, user_id, session_id, turn_id, preprocess_us, context_us, nlu_us, rag_us, features_us,
             ranking_us, coupons_us, response_us, logging_us, total_us, confidence_score, success)
        VALUES {Rows(turns, "(@at{i}, 'chat_turn', @user{i}, @session{i}, @turn{i}, @preprocess{i}, @context{i}, @nlu{i}, @retrieval{i}, NULL, @ranking{i}, @coupons{i}, @replyUs{i}, @logging{i}, @total{i}, @confidence{i}, TRUE)")};
        """;

    private static void BindConversation(MySqlParameterCollection parameters, string i, JournalRow row)
    {
        var turn = row.Turn;
        BindShared(parameters, i, row);
        parameters.AddWithValue("@text" + i, turn.Text);
        parameters.AddWithValue("@reply" + i, turn.Reply.Reply);
        parameters.AddWithValue("@payload" + i, row.Payload);
    }

    private static void BindTurnLogs(MySqlParameterCollection parameters, string i, JournalRow row)
    {
        var turn = row.Turn;
        var timings = turn.Reply.Timings;
        BindShared(parameters, i, row);
        parameters.AddWithValue("@recommendations" + i, row.Recommendations);
        parameters.AddWithValue("@count" + i, turn.Reply.Recommendations.Count);
        // The ranking arm (the A/B test's), and the exact model that scored the picks.
        parameters.AddWithValue("@method" + i, turn.Reply.RankingMethod);
        parameters.AddWithValue("@model" + i, turn.RankingModelVersion);
        parameters.AddWithValue("@preprocess" + i, timings.PreprocessMicros);
        parameters.AddWithValue("@context" + i, timings.ContextMicros);
        parameters.AddWithValue("@nlu" + i, timings.NluMicros);
        parameters.AddWithValue("@retrieval" + i, timings.RetrievalMicros);
        parameters.AddWithValue("@ranking" + i, timings.RankingMicros);
        parameters.AddWithValue("@coupons" + i, timings.CouponMicros);
        parameters.AddWithValue("@replyUs" + i, timings.ReplyMicros);
        parameters.AddWithValue("@logging" + i, timings.LoggingMicros);
    }

    /// <summary>The columns both statements share: who, which turn, when, and what the NLU made of it.</summary>
    private static void BindShared(MySqlParameterCollection parameters, string i, JournalRow row)
    {
        var turn = row.Turn;
        var reply = turn.Reply;
        parameters.AddWithValue("@session" + i, turn.SessionId);
        parameters.AddWithValue("@turn" + i, turn.TurnId);
        parameters.AddWithValue("@user" + i, turn.UserId);
        parameters.AddWithValue("@at" + i, turn.At.UtcDateTime);
        parameters.AddWithValue("@intent" + i, reply.Intent);
        parameters.AddWithValue("@confidence" + i, Math.Round((decimal)Math.Clamp(reply.Confidence, 0, 1), 3));
        parameters.AddWithValue("@entities" + i, row.Entities);
        parameters.AddWithValue("@slots" + i, row.Slots);
        parameters.AddWithValue("@total" + i, reply.Timings.TotalMicros);
    }

    public async Task<TurnRecord?> FindAsync(string sessionId, string turnId, CancellationToken cancellationToken = default)
    {
        // A point read on the unique key (session_id, turn_id).
        var found = await ReadTurnsAsync(sessionId, """
            SELECT user_id, turn_id, created_at, input_text, reply_payload
            FROM conversations WHERE session_id = @session AND turn_id = @turn
            """, ("@turn", turnId), cancellationToken);
        return found.Count > 0 ? found[0] : null;
    }

    public async Task<IReadOnlyList<TurnRecord>> RecentAsync(string sessionId, int max, CancellationToken cancellationToken = default)
    {
        var turns = await ReadTurnsAsync(sessionId, """
            SELECT user_id, turn_id, created_at, input_text, reply_payload
            FROM conversations WHERE session_id = @session ORDER BY id DESC LIMIT @max
            """, ("@max", max), cancellationToken);
        turns.Reverse();
        return turns;
    }

    private async Task<List<TurnRecord>> ReadTurnsAsync(string sessionId, string sql, (string Name, object Value) parameter, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new MySqlCommand(sql, connection);
        command.Parameters.AddWithValue("@session", sessionId);
        command.Parameters.AddWithValue(parameter.Name, parameter.Value);
        var turns = new List<TurnRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var stored = JsonSerializer.Deserialize<StoredTurn>(reader.GetString(4), Json)
                ?? throw new InvalidDataException($"Turn {reader.GetString(1)} of {sessionId} has no payload.");
            turns.Add(new TurnRecord(sessionId, reader.GetString(0), reader.GetString(1),
                new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(2), DateTimeKind.Utc)),
                reader.GetString(3), stored.NormalizedText, stored.Reply, stored.NluModelVersion, stored.RankingModelVersion));
        }
        return turns;
    }

    /// <summary>What <c>conversations.reply_payload</c> holds: the whole reply, so a session can be rebuilt from rows.</summary>
    private sealed record StoredTurn(string NormalizedText, string NluModelVersion, string RankingModelVersion, ChatReply Reply);

    /// <summary>A turn with its JSON columns serialized once, however many statements (or retries) bind them.</summary>
    private sealed record JournalRow(TurnRecord Turn, string Payload, string Entities, string Slots, string Recommendations)
    {
        /// <summary>Set by the commit loop when an earlier attempt of the same turn holds the row; read after the commit.</summary>
        public bool AlreadyJournaled { get; set; }

        public static JournalRow From(TurnRecord turn) => new(
            turn,
            JsonSerializer.Serialize(new StoredTurn(turn.NormalizedText, turn.NluModelVersion, turn.RankingModelVersion, turn.Reply), Json),
            JsonSerializer.Serialize(turn.Reply.Entities, Json),
            JsonSerializer.Serialize(turn.Reply.Slots, Json),
            JsonSerializer.Serialize(turn.Reply.Recommendations, Json));
    }
}
