using MySqlConnector;
using Naviyam.IntegrationTests.Infrastructure;
using Naviyam.Infrastructure.MySql.Migrations;

namespace Naviyam.IntegrationTests.MySql;

public class MigrationTests
{
    [Fact]
    public async Task Migrations_apply_in_order_and_a_second_run_changes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(migrate: false);
        var runner = new MigrationRunner(database.ConnectionString);

        var first = await runner.ApplyAsync(MigrationRunner.DefaultDirectory, TextWriter.Null);
        var second = await runner.ApplyAsync(MigrationRunner.DefaultDirectory, TextWriter.Null);

        first.Should().NotBeEmpty();
        first.Select(m => m.Version).Should().BeInAscendingOrder();
        second.Should().BeEmpty();
        (await database.CountAsync("SELECT COUNT(*) FROM schema_migrations")).Should().Be(first.Count);
        (await database.CountAsync("SELECT COUNT(*) FROM OrleansQuery")).Should().BeGreaterThan(10);
    }

    [Fact]
    public async Task A_database_with_rows_and_a_newer_version_is_left_as_it_is()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var connection = new MySqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new MySqlCommand("""
                INSERT INTO schema_migrations (version, name) VALUES (999, 'from_a_newer_build');
                INSERT INTO shops (source, source_id, shop_name, category, meal_card_acceptance) VALUES ('test', '1', '남아 있을 가게', 'Korean', 'Y');
                """, connection);
            await command.ExecuteNonQueryAsync();
        }

        var applied = await new MigrationRunner(database.ConnectionString).ApplyAsync(MigrationRunner.DefaultDirectory, TextWriter.Null);

        applied.Should().BeEmpty();
        (await database.CountAsync("SELECT COUNT(*) FROM shops WHERE shop_name = '남아 있을 가게'")).Should().Be(1);
    }
}
