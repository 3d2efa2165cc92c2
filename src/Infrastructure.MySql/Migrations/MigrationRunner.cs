using System.Globalization;
using System.Text.RegularExpressions;
using MySqlConnector;

namespace Naviyam.Infrastructure.MySql.Migrations;

/// <summary>One versioned file of <c>sql/migrations</c>: <c>V007__coupons_and_orders.sql</c>.</summary>
public sealed partial record Migration(int Version, string Name, string Path)
{
    public static IReadOnlyList<Migration> Discover(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Migration folder {directory} does not exist.");
        }
        var migrations = Directory.EnumerateFiles(directory, "V*.sql")
            .Select(path => (Path: path, Match: FileName().Match(System.IO.Path.GetFileName(path))))
            .Where(file => file.Match.Success)
            .Select(file => new Migration(
                int.Parse(file.Match.Groups["version"].Value, CultureInfo.InvariantCulture),
                file.Match.Groups["name"].Value,
                file.Path))
            .OrderBy(m => m.Version)
            .ToList();
        var duplicate = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidDataException($"Two migrations share version {duplicate.Key}: {string.Join(", ", duplicate.Select(m => m.Name))}.");
        }
        return migrations;
    }

    [GeneratedRegex(@"^V(?<version>\d+)__(?<name>[A-Za-z0-9_]+)\.sql$")]
    private static partial Regex FileName();
}

/// <summary>
/// Applies migrations in order and records each in <c>schema_migrations</c>. Safe to run twice: applied versions
/// are skipped, and a database already holding rows (and newer versions) is left as it is.
/// </summary>
public sealed class MigrationRunner(string connectionString)
{
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "sql", "migrations");

    public async Task<IReadOnlyList<Migration>> ApplyAsync(string directory, TextWriter output, CancellationToken cancellationToken = default)
    {
        var migrations = Migration.Discover(directory);
        // Routines may use session variables (@v); only this connection needs to allow them.
        var builder = new MySqlConnectionStringBuilder(connectionString) { AllowUserVariables = true };
        await using var connection = new MySqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version INT NOT NULL PRIMARY KEY,
                name VARCHAR(200) NOT NULL,
                applied_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
            """, cancellationToken);

        // One runner at a time: two silos starting together must not both apply V005.
        await using (var lockCommand = new MySqlCommand("SELECT GET_LOCK('naviyam_migrations', 60)", connection))
        {
            if (Convert.ToInt32(await lockCommand.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) != 1)
            {
                throw new TimeoutException("Another migration run holds the lock for more than 60 s.");
            }
        }
        try
        {
            var applied = await AppliedVersionsAsync(connection, cancellationToken);
            var newlyApplied = new List<Migration>();
            foreach (var migration in migrations.Where(m => !applied.Contains(m.Version)))
            {
                var script = await File.ReadAllTextAsync(migration.Path, cancellationToken);
                foreach (var statement in SqlScript.Split(script))
                {
                    await ExecuteAsync(connection, statement, cancellationToken);
                }
                await using var record = new MySqlCommand("INSERT INTO schema_migrations (version, name) VALUES (@version, @name)", connection);
                record.Parameters.AddWithValue("@version", migration.Version);
                record.Parameters.AddWithValue("@name", migration.Name);
                await record.ExecuteNonQueryAsync(cancellationToken);
                output.WriteLine($"applied V{migration.Version:000} {migration.Name}");
                newlyApplied.Add(migration);
            }
            var newest = applied.Count > 0 ? applied.Max() : 0;
            if (newest > migrations.Select(m => m.Version).DefaultIfEmpty(0).Max())
            {
                output.WriteLine($"note: the database has version {newest}, newer than this build knows; nothing to undo.");
            }
            output.WriteLine(newlyApplied.Count == 0 ? "schema is up to date" : $"{newlyApplied.Count} migration(s) applied");
            return newlyApplied;
        }
        finally
        {
            await using var unlock = new MySqlCommand("SELECT RELEASE_LOCK('naviyam_migrations')", connection);
            await unlock.ExecuteScalarAsync(CancellationToken.None);
        }
    }

    private static async Task<HashSet<int>> AppliedVersionsAsync(MySqlConnection connection, CancellationToken cancellationToken)
    {
        var versions = new HashSet<int>();
        await using var command = new MySqlCommand("SELECT version FROM schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(reader.GetInt32(0));
        }
        return versions;
    }

    private static async Task ExecuteAsync(MySqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new MySqlCommand(sql, connection) { CommandTimeout = 300 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
