using System.ComponentModel.DataAnnotations;

namespace Naviyam.Infrastructure.MySql;

/// <summary>Bound from <c>Naviyam:Catalog</c>.</summary>
public sealed class CatalogSyncOptions
{
    public const string Section = "Naviyam:Catalog";

    /// <summary>How often each silo looks for shops changed on other silos.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(2);
}
