using System.Text.Json;
using System.Text.Json.Serialization;
using MySqlConnector;
using Naviyam.Chat;
using Naviyam.Logging;

namespace Naviyam.Silo.Infrastructure;

/// <summary>
/// The turn journal in MySQL: one transaction writes the <c>conversations</c> row (unique per session and turn id),
/// its <c>recommendations_log</c> and <c>performance_logs</c> rows, and the session's slots after the turn into
/// <c>conversation_contexts</c> (the analytics mirror of the session state). A retried turn id finds its row and
/// writes nothing twice. The <c>conversations</c> rows are the log a session's state is rebuilt from.
/// </summary>
public sealed class MySqlTurnJournal(MySqlDataSource dataSource) : ITurnJournal
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public async Task CommitAsync(TurnRecord turn, CancellationToken cancellationToken = default)
    {
        var reply = turn.Reply;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        await using (var conversation = new MySqlCommand("""
            INSERT IGNORE INTO conversations
                (session_id, turn_id, user_id, input_text, reply, reply_payload, created_at, intent, intent_confidence, entities, slots, total_us)
            VALUES (@session, @turn, @user, @text, @reply, @payload, @at, @intent, @confidence, @entities, @slots, @total)
            """, connection, transaction))
        {
            conversation.Parameters.AddWithValue("@session", turn.SessionId);
            conversation.Parameters.AddWithValue("@turn", turn.TurnId);
            conversation.Parameters.AddWithValue("@user", turn.UserId);
            conversation.Parameters.AddWithValue("@text", turn.Text);
            conversation.Parameters.AddWithValue("@reply", reply.Reply);
            conversation.Parameters.AddWithValue("@payload", JsonSerializer.Serialize(new StoredTurn(turn.NormalizedText, turn.NluModelVersion, turn.RankingModelVersion, reply), Json));
            conversation.Parameters.AddWithValue("@at", turn.At.UtcDateTime);
            conversation.Parameters.AddWithValue("@intent", reply.Intent);
            conversation.Parameters.AddWithValue("@confidence", Math.Round((decimal)Math.Clamp(reply.Confidence, 0, 1), 3));
            conversation.Parameters.AddWithValue("@entities", JsonSerializer.Serialize(reply.Entities, Json));
            conversation.Parameters.AddWithValue("@slots", JsonSerializer.Serialize(reply.Slots, Json));
            conversation.Parameters.AddWithValue("@total", reply.Timings.TotalMicros);
            if (await conversation.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                // Already journaled by an earlier attempt of the same turn: nothing more to write.
                await transaction.RollbackAsync(cancellationToken);
                return;
            }
        }

        await using (var logs = new MySqlCommand("""
            INSERT INTO recommendations_log
                (user_id, session_id, turn_id, created_at, request_intent, request_entities, recommendations, recommendation_count, recommendation_method, confidence_score)
            VALUES (@user, @session, @turn, @at, @intent, @entities, @recommendations, @count, @method, @confidence);
            INSERT INTO conversation_contexts (session_id, user_id, conversation_turn, context_data, context_type, created_at)
            SELECT @session, @user, COUNT(*), @slots, 'slots', @at FROM conversations WHERE session_id = @session;
            INSERT INTO performance_logs
                (created_at, operation_type, user_id, session_id, turn_id, preprocess_us, context_us, nlu_us, rag_us, features_us,
                 ranking_us, coupons_us, response_us, logging_us, total_us, confidence_score, success)
            VALUES (@at, 'chat_turn', @user, @session, @turn, @preprocess, @context, @nlu, @retrieval, NULL,
                    @ranking, @coupons, @replyUs, @logging, @total, @confidence, TRUE);
            """, connection, transaction))
        {
            var timings = reply.Timings;
            logs.Parameters.AddWithValue("@user", turn.UserId);
            logs.Parameters.AddWithValue("@session", turn.SessionId);
            logs.Parameters.AddWithValue("@turn", turn.TurnId);
            logs.Parameters.AddWithValue("@at", turn.At.UtcDateTime);
            logs.Parameters.AddWithValue("@intent", reply.Intent);
            logs.Parameters.AddWithValue("@entities", JsonSerializer.Serialize(reply.Entities, Json));
            logs.Parameters.AddWithValue("@slots", JsonSerializer.Serialize(reply.Slots, Json));
            logs.Parameters.AddWithValue("@recommendations", JsonSerializer.Serialize(reply.Recommendations, Json));
            logs.Parameters.AddWithValue("@count", reply.Recommendations.Count);
            logs.Parameters.AddWithValue("@method", turn.RankingModelVersion);
            logs.Parameters.AddWithValue("@confidence", Math.Round((decimal)Math.Clamp(reply.Confidence, 0, 1), 3));
            logs.Parameters.AddWithValue("@preprocess", timings.PreprocessMicros);
            logs.Parameters.AddWithValue("@context", timings.ContextMicros);
            logs.Parameters.AddWithValue("@nlu", timings.NluMicros);
            logs.Parameters.AddWithValue("@retrieval", timings.RetrievalMicros);
            logs.Parameters.AddWithValue("@ranking", timings.RankingMicros);
            logs.Parameters.AddWithValue("@coupons", timings.CouponMicros);
            logs.Parameters.AddWithValue("@replyUs", timings.ReplyMicros);
            logs.Parameters.AddWithValue("@logging", timings.LoggingMicros);
            logs.Parameters.AddWithValue("@total", timings.TotalMicros);
            await logs.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<TurnRecord>> RecentAsync(string sessionId, int max, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new MySqlCommand("""
            SELECT user_id, turn_id, created_at, input_text, reply_payload
            FROM conversations WHERE session_id = @session ORDER BY id DESC LIMIT @max
            """, connection);
        command.Parameters.AddWithValue("@session", sessionId);
        command.Parameters.AddWithValue("@max", max);
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
        turns.Reverse();
        return turns;
    }

    /// <summary>What <c>conversations.reply_payload</c> holds: the whole reply, so a session can be rebuilt from rows.</summary>
    private sealed record StoredTurn(string NormalizedText, string NluModelVersion, string RankingModelVersion, ChatReply Reply);
}
