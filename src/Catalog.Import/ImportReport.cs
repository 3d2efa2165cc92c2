using System.Globalization;

namespace Naviyam.Catalog.Import;

/// <summary>What an import did, in the words the <c>import</c> command prints and the start-up log writes.</summary>
public static class ImportReport
{
    /// <summary>The report's lines: shops and rejected rows, merges, positions, flags.</summary>
    public static IReadOnlyList<string> Lines(ImportResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var shops = result.Shops;
        var locations = result.Locations;
        return
        [
            $"{N(shops.Count)} shops; {N(result.Rejected.Count)} rows rejected",
            $"one shop once: {N(result.MergedById)} rows merged by id, {N(result.MergedByNameAndAddress)} shops merged by name and address",
            $"positions: {N(locations.Consistent)} coordinates agree with the address, "
            + $"{N(locations.Relocated)} coordinates outside the address's 시군구 (flagged, moved to the address's area), "
            + $"{N(locations.FromAddress)} placed by the address alone, {N(locations.Unverified)} unchecked (the address names no 시군구), "
            + $"{N(locations.Unplaced)} without a position; {N(shops.Count(s => s.LocationApproximate))} shops approximate",
            $"with menus: {N(shops.Count(s => s.Menus.Count > 0))}, with hours: {N(shops.Count(s => s.Hours is not null))}, "
            + $"not for children: {N(shops.Count(s => s.NotForChildren))} (menu mostly alcohol: {N(result.MostlyAlcoholShopIds.Count)})",
        ];
    }

    /// <summary>The report on one line (for a log).</summary>
    public static string Describe(ImportResult result) => string.Join("; ", Lines(result));

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
