using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using MySqlConnector;
using Naviyam.IntegrationTests.Infrastructure;
using Naviyam.Logging;
using Xunit.Abstractions;

namespace Naviyam.IntegrationTests.Reliability;

/// <summary>The fuzz test's gateway in MySQL mode (co-hosted silo on a fresh database), every error-level log line counted.</summary>
public sealed class MySqlFuzzGatewayFactory() : MySqlGatewayFactory(FuzzGatewayFactory.Start, FuzzGatewayFactory.Settings)
{
    public ErrorLogCounter Log { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Log.AddTo(builder);
    }
}

/// <summary>
/// The same hostile inputs as <see cref="FuzzTests"/> (<see cref="FuzzRun"/>) against MySQL mode: no 5xx, no hub
/// <c>internal_error</c>, nothing logged at error level, and the database holds exactly what the accepted inputs
/// legitimately wrote: one row per accepted turn in each turn table, one NLU row per prediction, learning rows only for
/// those turns, and no other table changed.
/// </summary>
public class MySqlFuzzTests(MySqlFuzzGatewayFactory factory, ITestOutputHelper output) : IClassFixture<MySqlFuzzGatewayFactory>
{
    /// <summary>Written once per answered turn (the turn journal's transaction).</summary>
    private static readonly string[] TurnTables = ["conversations", "recommendations_log", "performance_logs", "conversation_contexts"];

    /// <summary>Rows the learning loop writes about a turn, each naming the turn it is about.</summary>
    private static readonly string[] TurnLinkedTables = ["user_interactions", "recommendation_features"];

    /// <summary>At most one row per user who talked (the profile mirror, the journey).</summary>
    private static readonly string[] PerUserTables = ["user_profiles", "user_journey_analytics"];

    [Fact]
    public async Task The_hostile_inputs_get_no_500_in_MySql_mode_and_leave_only_legitimate_rows()
    {
        _ = factory.BaseAddress;
        var database = factory.Database;
        var predictions = factory.Services.GetRequiredService<NluPredictionLog>();
        await Settled(predictions);
        var before = await CountRowsAsync(database);
        var recordedBefore = predictions.Recorded;
        factory.Log.Errors.Clear();

        var outcome = await FuzzRun.RunAsync(factory);

        output.WriteLine(outcome.Summary);
        outcome.ShouldHaveAnsweredEveryInputWithoutAServerError();
        await Settled(predictions);
        var after = await CountRowsAsync(database);
        var grown = after.Keys.ToDictionary(t => t, t => after[t] - before.GetValueOrDefault(t));
        output.WriteLine("rows added: " + string.Join(", ", grown.Where(g => g.Value != 0).Select(g => $"{g.Key} {g.Value:+#;-#}")));
        factory.Log.Errors.Should().BeEmpty();

        outcome.NewTurns.Should().BeGreaterThan(0, "some hostile inputs are still ordinary chat turns");
        foreach (var table in TurnTables)
        {
            grown[table].Should().Be(outcome.NewTurns, $"{table} gains one row per accepted turn");
        }
        grown["nlu_training_data"].Should().Be(predictions.Recorded - recordedBefore, "every NLU prediction is one training row");
        foreach (var table in TurnLinkedTables)
        {
            (await database.CountAsync($"""
                SELECT COUNT(*) FROM {table} AS t
                WHERE NOT EXISTS (SELECT 1 FROM conversations AS c WHERE c.session_id = t.session_id AND c.turn_id = t.turn_id)
                """)).Should().Be(0, $"every {table} row is about a turn that was answered");
        }
        foreach (var table in PerUserTables)
        {
            grown[table].Should().BeInRange(0, 8, $"{table} has at most a row per fuzzing user");
        }
        grown["product_orders"].Should().Be(outcome.Orders, "orders come only from accepted order requests");

        // Each session that answered a turn has its snapshot and its idle-expiry reminder; users their profile's state.
        var sessions = await database.CountAsync("SELECT COUNT(DISTINCT session_id) FROM conversations");
        (await database.CountAsync("SELECT COUNT(*) FROM OrleansStorage WHERE GrainTypeString = 'conversation'")).Should().Be(sessions);
        (await database.CountAsync("SELECT COUNT(*) FROM OrleansStorage WHERE GrainTypeString <> 'conversation'")).Should().BeInRange(0, 8);
        grown["OrleansRemindersTable"].Should().Be(sessions, "each session registers one idle-expiry reminder");
        (await database.CountAsync("SELECT COUNT(*) FROM OrleansRemindersTable WHERE ReminderName = 'idle-expiry'")).Should().Be(sessions);

        // The retrieval caches: at most one query entry per accepted turn, one embedding per analysed text.
        grown["rag_query_cache"].Should().BeInRange(0, outcome.NewTurns);
        grown["embedding_cache"].Should().BeInRange(0, predictions.Recorded - recordedBefore);
        (await database.CountAsync("SELECT COUNT(*) FROM embedding_cache WHERE content_type <> 'query'")).Should().Be(0);

        var legitimate = TurnTables.Concat(TurnLinkedTables).Concat(PerUserTables)
            .Concat(["nlu_training_data", "product_orders", "OrleansStorage", "OrleansRemindersTable", "rag_query_cache", "embedding_cache"]);
        grown.Where(g => !legitimate.Contains(g.Key)).Should().OnlyContain(g => g.Value == 0, "no other table changes");
    }

    /// <summary>Waits until every NLU prediction recorded so far is written (they are written in the background).</summary>
    private static async Task Settled(NluPredictionLog predictions)
    {
        for (var i = 0; i < 200 && predictions.Written < predictions.Recorded; i++)
        {
            await Task.Delay(100);
        }
        predictions.Written.Should().Be(predictions.Recorded, "the background writer caught up");
    }

    private static async Task<Dictionary<string, long>> CountRowsAsync(TestDatabase database)
    {
        await using var connection = new MySqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new MySqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }
        var counts = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            await using var count = new MySqlCommand($"SELECT COUNT(*) FROM `{table}`", connection);
            counts[table] = Convert.ToInt64(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }
        return counts;
    }
}
