using Naviyam.Retrieval;
using Naviyam.Shops;

namespace Naviyam.Ranking;

/// <summary>
/// The features every scorer sees, in this order. Values are in 0..1 so that a heuristic and a learned
/// model read the same matrix.
/// </summary>
public static class RankingFeatures
{
    public const int BudgetFit = 0;
    public const int OpenNow = 1;
    public const int MealCard = 2;
    public const int Nearness = 3;
    public const int Popularity = 4;
    public const int FoodMatch = 5;
    public const int PriceKnown = 6;
    public const int GoodInfluence = 7;
    public const int Count = 8;

    /// <summary>Distance at which nearness halves, in meters: a short walk for a child.</summary>
    private const double NearnessHalfLifeMeters = 800;

    public static float[] Build(IReadOnlyList<Candidate> candidates, int? budgetCap)
    {
        var features = new float[candidates.Count * Count];
        for (var row = 0; row < candidates.Count; row++)
        {
            var candidate = candidates[row];
            var offset = row * Count;
            // A shop without prices is judged by what its kind usually charges; PriceKnown keeps it below a real price.
            // What the user pays: after the coupon that makes the meal fit.
            features[offset + BudgetFit] = (float)BudgetFitOf(candidate.FinalPrice ?? candidate.TypicalPrice, budgetCap);
            features[offset + OpenNow] = candidate.OpenNow switch { true => 1f, null => 0.4f, false => 0f };
            features[offset + MealCard] = candidate.Shop.MealCard == MealCardAcceptance.Yes ? 1f : 0.6f;
            features[offset + Nearness] = candidate.DistanceMeters is { } meters
                ? (float)Math.Pow(0.5, meters / NearnessHalfLifeMeters)
                : 0.5f;
            features[offset + Popularity] = (float)Math.Clamp(candidate.Shop.Popularity, 0, 1);
            features[offset + FoodMatch] = candidate.FoodMatched ? 1f : 0f;
            features[offset + PriceKnown] = candidate.Meal?.Price is > 0 ? 1f : 0f;
            features[offset + GoodInfluence] = candidate.Shop.IsGoodInfluenceShop ? 1f : 0f;
        }
        return features;
    }

    /// <summary>
    /// 1 when the meal uses most of the budget without going over (a full meal for the money),
    /// lower for far cheaper items; 0.5 when there is no budget to compare with.
    /// </summary>
    private static double BudgetFitOf(int? price, int? cap)
    {
        if (price is not { } p || cap is not { } c || c <= 0)
        {
            return 0.5;
        }
        var ratio = (double)p / c;
        return ratio > 1 ? 0 : 0.4 + 0.6 * ratio;
    }
}
