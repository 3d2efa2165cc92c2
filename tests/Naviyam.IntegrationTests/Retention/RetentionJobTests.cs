using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using MySqlConnector;
using Naviyam.IntegrationTests.Infrastructure;
using Naviyam.Retention;
using Naviyam.Time;
using Xunit.Abstractions;

namespace Naviyam.IntegrationTests.Retention;

/// <summary>
/// The retention job against real MariaDB with the product clock pinned: rows seeded at known ages on both sides of each
/// class's boundary, one run through the grain, then exactly the expired rows are gone, in batches of at most
/// <see cref="BatchSize"/>, and a second run finds nothing.
/// </summary>
public class RetentionJobTests(ITestOutputHelper output)
{
    private const int BacklogRows = 50_000;

    private const int BatchSize = 4;
    // Per table: this many rows past the boundary (8 a day past it, 1 a second past it) …
    private const int Expired = 9;
    // … and this many inside it (exactly at the cut-off, a second inside, an hour old).
    private const int Kept = 3;

    private static readonly DateTime SeoulNow = new(2026, 6, 15, 12, 0, 0);
    private static readonly DateTime UtcNow = SeoulClock.FromSeoulLocal(SeoulNow).UtcDateTime;

    [Fact]
    public async Task Expired_rows_go_in_bounded_batches_and_everything_else_stays()
    {
        await using var factory = new MySqlGatewayFactory(SeoulNow, new Dictionary<string, string?>
        {
            ["Naviyam:Data:GenerateShops"] = "20",
            ["Naviyam:Retention:BatchSize"] = BatchSize.ToString(CultureInfo.InvariantCulture),
            ["Naviyam:Retention:PauseBetweenBatches"] = "00:00:00",
            // The reminder must not fire during the test: the test runs the job itself.
            ["Naviyam:Retention:Period"] = "7.00:00:00",
        });
        _ = factory.BaseAddress;
        var database = factory.Database;
        var shopId = await database.CountAsync("SELECT MIN(id) FROM shops");
        await SeedAsync(database, shopId);

        var retention = factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IRetentionGrain>(0);
        var first = await retention.RunAsync();

        first.Tables.Select(t => t.Table).Should().Equal(RetentionPolicy.Rules.Select(r => r.Table));
        foreach (var table in first.Tables)
        {
            table.Rows.Should().Be(Expired, table.Table);
            table.LargestBatch.Should().Be(BatchSize, $"{table.Table} deletes at most {BatchSize} rows a statement");
            table.Batches.Should().Be((Expired + BatchSize - 1) / BatchSize, table.Table);
        }
        first.Tables.Single(t => t.Table == "conversations").Cutoff.Should().Be(new DateTimeOffset(UtcNow.AddDays(-365), TimeSpan.Zero));
        first.Tables.Single(t => t.Table == "conversation_contexts").Cutoff.Should().Be(new DateTimeOffset(UtcNow.AddDays(-7), TimeSpan.Zero));

        foreach (var (table, marker) in Markers)
        {
            var remaining = await database.CountAsync($"SELECT COUNT(*) FROM {table} WHERE {marker}");
            // conversations also keeps the live session's three turns, two of them past the boundary.
            remaining.Should().Be(table == "conversations" ? Kept + 3 : Kept, table);
        }
        (await database.CountAsync("SELECT COUNT(*) FROM OrleansStorage WHERE GrainTypeString = 'profile' AND GrainIdExtensionString LIKE 'ret-%'"))
            .Should().Be(Expired + Kept, "only conversation snapshots expire; a profile's state stays whatever its age");
        (await database.CountAsync("SELECT COUNT(*) FROM conversations WHERE session_id = 'ret-live'")).Should().Be(3,
            "a session with a turn inside the year keeps all its turns");
        (await database.CountAsync($"SELECT COUNT(*) FROM conversations WHERE created_at < @cutoff", ("@cutoff", UtcNow.AddDays(-365))))
            .Should().Be(2, "only the live session's old turns are older than a year");

        var second = await retention.RunAsync();
        second.Rows.Should().Be(0);
        second.Tables.Should().OnlyContain(t => t.Batches == 1 && t.Rows == 0);

        var registered = 0L;
        for (var i = 0; i < 100 && registered == 0; i++)
        {
            registered = await database.CountAsync("SELECT COUNT(*) FROM OrleansRemindersTable WHERE ReminderName = 'retention'");
            await Task.Delay(registered == 0 ? 100 : 0);
        }
        registered.Should().Be(1, "the silo registers the job's reminder when it starts");
    }

    [Fact]
    public async Task The_reminder_runs_the_job_on_its_own()
    {
        await using var factory = new MySqlGatewayFactory(SeoulNow, new Dictionary<string, string?>
        {
            ["Naviyam:Silo:MinimumReminderPeriod"] = "00:00:01",
            ["Naviyam:Retention:Period"] = "00:00:02",
        });
        _ = factory.BaseAddress;
        var database = factory.Database;
        await database.ExecuteAsync($"""
            INSERT INTO conversation_contexts (session_id, user_id, conversation_turn, context_data, created_at) VALUES
                ('ret-tick', 'ret-user', 1, JSON_OBJECT(), '{UtcNow.AddDays(-8):yyyy-MM-dd HH:mm:ss}'),
                ('ret-tick', 'ret-user', 2, JSON_OBJECT(), '{UtcNow.AddDays(-6):yyyy-MM-dd HH:mm:ss}')
            """);

        var left = 2L;
        for (var i = 0; i < 300 && left == 2; i++)
        {
            await Task.Delay(100);
            left = await database.CountAsync("SELECT COUNT(*) FROM conversation_contexts WHERE session_id = 'ret-tick'");
        }
        left.Should().Be(1, "the reminder ran the job within 30 s and it removed only the context older than 7 days");
        (await database.CountAsync("SELECT COUNT(*) FROM conversation_contexts WHERE session_id = 'ret-tick' AND conversation_turn = 2")).Should().Be(1);
    }

    [Fact]
    public async Task A_large_backlog_goes_in_short_batches()
    {
        await using var factory = new MySqlGatewayFactory(SeoulNow, new Dictionary<string, string?>
        {
            ["Naviyam:Retention:Period"] = "7.00:00:00",
        });
        _ = factory.BaseAddress;
        var database = factory.Database;
        var old = UtcNow.AddDays(-400).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        await database.ExecuteAsync($"""
            INSERT INTO conversations (session_id, turn_id, user_id, input_text, reply, created_at)
            SELECT CONCAT('bulk-', seq DIV 10), CONCAT('t', seq), 'ret-bulk', '배고픈데 5천원밖에 없어', '근처에 이런 곳이 있어요', '{old}' - INTERVAL seq SECOND
            FROM seq_1_to_{BacklogRows}
            """);
        await database.ExecuteAsync($"""
            INSERT INTO performance_logs (created_at, operation_type, total_us) SELECT '{old}' - INTERVAL seq SECOND, 'ret-bulk', seq FROM seq_1_to_{BacklogRows}
            """);

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var report = await factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IRetentionGrain>(0).RunAsync();
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);

        foreach (var table in report.Tables.Where(t => t.Rows > 0))
        {
            output.WriteLine($"{table.Table}: {table.Rows} rows in {table.Batches} batches, slowest {table.SlowestBatch.TotalMilliseconds:F0} ms");
        }
        output.WriteLine($"whole run {elapsed.TotalSeconds:F1} s");
        foreach (var table in new[] { "conversations", "performance_logs" })
        {
            var result = report.Tables.Single(t => t.Table == table);
            result.Rows.Should().Be(BacklogRows);
            result.Batches.Should().Be(BacklogRows / 1_000 + 1, "1,000 rows a batch, then one that finds none");
            result.SlowestBatch.Should().BeLessThan(TimeSpan.FromSeconds(5), "no batch holds its locks for long");
        }
        (await database.CountAsync("SELECT COUNT(*) FROM conversations WHERE user_id = 'ret-bulk'")).Should().Be(0);
    }

    /// <summary>How each table's seeded rows are told from anything the running silo writes.</summary>
    private static readonly (string Table, string Marker)[] Markers =
    [
        ("conversation_contexts", "user_id = 'ret-user'"),
        ("conversations", "user_id = 'ret-user'"),
        ("recommendations_log", "user_id = 'ret-user'"),
        ("recommendation_features", "user_id = 'ret-user'"),
        ("user_interactions", "user_id = 'ret-user'"),
        ("OrleansStorage", "GrainTypeString = 'conversation' AND GrainIdExtensionString LIKE 'ret-%'"),
        ("performance_logs", "operation_type = 'ret-test'"),
        ("nlu_training_data", "user_id = 'ret-user'"),
        ("feature_vectors", "entity_id LIKE 'ret-%'"),
        ("rag_query_cache", "original_query = 'ret'"),
        ("embedding_cache", "original_content = 'ret'"),
    ];

    /// <summary>The ages of one table's seeded rows: <see cref="Expired"/> past <paramref name="days"/>, <see cref="Kept"/> inside.</summary>
    private static IEnumerable<(DateTime At, bool Expires)> Ages(int days)
    {
        var cutoff = UtcNow.AddDays(-days);
        for (var i = 0; i < Expired - 1; i++)
        {
            yield return (cutoff.AddDays(-1).AddSeconds(-i), true);
        }
        yield return (cutoff.AddSeconds(-1), true);
        yield return (cutoff, false);
        yield return (cutoff.AddSeconds(1), false);
        yield return (UtcNow.AddHours(-1), false);
    }

    private static async Task SeedAsync(TestDatabase database, long shopId)
    {
        await using var connection = new MySqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        var n = 0;
        async Task Insert(string sql, DateTime at)
        {
            await using var command = new MySqlCommand(sql, connection);
            command.Parameters.AddWithValue("@at", at);
            command.Parameters.AddWithValue("@n", n);
            command.Parameters.AddWithValue("@hash", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("ret-" + n))));
            command.Parameters.AddWithValue("@shop", shopId);
            await command.ExecuteNonQueryAsync();
            n++;
        }

        foreach (var (at, expires) in Ages(365))
        {
            // Expired turns in a session that has ended; kept ones in another.
            await Insert($"INSERT INTO conversations (session_id, turn_id, user_id, input_text, reply, created_at) VALUES ('{(expires ? "ret-gone" : "ret-kept")}', CONCAT('t', @n), 'ret-user', '배고파', '네', @at)", at);
            await Insert("INSERT INTO recommendations_log (user_id, created_at, recommendations, recommendation_count) VALUES ('ret-user', @at, '[]', 0)", at);
            await Insert("INSERT INTO recommendation_features (user_id, shop_id, created_at) VALUES ('ret-user', @shop, @at)", at);
            await Insert("INSERT INTO user_interactions (user_id, created_at, interaction_type) VALUES ('ret-user', @at, 'selection')", at);
            // A session's Orleans snapshot, and a profile's state of the same age, which is never deleted.
            foreach (var stateName in new[] { "conversation", "profile" })
            {
                await Insert($"""
                    INSERT INTO OrleansStorage (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, GrainIdExtensionString, ServiceId, PayloadBinary, ModifiedOn, Version)
                    VALUES (@n, 0, 0, 0, '{stateName}', CONCAT('ret-', @n), 'naviyam', x'00', @at, 1)
                    """, at);
            }
        }
        // A session still in use: two turns older than a year and one from today.
        foreach (var at in new[] { UtcNow.AddDays(-400), UtcNow.AddDays(-380), UtcNow.AddMinutes(-5) })
        {
            await Insert("INSERT INTO conversations (session_id, turn_id, user_id, input_text, reply, created_at) VALUES ('ret-live', CONCAT('t', @n), 'ret-user', '배고파', '네', @at)", at);
        }
        foreach (var (at, _) in Ages(90))
        {
            await Insert("INSERT INTO performance_logs (created_at, operation_type) VALUES (@at, 'ret-test')", at);
            await Insert("INSERT INTO nlu_training_data (input_text, user_id, created_at) VALUES ('배고파', 'ret-user', @at)", at);
            await Insert("INSERT INTO feature_vectors (entity_type, entity_id, feature_version, created_at, updated_at) VALUES ('user', CONCAT('ret-', @n), 'ret', @at, @at)", at);
        }
        foreach (var (at, _) in Ages(30))
        {
            await Insert("INSERT INTO rag_query_cache (query_hash, original_query, normalized_query, created_at, last_accessed) VALUES (@hash, 'ret', 'ret', @at, @at)", at);
            await Insert("INSERT INTO embedding_cache (content_hash, content_type, original_content, embedding_vector, embedding_model, created_at, last_accessed) VALUES (@hash, 'query', 'ret', '[0.5]', 'ret-model', @at, @at)", at);
        }
        foreach (var (at, _) in Ages(7))
        {
            await Insert("INSERT INTO conversation_contexts (session_id, user_id, conversation_turn, context_data, created_at) VALUES ('ret-context', 'ret-user', @n, '{}', @at)", at);
        }
    }
}
