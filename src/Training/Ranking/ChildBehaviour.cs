using Naviyam.Ranking;
using Naviyam.Retrieval;
using Naviyam.Shops;

namespace Naviyam.Training.Ranking;

/// <summary>A simulated child: where they usually are and how they choose. Hidden from every model; only choices are seen.</summary>
public sealed class SimulatedChild
{
    public required string UserId { get; init; }

    public required GeoPoint Home { get; init; }

    /// <summary>A second usual place (school, academy), within about a kilometre of home.</summary>
    public required GeoPoint School { get; init; }

    /// <summary>Liking per <see cref="FoodCategory"/> (index = the enum's value), in utility units.</summary>
    public required float[] Taste { get; init; }

    /// <summary>
    /// With a budget, utility per unit of price over budget above 0.6: positive for a child who wants a full meal for
    /// the money, negative for one who keeps change.
    /// </summary>
    public required float SpendPreference { get; init; }

    /// <summary>Utility lost per kilometre walked (doubled in a hurry).</summary>
    public required float DistanceDecayPerKm { get; init; }

    /// <summary>The budget the child usually names (won).</summary>
    public required int UsualBudget { get; init; }
}

/// <summary>
/// The simulated children's choice model (documented in <c>docs/ranking.md</c>): a random-utility model with
/// per-child tastes and sensitivities, a global category × meal-time and weekend pattern, shop quality, and what
/// every child cares about (closing soon, unknown hours, a card accepted only in part, a wished-for dish). A child
/// picks the examined shop of highest utility plus Gumbel noise (so choice probabilities are a softmax), or none when
/// leaving beats it; the examination of a list position is where position bias enters.
/// </summary>
public static class ChildBehaviour
{
    /// <summary>Utility of leaving without a pick (before its Gumbel noise).</summary>
    public const float OutsideOption = 0.5f;

    /// <summary>P(a child looks at list position p) = p^-0.7: 1, 0.62, 0.46 … 0.2 at the tenth.</summary>
    public const double ExaminationDecay = 0.7;

    /// <summary>Shop quality = <see cref="QualityPerPopularity"/> × (popularity − 1/3) + N(0, <see cref="QualityNoise"/>).</summary>
    public const double QualityPerPopularity = 1.2;
    public const double QualityNoise = 0.5;

    // Category × meal period (breakfast, lunch, afternoon, dinner, late), by FoodCategory value. Chicken and pizza are
    // evening food, bakeries and porridge breakfast, 분식 and cafés the after-school hours, convenience stores late.
    private static readonly float[][] MealTime =
    [
        [0f, 0f, 0f, 0f, 0f],               // Other
        [0.2f, 0.4f, -0.3f, 0.4f, -0.3f],   // Korean
        [-0.2f, 0.4f, 0.7f, 0.1f, 0f],      // Bunsik
        [-0.8f, 0.4f, -0.2f, 0.3f, -0.2f],  // Chinese
        [-0.8f, 0.3f, -0.2f, 0.3f, -0.4f],  // Japanese
        [-0.6f, 0.3f, 0f, 0.3f, -0.4f],     // Western
        [-1.2f, -0.3f, 0f, 0.6f, 0.8f],     // Chicken
        [-1.2f, 0f, 0.1f, 0.6f, 0.3f],      // Pizza
        [-0.2f, 0.4f, 0.4f, 0.2f, 0.3f],    // Burger
        [0.3f, -0.4f, 0.8f, -0.5f, -0.2f],  // CafeDessert
        [0.8f, -0.1f, 0.6f, -0.5f, -0.6f],  // Bakery
        [-0.6f, 0.3f, -0.2f, 0.2f, -0.3f],  // Asian
        [0.6f, 0.4f, -0.3f, 0f, -0.4f],     // LunchboxPorridge
        [0.5f, -0.2f, 0.3f, -0.3f, 0.8f],   // ConvenienceStore
    ];

    // Weekend shift per category: treats and family food on weekends, school-day food less.
    private static readonly float[] WeekendShift = [0f, 0f, 0f, 0.1f, 0f, 0.2f, 0.3f, 0.4f, 0.1f, 0.2f, 0f, 0f, -0.3f, -0.1f];

    public static int Categories => MealTime.Length;

    /// <summary>The deterministic part of a child's utility for one candidate in one situation.</summary>
    public static float Utility(SimulatedChild child, RankingSituation situation, Candidate candidate, float shopQuality) =>
        Utility(child, situation, CandidateFacts.Of(candidate, situation.LocalTime), shopQuality);

    /// <summary>The same from the candidate's facts (what a reply shows about a pick).</summary>
    public static float Utility(SimulatedChild child, RankingSituation situation, in CandidateFacts facts, float shopQuality)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(situation);
        var category = (int)facts.Category < MealTime.Length ? (int)facts.Category : 0;
        var period = WideDeepFeatures.MealPeriod(situation.LocalTime.Hour);
        var weekend = situation.LocalTime.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        var km = (float)((facts.DistanceMeters ?? 1_500) / 1_000);

        var utility = child.Taste[category] + MealTime[category][period] + (weekend ? WeekendShift[category] : 0f) + shopQuality;
        utility -= child.DistanceDecayPerKm * km * (situation.Urgent ? 2f : 1f);
        if (situation.BudgetCap is int cap and > 0 && facts.Price is int price and > 0)
        {
            var ratio = (float)price / cap;
            utility += child.SpendPreference * (ratio - 0.6f) * 2f;
            utility -= situation.Urgent ? 0.8f * ratio : 0f;
        }
        else if (facts.Price is int listed and > 0)
        {
            utility -= 0.5f * Math.Max(0f, listed / 10_000f - 0.7f);
        }
        if (situation.FoodAsked && facts.FoodMatched)
        {
            utility += 1.5f;
        }
        utility += facts.OpenMinutesLeft switch
        {
            null => -0.3f,
            <= 30 => -1.2f,
            <= 60 => -0.4f,
            _ => 0f,
        };
        utility += facts.MealCard == MealCardAcceptance.Yes ? 0f : -0.6f;
        utility += facts.GoodInfluence ? 0.25f : 0f;
        utility += facts.PriceKnown ? 0f : -0.5f;
        return utility;
    }

    /// <summary>Weekday liking per meal period, for the child's own wish in a session.</summary>
    public static float MealTimeLiking(int category, int period) => MealTime[category][period];

    /// <summary>The candidate a child picks seeing them all: the highest utility plus Gumbel noise (never leaving).</summary>
    public static int ChooseSeeingAll(float[] utilities, Random random)
    {
        ArgumentNullException.ThrowIfNull(utilities);
        ArgumentNullException.ThrowIfNull(random);
        var best = 0;
        var bestValue = double.NegativeInfinity;
        for (var i = 0; i < utilities.Length; i++)
        {
            var value = utilities[i] + Gumbel(random);
            if (value > bestValue)
            {
                (best, bestValue) = (i, value);
            }
        }
        return best;
    }

    /// <summary>
    /// The list position (0-based) a child picks from a list whose utilities are given in list order, or null when
    /// nothing they look at (<see cref="Examination"/>) beats leaving (<see cref="OutsideOption"/> plus noise).
    /// </summary>
    public static int? ChooseFromList(IReadOnlyList<float> utilitiesInListOrder, Random random)
    {
        ArgumentNullException.ThrowIfNull(utilitiesInListOrder);
        ArgumentNullException.ThrowIfNull(random);
        int? best = null;
        var bestValue = OutsideOption + Gumbel(random);
        for (var p = 0; p < utilitiesInListOrder.Count; p++)
        {
            var noise = Gumbel(random);
            if (random.NextDouble() >= Examination(p + 1))
            {
                continue;
            }
            var value = utilitiesInListOrder[p] + noise;
            if (value > bestValue)
            {
                (best, bestValue) = (p, value);
            }
        }
        return best;
    }

    public static double Gumbel(Random random) => -Math.Log(-Math.Log(Math.Max(random.NextDouble(), 1e-12)));

    public static double Examination(int position) => Math.Pow(position, -ExaminationDecay);
}
