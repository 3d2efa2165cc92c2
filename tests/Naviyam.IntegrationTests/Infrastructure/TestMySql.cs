using MySqlConnector;
using Naviyam.Infrastructure.MySql.Migrations;

namespace Naviyam.IntegrationTests.Infrastructure;

/// <summary>
/// A fresh database on the private MariaDB that <c>scripts/test.sh</c> starts (NAVIYAM_TEST_MYSQL), migrated,
/// and dropped afterwards. Without that server the MySQL tests fail and say how to run them.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("NAVIYAM_TEST_MYSQL") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                "NAVIYAM_TEST_MYSQL is not set: run the tests with scripts/test.sh, which starts a private MariaDB.");

    public static async Task<TestDatabase> CreateAsync(bool migrate = true)
    {
        var name = "naviyam_t" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new MySqlConnection(ServerConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new MySqlCommand($"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci", connection);
            await create.ExecuteNonQueryAsync();
        }
        var connectionString = new MySqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString;
        var database = new TestDatabase(name, connectionString);
        if (migrate)
        {
            await new MigrationRunner(connectionString).ApplyAsync(MigrationRunner.DefaultDirectory, TextWriter.Null);
        }
        return database;
    }

    public async Task<long> CountAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new MySqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
        foreach (var (parameterName, value) in parameters)
        {
            command.Parameters.AddWithValue(parameterName, value);
        }
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new MySqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await using var connection = new MySqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var drop = new MySqlCommand($"DROP DATABASE IF EXISTS `{Name}`", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
