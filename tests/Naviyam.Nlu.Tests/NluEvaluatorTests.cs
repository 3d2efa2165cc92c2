using Naviyam.Chat;
using Naviyam.Training;

namespace Naviyam.Nlu.Tests;

public class NluEvaluatorTests
{
    private static EvaluatedExample Line(string goldIntent, Entities gold, string predictedIntent, Entities predicted, double confidence) =>
        new(new LabelledExample("text", goldIntent, gold), new NluResult(predictedIntent, confidence, predicted)) { GoldProbability = 0.5 };

    private static readonly IReadOnlyList<EvaluatedExample> Tiny =
    [
        Line(Intents.FoodRequest, new() { Budget = 5000, BudgetKind = BudgetKinds.Exact, FoodType = "떡볶이" },
            Intents.FoodRequest, new() { Budget = 5000, BudgetKind = BudgetKinds.Exact, FoodType = "떡볶이" }, 0.9),
        Line(Intents.FoodRequest, new() { Budget = 10000, BudgetKind = BudgetKinds.Cap },
            Intents.MenuOption, new() { Budget = 10000, BudgetKind = BudgetKinds.Exact }, 0.3),
        Line(Intents.CouponInquiry, Entities.None,
            Intents.CouponInquiry, new() { Budget = 3000, BudgetKind = BudgetKinds.Exact }, 0.9),
        Line(Intents.CouponInquiry, new() { Budget = 7000, BudgetKind = BudgetKinds.Range },
            Intents.FoodRequest, Entities.None, 0.9),
        Line(Intents.MenuOption, new() { FoodType = "치킨", Exclusions = ["오이", "매운"] },
            Intents.MenuOption, new() { FoodType = "피자", Exclusions = ["매운", "오이"] }, 0.5),
    ];

    [Fact]
    public void Intent_scores_are_exact()
    {
        var metrics = NluEvaluator.Evaluate(Tiny);
        metrics.Count.Should().Be(5);
        metrics.Accuracy.Should().Be(0.6);
        var byIntent = metrics.PerIntent.ToDictionary(s => s.Intent);
        byIntent[Intents.FoodRequest].Should().Be(new IntentScore(Intents.FoodRequest, 2, 2, 0.5, 0.5, 0.5));
        byIntent[Intents.CouponInquiry].Should().Be(new IntentScore(Intents.CouponInquiry, 2, 1, 1, 0.5, 0.6667));
        byIntent[Intents.MenuOption].Should().Be(new IntentScore(Intents.MenuOption, 1, 2, 0.5, 1, 0.6667));
        byIntent[Intents.GeneralChat].Should().Be(new IntentScore(Intents.GeneralChat, 0, 0, 0, 0, 0));
        // Macro-F1 over the three intents that occur: (1/2 + 2/3 + 2/3) / 3.
        metrics.MacroF1.Should().Be(0.6111);
        metrics.Confusions.Should().BeEquivalentTo(
        [
            new Confusion(Intents.CouponInquiry, Intents.FoodRequest, 1),
            new Confusion(Intents.FoodRequest, Intents.MenuOption, 1),
        ]);
    }

    [Fact]
    public void Budget_scores_are_exact()
    {
        var budget = NluEvaluator.Evaluate(Tiny).Budget;
        budget.Should().Be(new BudgetScore(
            GoldBudgetLines: 3, AmountMatches: 2, ExactMatch: 0.6667, AmountAndKindMatches: 1, KindExactMatch: 0.3333,
            NoBudgetLines: 2, FalseBudgets: 1, FalseBudgetRate: 0.5));
        NluEvaluator.BudgetFailures(Tiny).Should().HaveCount(2);
        NluEvaluator.FalseBudgets(Tiny).Should().ContainSingle();
    }

    [Fact]
    public void Entity_families_compare_lines_where_either_side_has_a_value()
    {
        var families = NluEvaluator.Evaluate(Tiny).Entities.ToDictionary(e => e.Family);
        families["food_type"].Should().Be(new EntityFamilyScore("food_type", 2, 2, 1, 0.5));
        // Lists compare as sets.
        families["exclusions"].Should().Be(new EntityFamilyScore("exclusions", 1, 1, 1, 1));
        families["urgency"].Should().Be(new EntityFamilyScore("urgency", 0, 0, 0, 0));
    }

    [Fact]
    public void Calibration_scores_are_exact()
    {
        var calibration = NluEvaluator.Evaluate(Tiny).Calibration;
        // Bins: 0.9 ×3 (2 right) → |2/3 − 0.9|·3/5; 0.3 (wrong) → 0.3·1/5; 0.5 (right) → 0.5·1/5.
        calibration.ExpectedCalibrationError.Should().Be(0.3);
        calibration.ConfidentCoverage.Should().Be(0.8);
        calibration.ConfidentAccuracy.Should().Be(0.75);
        calibration.NegativeLogLikelihood.Should().Be(Math.Round(Math.Log(2), 4));
    }
}
