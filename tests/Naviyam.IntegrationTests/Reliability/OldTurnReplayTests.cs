using Microsoft.Extensions.DependencyInjection;
using Naviyam.IntegrationTests.Infrastructure;
using Naviyam.Logging;

namespace Naviyam.IntegrationTests.Reliability;

/// <summary>
/// A client's replay of a turn older than the 16 replies a session keeps in memory is answered from the turn journal
/// (<c>replayed: true</c>, the first answer) and never run again, in the embedded default and in MySQL mode.
/// </summary>
public class OldTurnReplayTests(SmallCityFactory embedded) : IClassFixture<SmallCityFactory>
{
    private const int Turns = 20;

    [Fact]
    public async Task Embedded_a_replay_of_the_first_of_twenty_turns_is_answered_from_the_journal()
    {
        var journal = embedded.Services.GetRequiredService<ITurnJournal>();
        await ReplayOldTurnAsync(embedded, "old-replay", async () => (await journal.RecentAsync("old-replay-session", 100)).Count);
    }

    [Fact]
    public async Task In_mysql_mode_a_replay_of_the_first_of_twenty_turns_is_answered_from_the_journal_after_reactivation()
    {
        await using var factory = new MySqlGatewayFactory(new DateTime(2025, 9, 3, 12, 0, 0), new Dictionary<string, string?> { ["Naviyam:Data:GenerateShops"] = "50" });

        await ReplayOldTurnAsync(factory, "old-replay", () => factory.Database.CountAsync(
            "SELECT COUNT(*) FROM conversations WHERE session_id = @s", ("@s", "old-replay-session")), deactivate: true);

        (await factory.Database.CountAsync("SELECT COUNT(*) FROM conversations WHERE session_id = @s AND turn_id = @t",
            ("@s", "old-replay-session"), ("@t", "turn-1"))).Should().Be(1);
    }

    [Fact]
    public async Task Embedded_a_turn_another_activation_already_answered_is_answered_that_way_not_run_again()
    {
        var journal = embedded.Services.GetRequiredService<ITurnJournal>();
        await AnsweredElsewhereAsync(embedded, journal, "elsewhere", async () => (await journal.RecentAsync("elsewhere-session", 100)).Count);
    }

    [Fact]
    public async Task In_mysql_mode_a_turn_another_activation_already_answered_is_answered_that_way_not_run_again()
    {
        await using var factory = new MySqlGatewayFactory(new DateTime(2025, 9, 3, 12, 0, 0), new Dictionary<string, string?> { ["Naviyam:Data:GenerateShops"] = "50" });
        await AnsweredElsewhereAsync(factory, factory.Services.GetRequiredService<ITurnJournal>(), "elsewhere", () => factory.Database.CountAsync(
            "SELECT COUNT(*) FROM conversations WHERE session_id = @s", ("@s", "elsewhere-session")));
    }

    /// <summary>
    /// While a silo dies, a session can briefly have two activations: a turn journaled by the stale one, whose answer was
    /// lost on the way, is retried on the live one, which does not remember it. The live one runs it, finds the journal
    /// already holding it, and answers with the journaled answer. Simulated by journaling the turn directly.
    /// </summary>
    private static async Task AnsweredElsewhereAsync(GatewayFactory factory, ITurnJournal journal, string user, Func<Task<long>> storedTurns)
    {
        using var client = await factory.ClientForAsync(user);
        var session = user + "-session";
        await client.ChatAsync(user, session, "배고파", turnId: "turn-1");
        await client.ChatAsync(user, session, "떡볶이 먹고 싶어", turnId: "turn-2");
        var template = (await journal.RecentAsync(session, 1)).Single();
        const string answeredElsewhere = "다른 활성화가 먼저 답한 떡볶이 가게 목록";
        await journal.CommitAsync(template with { TurnId = "turn-3", Reply = template.Reply with { TurnId = "turn-3", Reply = answeredElsewhere } });

        var retried = await client.ChatAsync(user, session, "김밥 있어?", turnId: "turn-3");
        var again = await client.ChatAsync(user, session, "김밥 있어?", turnId: "turn-3");

        retried.Replayed.Should().BeTrue("the journal already held the turn");
        retried.Reply.Should().Be(answeredElsewhere, "a turn id is answered one way only");
        again.Replayed.Should().BeTrue();
        again.Reply.Should().Be(answeredElsewhere, "the session now remembers the journaled answer");
        (await storedTurns()).Should().Be(3, "the retry stored nothing");
    }

    private static async Task ReplayOldTurnAsync(GatewayFactory factory, string user, Func<Task<long>> storedTurns, bool deactivate = false)
    {
        using var client = await factory.ClientForAsync(user);
        var session = user + "-session";
        var first = await client.ChatAsync(user, session, "떡볶이 먹고 싶어", turnId: "turn-1");
        for (var i = 2; i <= Turns; i++)
        {
            await client.ChatAsync(user, session, i % 2 == 0 ? "배고파" : "김밥 있어?", turnId: $"turn-{i}");
        }
        if (deactivate)
        {
            // A fresh activation rebuilds its replies from the journal's last 16 rows: turn-1 is not among them.
            await factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        }

        var replay = await client.ChatAsync(user, session, "떡볶이 먹고 싶어", turnId: "turn-1");

        replay.Replayed.Should().BeTrue();
        replay.Reply.Should().Be(first.Reply);
        (await storedTurns()).Should().Be(Turns, "the replay added no row");
    }
}
