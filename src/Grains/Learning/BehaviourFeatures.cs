using Naviyam.Catalog;
using Naviyam.Ranking;
using Naviyam.Time;

namespace Naviyam.Learning;

/// <summary>
/// One <c>feature_vectors</c> row: named numbers (<c>feature_vector_dense</c>) and named distributions
/// (<c>feature_vector_sparse</c>: category shares, meal-time shares, shops ordered from).
/// </summary>
public sealed record FeatureVector(
    string EntityType,
    string EntityId,
    IReadOnlyDictionary<string, double> Dense,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Sparse)
{
    public const string User = "user";
    public const string Shop = "shop";

    /// <summary>Bumped whenever a feature's meaning changes; rows of another version are not read.</summary>
    public const string Version = "behaviour-v1";

    public double this[string name] => Dense.GetValueOrDefault(name);

    public IReadOnlyDictionary<string, double> Distribution(string name) =>
        Sparse.GetValueOrDefault(name) ?? new Dictionary<string, double>();
}

/// <summary>
/// The spec's user- and shop-level features, computed from the behaviour log (orders and reactions to picks): order
/// counts, how cheap a child's meals are (price sensitivity), category preferences, meal-time patterns, popularity and
/// repeat rates. Pure: the refresh grain feeds it the log and stores what it returns.
/// </summary>
public static class BehaviourFeatures
{
    /// <summary>Price of a typical child's meal: paid amounts are read against it.</summary>
    private const double TypicalMealWon = 10_000;

    public static readonly string[] MealPeriods = ["breakfast", "lunch", "afternoon", "dinner", "late"];

    public static IReadOnlyList<FeatureVector> Compute(IReadOnlyList<InteractionRecord> interactions, IShopCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        ArgumentNullException.ThrowIfNull(catalog);
        var vectors = new List<FeatureVector>();
        var chosen = interactions.Where(i => i.ShopId is not null && i.Type is InteractionTypes.Order or InteractionTypes.Selection).ToList();
        var orders = interactions.Where(i => i.Type == InteractionTypes.Order && i.ShopId is not null).ToList();
        foreach (var user in interactions.GroupBy(i => i.UserId, StringComparer.Ordinal))
        {
            var userOrders = user.Where(i => i.Type == InteractionTypes.Order && i.ShopId is not null).OrderBy(i => i.At).ToList();
            var userChosen = user.Where(i => i.ShopId is not null && i.Type is InteractionTypes.Order or InteractionTypes.Selection).ToList();
            var paid = userOrders.Where(o => o.Amount is not null).Select(o => (double)o.Amount!.Value).ToList();
            var avgPaid = paid.Count > 0 ? paid.Average() : 0;
            var clicks = user.Count(i => InteractionTypes.Clicks.Contains(i.Type));
            vectors.Add(new FeatureVector(FeatureVector.User, user.Key,
                new Dictionary<string, double>
                {
                    ["order_count"] = userOrders.Count,
                    ["selection_count"] = user.Count(i => i.Type == InteractionTypes.Selection),
                    ["rejection_count"] = user.Count(i => i.Type == InteractionTypes.Feedback),
                    ["click_count"] = clicks,
                    ["avg_paid"] = Math.Round(avgPaid),
                    // 1 for a child whose meals cost nothing, 0 at or above a typical meal: how much they keep the price down.
                    ["price_sensitivity"] = paid.Count > 0 ? Math.Clamp(1 - avgPaid / TypicalMealWon, 0, 1) : 0,
                    ["repeat_rate"] = RepeatShare(userOrders.Select(o => o.ShopId!)),
                },
                new Dictionary<string, IReadOnlyDictionary<string, double>>
                {
                    ["categories"] = Shares(userChosen.Select(i => CategoryOf(catalog, i.ShopId!))),
                    ["meal_periods"] = Shares(user.Select(i => MealPeriods[WideDeepFeatures.MealPeriod(SeoulClock.ToSeoul(i.At).Hour)])),
                    ["shops"] = Shares(userChosen.Select(i => i.ShopId!)),
                }));
        }
        var maxOrders = orders.GroupBy(o => o.ShopId).Select(g => g.Count()).DefaultIfEmpty(0).Max();
        foreach (var shop in interactions.Where(i => i.ShopId is not null).GroupBy(i => i.ShopId!, StringComparer.Ordinal))
        {
            var shopOrders = shop.Where(i => i.Type == InteractionTypes.Order).ToList();
            var byUser = shopOrders.GroupBy(o => o.UserId).ToList();
            var go = shop.Count(i => i.Type == InteractionTypes.Selection);
            var other = shop.Count(i => i.Type == InteractionTypes.Feedback);
            vectors.Add(new FeatureVector(FeatureVector.Shop, shop.Key,
                new Dictionary<string, double>
                {
                    ["order_count"] = shopOrders.Count,
                    ["unique_users"] = byUser.Count,
                    ["popularity"] = maxOrders == 0 ? 0 : (double)shopOrders.Count / maxOrders,
                    ["repeat_rate"] = byUser.Count == 0 ? 0 : (double)byUser.Count(g => g.Count() > 1) / byUser.Count,
                    ["go_rate"] = go + other == 0 ? 0 : (double)go / (go + other),
                    ["chosen_count"] = chosen.Count(i => i.ShopId == shop.Key),
                },
                new Dictionary<string, IReadOnlyDictionary<string, double>>
                {
                    ["meal_periods"] = Shares(shopOrders.Select(i => MealPeriods[WideDeepFeatures.MealPeriod(SeoulClock.ToSeoul(i.At).Hour)])),
                }));
        }
        return vectors;
    }

    private static string CategoryOf(IShopCatalog catalog, string shopId) =>
        catalog.TryGet(shopId, out var shop) ? shop.Category.ToString() : "unknown";

    /// <summary>Share of orders that went to a shop the user had ordered from before.</summary>
    private static double RepeatShare(IEnumerable<string> shopsInOrder)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int total = 0, repeats = 0;
        foreach (var shop in shopsInOrder)
        {
            total++;
            if (!seen.Add(shop))
            {
                repeats++;
            }
        }
        return total == 0 ? 0 : (double)repeats / total;
    }

    private static IReadOnlyDictionary<string, double> Shares(IEnumerable<string> values)
    {
        var counts = values.GroupBy(v => v, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (double)g.Count(), StringComparer.Ordinal);
        var total = counts.Values.Sum();
        return total == 0 ? counts : counts.ToDictionary(p => p.Key, p => Math.Round(p.Value / total, 4), StringComparer.Ordinal);
    }
}
