using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Naviyam.Conversation;
using Naviyam.Hosting;
using Naviyam.IntegrationTests.Infrastructure;
using Orleans.Runtime;
using Orleans.Storage;

namespace Naviyam.IntegrationTests.MySql;

public sealed class DurableTurnFactory() : MySqlGatewayFactory(new DateTime(2025, 9, 3, 12, 0, 0), new Dictionary<string, string?>
{
    ["Naviyam:Data:GenerateShops"] = "300",
    ["Naviyam:Data:GenerateUsers"] = "5",
    ["Naviyam:Silo:MinimumReminderPeriod"] = "00:00:01",
    ["Naviyam:Sessions:IdleExpiry"] = "00:00:02",
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
