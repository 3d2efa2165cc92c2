using System.Globalization;

namespace Naviyam.Catalog;

/// <summary>Which merchant sources a catalog serves, with their shop counts: what the start-up log and <c>/health</c> say.</summary>
public static class MerchantSources
{
    /// <summary>The source of the synthetic city, always reported so that "0" says plainly that no fake shop is served.</summary>
    public const string Generated = "generated";

    /// <summary>Shops per source ("jeju", "national", "seoul", "peer", "generated"), in ordinal order, with <see cref="Generated"/> always present.</summary>
    public static IReadOnlyDictionary<string, int> Count(IShopCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal) { [Generated] = 0 };
        foreach (var shop in catalog.All())
        {
            counts[shop.Source] = counts.GetValueOrDefault(shop.Source) + 1;
        }
        return counts;
    }

    /// <summary>"generated 0, jeju 2,006".</summary>
    public static string Describe(IReadOnlyDictionary<string, int> counts) =>
        string.Join(", ", counts.Select(pair => $"{pair.Key} {pair.Value.ToString("N0", CultureInfo.InvariantCulture)}"));
}
