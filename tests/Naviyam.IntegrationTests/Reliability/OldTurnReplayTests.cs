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
