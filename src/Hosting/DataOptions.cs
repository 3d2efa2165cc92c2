using System.ComponentModel.DataAnnotations;

namespace Naviyam.Hosting;

/// <summary>Bound from <c>Naviyam:Data</c>: the synthetic city a silo generates when its store starts empty.</summary>
public sealed class DataOptions
{
    public const string Section = "Naviyam:Data";

    /// <summary>The synthetic city's size when nothing says otherwise and no merchant list is imported.</summary>
    public const int DefaultShops = 3_000;

    /// <summary>
    /// Synthetic shops generated when the store is empty. Unset means <see cref="DefaultShops"/> when no list is
    /// imported and none when one is (real lists are served alone); an explicit value is obeyed either way (0 turns
    /// generation off).
    /// </summary>
    [Range(0, 100_000)]
    public int? GenerateShops { get; set; }

    /// <summary>Synthetic meal-card users ("demo-1" …) generated alongside the shops.</summary>
    [Range(0, 1_000_000)]
    public int GenerateUsers { get; set; } = 100;

    /// <summary>The generator's seed: the same seed always gives the same city.</summary>
    public int Seed { get; set; } = 20_250_903;

    /// <summary>How many synthetic shops to generate into an empty store, given whether any list is imported.</summary>
    public int ShopsToGenerate(bool importsConfigured) => GenerateShops ?? (importsConfigured ? 0 : DefaultShops);
}
