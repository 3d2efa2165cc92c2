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

    public string RequireConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"Naviyam:Storage:Mode is MySql but ConnectionStrings:{ConnectionStringName} is not set "
                + "(e.g. --ConnectionStrings:Naviyam=\"Server=127.0.0.1;Port=3306;Database=naviyam;User ID=naviyam;Password=...\").");
}
