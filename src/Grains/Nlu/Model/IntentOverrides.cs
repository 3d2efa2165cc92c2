using Naviyam.Chat;
using Naviyam.Lexicons;
using Naviyam.Preprocessing;

namespace Naviyam.Nlu.Model;

/// <summary>
/// A rule from <c>docs/nlu-labelling.md</c> that is certain enough to overrule the learned model: when it
/// matches, <see cref="Intent"/> is the answer whatever the model says.
/// </summary>
public sealed record IntentOverride(string Name, string Intent, Func<PreprocessedText, Entities, bool> Matches);

/// <summary>
/// The rule overrides. Only rules whose precision on train + dev is (near) perfect belong in
/// <see cref="Default"/>; <see cref="Candidates"/> also lists the ones that were measured and rejected, so that
/// the measurement can be repeated (<c>NluTrainingCommand.Tune</c> prints it).
/// </summary>
public static class IntentOverrides
{
    public const string ZeroBudget = "zero_budget";
    public const string Plea = "plea";
    public const string SkippedMealWithoutAmount = "skipped_meal_without_amount";
    public const string Coupon = "coupon";
    public const string HeadCountGroup = "head_count_group";
    public const string StatedAmount = "stated_amount";
    public const string StatedAmountAlone = "stated_amount_alone";

    // The plea list without the polite request words (부탁드려요, 제발요, 어떡해요) that also end ordinary requests.
    private static readonly string[] PoliteOnly = ["부탁드려요", "부탁이에요", "제발요", "어떡해요", "어떡하죠", "어떻게해야"];

    /// <summary>The names of the overrides the engine applies, in precedence order.</summary>
    public static IReadOnlyList<string> DefaultNames { get; } = [ZeroBudget, Plea, SkippedMealWithoutAmount, Coupon, StatedAmountAlone];

    public static IReadOnlyList<IntentOverride> Default(CueLexicon cues) =>
        Candidates(cues).Where(o => DefaultNames.Contains(o.Name)).ToArray();

    /// <summary>Every rule considered, in the labelling rules' precedence order.</summary>
    public static IReadOnlyList<IntentOverride> Candidates(CueLexicon cues)
    {
        ArgumentNullException.ThrowIfNull(cues);
        return
        [
            // 1. No money (돈 없어, 0원, 잔액 없음) is always emergency_food, even with a coupon question.
            new(ZeroBudget, Intents.EmergencyFood, (_, e) => e.Budget == 0),
            // 1. An explicit plea or physical distress (도와주세요, 손 떨려요) wins even over a small amount.
            new(Plea, Intents.EmergencyFood, (t, _) => IsPlea(cues, t.Compact)),
            // 1. A skipped meal without a non-zero amount.
            //    "매운 거 못 먹어" and "돼지고기 못 먹음" say what the user cannot eat, "배불러서 못 먹겠다" that they are full.
            new(SkippedMealWithoutAmount, Intents.EmergencyFood,
                (t, e) => e.Budget is null && (cues.Any("skipped_meal", t.Compact) || t.Has(Signals.SkippedMeal))
                    && e.Exclusions is null && e.DietaryRestrictions is null && e.TastePreference is null
                    && !t.Compact.Contains("배불", StringComparison.Ordinal) && !t.Compact.Contains("배부르", StringComparison.Ordinal)),
            // 2. Coupons, discounts, events, stamps, points.
            new(Coupon, Intents.CouponInquiry, (t, _) => IsCoupon(cues, t)),
            // 3. Three or more people counted.
            new(HeadCountGroup, Intents.GroupDining, (t, _) => NgramFeaturizer.HeadCount(t.Normalized, t.Compact) is >= 3),
            // 4. A stated non-zero amount of the user's money.
            new(StatedAmount, Intents.BudgetInquiry, (_, e) => e.Budget is > 0),
            // 4. ... when nothing hints at several people (group_dining comes first).
            new(StatedAmountAlone, Intents.BudgetInquiry,
                (t, e) => e.Budget is > 0 && !cues.Any("group", t.Compact) && NgramFeaturizer.HeadCount(t.Normalized, t.Compact) is null
                    && e.Companions is null),
        ];
    }

    /// <summary>
    /// A coupon word, where the short ones (도장, 적립) must begin a word: "태권도장" is a gym and "지금도 장사해?" is
    /// about opening hours, though their space-free spellings contain 도장.
    /// </summary>
    private static bool IsCoupon(CueLexicon cues, PreprocessedText text)
    {
        foreach (var phrase in cues["coupon"])
        {
            var at = text.Compact.IndexOf(phrase, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }
            if (phrase.Length > 2 || StartsAWord(text.Normalized, phrase))
            {
                return true;
            }
        }
        return false;
    }

    private static bool StartsAWord(string normalized, string phrase)
    {
        for (var at = normalized.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = normalized.IndexOf(phrase, at + 1, StringComparison.Ordinal))
        {
            if (at == 0 || !char.IsLetterOrDigit(normalized[at - 1]))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsPlea(CueLexicon cues, string compact)
    {
        foreach (var phrase in cues["plea"])
        {
            if (!PoliteOnly.Contains(phrase) && compact.Contains(phrase, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }
}
