using Naviyam.IntegrationTests.Infrastructure;

namespace Naviyam.IntegrationTests.MySql;

/// <summary>
/// The conversation rows are the log of record and the grain state is a snapshot of it: a session whose
/// snapshot was lost (a crash after the turn committed, before the snapshot was written) is rebuilt from the log.
/// </summary>
public class SessionRecoveryTests
{
    private static readonly DateTime Noon = new(2025, 9, 3, 12, 0, 0);

    [Fact]
    public async Task A_session_whose_snapshot_is_lost_is_rebuilt_from_its_committed_turns()
    {
        await using var database = await TestDatabase.CreateAsync();
        var settings = new Dictionary<string, string?> { ["Naviyam:Data:GenerateShops"] = "200" };

        await using (var before = new MySqlGatewayFactory(Noon, settings, database))
        {
            using var client = await before.ClientForAsync("recovery-user");
            await client.ChatAsync("recovery-user", "recovery-session", "만원 이하로 떡볶이", turnId: "r-1");
        }
        (await database.CountAsync("SELECT COUNT(*) FROM OrleansStorage")).Should().BeGreaterThan(0, "the session snapshot was stored");
        await database.ExecuteAsync("DELETE FROM OrleansStorage");

        await using var after = new MySqlGatewayFactory(Noon, settings, database);
        using var again = await after.ClientForAsync("recovery-user");
        var replay = await again.ChatAsync("recovery-user", "recovery-session", "만원 이하로 떡볶이", turnId: "r-1");
        var next = await again.ChatAsync("recovery-user", "recovery-session", "매운 건 빼고", turnId: "r-2");

        replay.Replayed.Should().BeTrue("the committed turn id is still answered once");
        next.Slots.GetProperty("budget").GetInt32().Should().Be(10000);
        next.Slots.GetProperty("food_type").GetString().Should().Be("떡볶이");
        (await database.CountAsync("SELECT COUNT(*) FROM conversation_contexts WHERE session_id = 'recovery-session'")).Should().Be(2);
    }
}
