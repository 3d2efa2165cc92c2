using System.ComponentModel.DataAnnotations;

namespace Naviyam.Hosting;

/// <summary>Bound from <c>Naviyam:Silo</c>: ports, offset by an instance number so several silos share a host.</summary>
public sealed class SiloOptions
{
    public const string Section = "Naviyam:Silo";

    [Range(0, 1_000)]
    public int Instance { get; set; }

    [Range(1, 65_535)]
    public int SiloPort { get; set; } = 11_111;

    [Range(1, 65_535)]
    public int GatewayPort { get; set; } = 30_000;

    [Required(AllowEmptyStrings = false)]
    public string ClusterId { get; set; } = "naviyam";

    [Required(AllowEmptyStrings = false)]
    public string ServiceId { get; set; } = "naviyam";

    /// <summary>Orleans rejects reminder periods under a minute by default; tests lower it.</summary>
    public TimeSpan? MinimumReminderPeriod { get; set; }

    /// <summary>The address other silos reach this one at (a container's name resolves elsewhere); loopback when unset.</summary>
    public string? AdvertisedAddress { get; set; }
}
