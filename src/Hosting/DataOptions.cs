namespace Naviyam.Hosting;

/// <summary>
/// Bound from <c>Naviyam:Data</c> and <c>Naviyam:Import</c>: what the silo serves when its store starts empty.
/// </summary>
public sealed class DataOptions
{
    public const string Section = "Naviyam:Data";
    public const string ImportSection = "Naviyam:Import";

    /// <summary>Synthetic shops generated when the store is empty (0 turns generation off).</summary>
    public int GenerateShops { get; set; } = 3_000;

    /// <summary>Synthetic meal-card users ("demo-1" …) generated alongside.</summary>
    public int GenerateUsers { get; set; } = 100;

    /// <summary>The generator's seed: the same seed always gives the same city.</summary>
    public int Seed { get; set; } = 20_250_903;
}

/// <summary>Bound from <c>Naviyam:Storage</c>: the one switch between the embedded default and MySQL.</summary>
public sealed class StorageOptions
{
    public const string Section = "Naviyam:Storage";

    /// <summary>"Memory" (embedded default: localhost clustering, in-memory storage) or "MySql".</summary>
    public string Mode { get; set; } = "Memory";

    public bool IsMySql => string.Equals(Mode, "MySql", StringComparison.OrdinalIgnoreCase);

    /// <summary>Apply pending migrations when the silo starts (development and tests; production runs `migrate`).</summary>
    public bool MigrateOnStart { get; set; }

    /// <summary>Orleans' name for MySqlConnector (Orleans loads the driver itself).</summary>
    public const string AdoNetInvariant = "MySql.Data.MySqlConnector";

    /// <summary>The name under <c>ConnectionStrings</c> used in MySQL mode.</summary>
    public const string ConnectionStringName = "Naviyam";

    public string RequireConnectionString(Microsoft.Extensions.Configuration.IConfiguration configuration) =>
        Microsoft.Extensions.Configuration.ConfigurationExtensions.GetConnectionString(configuration, ConnectionStringName) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"Naviyam:Storage:Mode is MySql but ConnectionStrings:{ConnectionStringName} is not set "
                + "(e.g. --ConnectionStrings:Naviyam=\"Server=127.0.0.1;Port=3306;Database=naviyam;User ID=naviyam;Password=...\").");
}

/// <summary>Bound from <c>Naviyam:Silo</c>: ports, offset by an instance number so several silos share a host.</summary>
public sealed class SiloOptions
{
    public const string Section = "Naviyam:Silo";

    public int Instance { get; set; }

    public int SiloPort { get; set; } = 11_111;

    public int GatewayPort { get; set; } = 30_000;

    public string ClusterId { get; set; } = "naviyam";

    public string ServiceId { get; set; } = "naviyam";

    /// <summary>Orleans rejects reminder periods under a minute by default; tests lower it.</summary>
    public TimeSpan? MinimumReminderPeriod { get; set; }

    /// <summary>The address other silos reach this one at (a container's name resolves elsewhere); loopback when unset.</summary>
    public string? AdvertisedAddress { get; set; }
}
