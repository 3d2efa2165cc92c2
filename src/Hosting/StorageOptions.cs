using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Naviyam.Hosting;

/// <summary>Bound from <c>Naviyam:Storage</c>: the one switch between the embedded default and MySQL.</summary>
public sealed class StorageOptions
{
    public const string Section = "Naviyam:Storage";

    /// <summary>Orleans' name for MySqlConnector (Orleans loads the driver itself).</summary>
    public const string AdoNetInvariant = "MySql.Data.MySqlConnector";

    /// <summary>The name under <c>ConnectionStrings</c> used in MySQL mode.</summary>
    public const string ConnectionStringName = "Naviyam";

    /// <summary>"Memory" (embedded default: localhost clustering, in-memory storage) or "MySql".</summary>
    [RegularExpression("(?i)^(memory|mysql)$", ErrorMessage = "Naviyam:Storage:Mode is Memory or MySql.")]
    public string Mode { get; set; } = "Memory";

    public bool IsMySql => string.Equals(Mode, "MySql", StringComparison.OrdinalIgnoreCase);

    /// <summary>Apply pending migrations when the silo starts (development and tests; production runs `migrate`).</summary>
    public bool MigrateOnStart { get; set; }

    /// <summary>
    /// How long opening a connection may take before it fails (MySqlConnector's default is 15 s): a stopped or frozen
    /// database is noticed in seconds. The connection string's own <c>Connection Timeout</c> wins when it sets one.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one command may run (<c>Default Command Timeout</c>, unless the connection string sets it).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>MySQL mode's connection string with the timeouts above applied where it sets none.</summary>
    public string RequireConnectionString(IConfiguration configuration)
    {
        var builder = new MySqlConnector.MySqlConnectionStringBuilder(RequireConfiguredConnectionString(configuration));
        var given = builder.ConnectionString.ToUpperInvariant();
        if (!given.Contains("CONNECTION TIMEOUT", StringComparison.Ordinal) && !given.Contains("CONNECT TIMEOUT", StringComparison.Ordinal))
        {
            builder.ConnectionTimeout = (uint)Math.Ceiling(ConnectTimeout.TotalSeconds);
        }
        if (!given.Contains("COMMAND TIMEOUT", StringComparison.Ordinal))
        {
            builder.DefaultCommandTimeout = (uint)Math.Ceiling(CommandTimeout.TotalSeconds);
        }
        return builder.ConnectionString;
    }

    private static string RequireConfiguredConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"Naviyam:Storage:Mode is MySql but ConnectionStrings:{ConnectionStringName} is not set "
                + "(e.g. --ConnectionStrings:Naviyam=\"Server=127.0.0.1;Port=3306;Database=naviyam;User ID=naviyam;Password=...\").");
}
