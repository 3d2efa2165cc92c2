using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Naviyam.Chat;
using Naviyam.Conversation;
using Naviyam.Hosting;
using Naviyam.IntegrationTests.Infrastructure;
using Naviyam.Logging;
using Naviyam.Infrastructure.MySql;
using Orleans.Core.Internal;
using Orleans.Runtime;
using Orleans.Storage;

namespace Naviyam.IntegrationTests.MySql;

public sealed class DurableTurnFactory() : MySqlGatewayFactory(new DateTime(2025, 9, 3, 12, 0, 0), new Dictionary<string, string?>
{
    ["Naviyam:Data:GenerateShops"] = "300",
    ["Naviyam:Data:GenerateUsers"] = "5",
    ["Naviyam:Silo:MinimumReminderPeriod"] = "00:00:01",
    ["Naviyam:Sessions:IdleExpiry"] = "00:00:02",
    ["Naviyam:Profiles:WriteDelay"] = "00:10:00",
});

public class DurableTurnTests(DurableTurnFactory factory) : IClassFixture<DurableTurnFactory>
{
    [Fact]
    public async Task A_turn_leaves_its_conversation_recommendation_and_performance_rows_once()
    {
        using var client = await factory.ClientForAsync("durable-user");

        var reply = await client.ChatAsync("durable-user", "durable-session", "떡볶이 먹고 싶어", turnId: "t-1");
        await client.ChatAsync("durable-user", "durable-session", "떡볶이 먹고 싶어", turnId: "t-1");

        var session = ("@s", (object)"durable-session");
        (await factory.Database.CountAsync("SELECT COUNT(*) FROM conversations WHERE session_id = @s AND turn_id = 't-1' AND intent = 'food_request'", session)).Should().Be(1);
        (await factory.Database.CountAsync("SELECT COUNT(*) FROM recommendations_log WHERE session_id = @s", session)).Should().Be(1);
        (await factory.Database.CountAsync("SELECT COUNT(*) FROM performance_logs WHERE session_id = @s AND total_us > 0", session)).Should().Be(1);
        (await factory.Database.CountAsync("SELECT COUNT(*) FROM conversations WHERE session_id = @s AND JSON_VALUE(entities, '$.food_type') = '떡볶이'", session)).Should().Be(1);
        reply.Reply.Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Concurrent_turns_are_group_committed_and_each_is_stored_once()
    {
        using var client = await factory.ClientForAsync("group-user");
        await client.ChatAsync("group-user", "template-for-grouping", "만원으로 김밥 먹을래");
        var journal = (MySqlTurnJournal)factory.Services.GetRequiredService<ITurnJournal>();
        var template = (await journal.RecentAsync("template-for-grouping", 1)).Single();
        var commitsBefore = journal.Commits;

        // Thirty sessions' turns arrive at once, and every one is retried while the first attempt is still queued.
        var turns = Enumerable.Range(0, 30).Select(i => template with { SessionId = $"group-{i}", TurnId = "t-1" }).ToList();
        var standing = await Task.WhenAll(turns.Concat(turns).Select(turn => journal.CommitAsync(turn)));

        for (var i = 0; i < turns.Count; i++)
        {
            new[] { standing[i], standing[turns.Count + i] }.Count(stored => ReferenceEquals(stored, turns[i])).Should().Be(1,
                "one attempt stored the turn and the other was given the stored record back");
            standing[turns.Count + i].TurnId.Should().Be(turns[i].TurnId);
        }

        // How many queue up together depends on the machine's timing; that some do, and that nothing is stored twice,
        // does not (GroupCommitterTests pin the batching itself).
        journal.Commits.Should().BeLessThan(commitsBefore + turns.Count * 2, "turns that queue up together share a transaction");
        var sessions = ("@s", (object)"group-%");
        (await factory.Database.CountAsync("SELECT COUNT(*) FROM conversations WHERE session_id LIKE @s AND turn_id = 't-1'", sessions)).Should().Be(30);
        (await factory.Database.CountAsync("SELECT COUNT(*) FROM recommendations_log WHERE session_id LIKE @s", sessions)).Should().Be(30);
        (await factory.Database.CountAsync("SELECT COUNT(*) FROM performance_logs WHERE session_id LIKE @s", sessions)).Should().Be(30);
        (await factory.Database.CountAsync("SELECT COUNT(*) FROM conversation_contexts WHERE session_id LIKE @s AND conversation_turn = 1", sessions)).Should().Be(30);
    }

    [Fact]
    public async Task The_session_snapshot_skips_turns_while_active_and_catches_up_when_the_session_deactivates()
    {
        using var client = await factory.ClientForAsync("lag-user");
        await client.ChatAsync("lag-user", "lag-session", "저녁 뭐 먹지");
        await client.ChatAsync("lag-user", "lag-session", "만원 이하로");
        await client.ChatAsync("lag-user", "lag-session", "매운 건 빼고");
        var storage = factory.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default);
        async Task<int> StoredReplies()
        {
            var snapshot = new GrainState<ConversationState>();
            await storage.ReadStateAsync("conversation", GrainId.Create("conversation", "lag-session"), snapshot);
            return snapshot.State?.RecentReplies.Count ?? 0;
        }
        (await StoredReplies()).Should().Be(1, "only a session's first turn writes the snapshot; the journal holds the rest");

        var grain = factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IConversationGrain>("lag-session");
        await grain.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await StoredReplies() < 3 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        (await StoredReplies()).Should().Be(3, "deactivation writes the snapshot up to date");
        var slots = await grain.GetSlotsAsync("lag-user");
        slots.Budget.Should().Be(10000);
        slots.Exclusions.Should().Contain("매운");
    }

    [Fact]
    public async Task A_dietary_restriction_is_stored_at_once_and_learned_tastes_when_the_profile_deactivates()
    {
        using var client = await factory.ClientForAsync("profile-user");
        var user = ("@u", (object)"profile-user");
        async Task<long> Count(string condition) => await factory.Database.CountAsync(
            $"SELECT COUNT(*) FROM user_profiles WHERE user_id = @u AND {condition}", user);
        async Task<long> Eventually(string condition)
        {
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (await Count(condition) == 0 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
            return await Count(condition);
        }
        const string allergy = "JSON_CONTAINS(dietary_restrictions, '\"allergy:땅콩\"')";
        const string likesTteokbokki = "JSON_EXTRACT(liked_foods, '$.\"떡볶이\"') >= 1";

        // The write delay is ten minutes here: a row that shows up within seconds was written because it matters.
        await client.ChatAsync("profile-user", "profile-session", "땅콩 알레르기 있어 간식 추천해줘");
        (await Eventually(allergy)).Should().Be(1, "a restriction that keeps a child safe is written at once");

        await client.ChatAsync("profile-user", "profile-session", "떡볶이 먹고 싶어");
        await Task.Delay(1000);
        (await Count(likesTteokbokki)).Should().Be(0, "a learned taste waits for the delayed write");

        await factory.Services.GetRequiredService<IGrainFactory>().GetGrain<Naviyam.Profiles.IProfileGrain>("profile-user")
            .Cast<IGrainManagementExtension>().DeactivateOnIdle();
        (await Eventually(likesTteokbokki)).Should().Be(1, "deactivation writes what was learned");
    }

    [Fact]
    public async Task A_grain_state_write_with_a_stale_version_is_rejected()
    {
        var storage = factory.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default);
        var grainId = GrainId.Create("conversation", "stale-version-check");
        var first = new GrainState<ConversationState>(new ConversationState { OwnerUserId = "a" });
        await storage.WriteStateAsync("conversation", grainId, first);
        var stale = new GrainState<ConversationState>(new ConversationState { OwnerUserId = "b" }) { ETag = first.ETag };
        await storage.WriteStateAsync("conversation", grainId, first);

        var write = () => storage.WriteStateAsync("conversation", grainId, stale);

        await write.Should().ThrowAsync<InconsistentStateException>();
    }

    [Fact]
    public async Task The_idle_expiry_reminder_is_registered_fires_and_is_removed()
    {
        using var client = await factory.ClientForAsync("reminder-user");
        await client.ChatAsync("reminder-user", "reminder-session", "만원 이하로 떡볶이");
        var reminders = () => factory.Database.CountAsync(
            "SELECT COUNT(*) FROM OrleansRemindersTable WHERE GrainId LIKE @g AND ReminderName = 'idle-expiry'", ("@g", "%reminder-session%"));
        (await reminders()).Should().Be(1, "the first turn registers the session's idle-expiry reminder");

        // The session goes quiet: an hour passes on the product clock while the reminder ticks.
        factory.Clock.UtcNow += TimeSpan.FromHours(1);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await reminders() > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }

        (await reminders()).Should().Be(0, "the reminder fired and removed itself");
        using var response = await client.PostAsJsonAsync("/api/chat", new { userId = "reminder-user", sessionId = "reminder-session", text = "안녕" });
        var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        body.GetProperty("slots").TryGetProperty("budget", out _).Should().BeFalse("an expired session forgets its budget");
    }
}
