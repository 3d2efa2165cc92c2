namespace Naviyam.Silo.Hosting;

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
}
