using Naviyam.Cards;
using Naviyam.Coupons;
using Naviyam.Shops;

namespace Naviyam.Catalog.Import;

/// <summary>What one import produced: the shops (already merged by id) and the rows it could not use.</summary>
public sealed record ImportResult(IReadOnlyList<ShopRecord> Shops, IReadOnlyList<RejectedRow> Rejected)
{
    public static ImportResult Empty { get; } = new([], []);

    /// <summary>The shops made not-for-children because their menu is mostly alcohol (each id once).</summary>
    public IReadOnlyCollection<string> MostlyAlcoholShopIds { get; init; } = [];

    /// <summary>Rows merged into an earlier row with the same id (in one file, or in another file or list of the same import).</summary>
    public int MergedById { get; init; }

    /// <summary>Shops merged into an earlier shop of another id with the same name and address (<c>ShopIdentity</c>).</summary>
    public int MergedByNameAndAddress { get; init; }

    /// <summary>What the check of coordinates against addresses decided (<see cref="ShopLocator"/>); none before it runs.</summary>
    public LocationCounts Locations { get; init; } = LocationCounts.None;

    /// <summary>Meal-card accounts a source carries beside its shops (the prototype's sample tables).</summary>
    public IReadOnlyList<FoodCardAccount> Accounts { get; init; } = [];

    /// <summary>Coupon definitions a source carries beside its shops (the prototype's sample tables).</summary>
    public IReadOnlyList<Coupon> Coupons { get; init; } = [];
}

/// <summary>
/// A source row that did not become a shop. <paramref name="Line"/> is the 1-based physical line where the
/// record starts (0 when the source has no lines, e.g. a JSON array element); <paramref name="Raw"/> is the
/// record text, cut to <see cref="MaxRawLength"/> characters.
/// </summary>
public sealed record RejectedRow(int Line, string Reason, string Raw)
{
    public const int MaxRawLength = 500;

    public static RejectedRow Create(int line, string reason, string raw) =>
        new(line, reason, raw.Length <= MaxRawLength ? raw : raw[..MaxRawLength] + "…");
}
