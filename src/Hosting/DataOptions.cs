using System.ComponentModel.DataAnnotations;

namespace Naviyam.Hosting;

/// <summary>Bound from <c>Naviyam:Data</c>: what the silo serves when its store starts empty.</summary>
public sealed class DataOptions
{
    public const string Section = "Naviyam:Data";

    /// <summary>Synthetic shops generated when the store is empty (0 turns generation off).</summary>
    [Range(0, 100_000)]
    public int GenerateShops { get; set; } = 3_000;

    /// <summary>Synthetic meal-card users ("demo-1" …) generated alongside.</summary>
    [Range(0, 1_000_000)]
    public int GenerateUsers { get; set; } = 100;

    /// <summary>The generator's seed: the same seed always gives the same city.</summary>
    public int Seed { get; set; } = 20_250_903;
}
