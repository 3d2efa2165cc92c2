using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using MySqlConnector;
using Naviyam.Cards;
using Naviyam.Catalog;
using Naviyam.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Naviyam.IntegrationTests.Backup;

/// <summary>
/// scripts/backup.sh and scripts/restore.sh against the real MariaDB: turns and an order written through the running
/// product (MySQL mode) are dumped while it runs, restored into a fresh database, and a silo of the same cluster started
/// on the copy answers the same conversation (its turn ids replayed from the journal), the same card balance and the
/// same receipt, and carries the conversation on.
/// </summary>
public class BackupRestoreTests(ITestOutputHelper output)
{
    private const string User = "demo-1";
    private const string Session = "backup-session";
    private static readonly DateTime Noon = new(2025, 9, 3, 12, 0, 0);

    /// <summary>Tables whose rows the product writes synchronously: the copy holds exactly what the source held at the dump.</summary>
    private static readonly string[] ProductTables =
    [
        "schema_migrations", "shops", "menus", "shop_hours", "users", "foodcard_users", "foodcard_ledger", "coupons", "user_coupon_wallet",
        "product_orders", "conversations", "recommendations_log", "performance_logs", "conversation_contexts", "OrleansRemindersTable",
    ];

    [Fact]
    public async Task A_backup_taken_while_the_service_runs_restores_into_a_database_a_new_silo_serves_exactly()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Naviyam:Data:GenerateShops"] = "200",
            ["Naviyam:Data:GenerateUsers"] = "5",
            // The restored silo joins the same cluster as the one that was backed up.
            ["Naviyam:Silo:ClusterId"] = "backup-" + Guid.NewGuid().ToString("N")[..8],
        };
        var folder = Directory.CreateTempSubdirectory("naviyam-backup-");
        var file = Path.Combine(folder.FullName, "naviyam.sql.gz");
        await using var source = await TestDatabase.CreateAsync();

        WireReply[] turns;
        WireReceipt receipt;
        WireCard card;
        Dictionary<string, long> counts;
        await using (var live = new MySqlGatewayFactory(Noon, settings, source))
        {
            using var client = await live.ClientForAsync(User);
            turns =
            [
                await client.ChatAsync(User, Session, "배고픈데 만원 있어", turnId: "b-1"),
                await client.ChatAsync(User, Session, "떡볶이 먹고 싶어", turnId: "b-2"),
            ];
            (await live.Services.GetRequiredService<IGrainFactory>().GetGrain<IFoodCardGrain>(User).CreditAsync(30_000, "backup-top-up", "test_top_up"))
                .Applied.Should().BeTrue();
            var meal = live.Services.GetRequiredService<IShopCatalog>().MealAtLeast(3_000);
            using (var placed = await client.OrderAsync("backup-order", meal))
            {
                placed.StatusCode.Should().Be(HttpStatusCode.Created);
                receipt = (await placed.Content.ReadFromJsonAsync<WireReceipt>())!;
            }
            card = await client.CardAsync();

            // Taken while the service is up, as in production.
            await RunScriptAsync("backup.sh", source.Name, file);
            counts = await CountAsync(source.ConnectionString);
        }
        counts["conversations"].Should().Be(2);
        counts["product_orders"].Should().Be(1);

        await using var copy = await TestDatabase.CreateAsync(migrate: false);
        await RunScriptAsync("restore.sh", copy.Name, file);
        (await CountAsync(copy.ConnectionString)).Should().Equal(counts, "the copy holds every row the source held");
        (await copy.CountAsync("SELECT COUNT(*) FROM OrleansMembershipTable")).Should().Be(0, "the backed-up cluster's silos are not carried over");

        await using var restored = new MySqlGatewayFactory(Noon, settings, copy);
        using var again = await restored.ClientForAsync(User);
        for (var i = 0; i < turns.Length; i++)
        {
            var replay = await again.ChatAsync(User, Session, i == 0 ? "배고픈데 만원 있어" : "떡볶이 먹고 싶어", turnId: turns[i].TurnId);
            replay.Replayed.Should().BeTrue("turn {0} is answered from the restored journal", turns[i].TurnId);
            replay.Reply.Should().Be(turns[i].Reply);
            replay.Recommendations.Select(r => r.ShopId).Should().Equal(turns[i].Recommendations.Select(r => r.ShopId));
        }
        (await again.CardAsync()).Should().Be(card);
        var stored = await again.GetFromJsonAsync<WireReceipt>($"/api/me/orders/{receipt.OrderKey}");
        stored.Should().BeEquivalentTo(receipt, options => options.Excluding(r => r.Replayed).Excluding(r => r.CancellableUntil).Excluding(r => r.Status));
        stored!.OrderId.Should().Be(receipt.OrderId);

        var next = await again.ChatAsync(User, Session, "매운 건 빼고", turnId: "b-3");
        next.Replayed.Should().BeFalse();
        next.Slots.GetProperty("budget").GetInt32().Should().Be(10000, "the session carries on from the restored turns");
        (await copy.CountAsync("SELECT COUNT(*) FROM conversations WHERE session_id = @s", ("@s", Session))).Should().Be(3);
        folder.Delete(recursive: true);
    }

    private async Task RunScriptAsync(string script, string database, string file)
    {
        var server = new MySqlConnectionStringBuilder(TestDatabase.ServerConnectionString);
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(SharedData.RepositoryRoot, "scripts", script), "-h", server.Server, "-P", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-u", server.UserID, database, file })
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["NAVIYAM_DB_PASSWORD"] = server.Password;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        output.WriteLine($"{script}: {await stdout}{await stderr}");
        process.ExitCode.Should().NotBe(3, $"{script} needs mariadb-dump and mariadb from Debian's mariadb-client (scripts/mariadb.sh installs it with the server): {await stderr}");
        process.ExitCode.Should().Be(0, $"{script} failed: {await stderr}");
    }

    private static async Task<Dictionary<string, long>> CountAsync(string connectionString)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        var counts = new Dictionary<string, long>();
        foreach (var table in ProductTables)
        {
            await using var command = new MySqlCommand($"SELECT COUNT(*) FROM `{table}`", connection);
            counts[table] = Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }
        return counts;
    }
}
