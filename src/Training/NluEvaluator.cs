using System.Globalization;
using Naviyam.Nlu;
using Naviyam.Chat;
using Naviyam.Nlu.Model;

namespace Naviyam.Training;

public sealed record IntentScore(string Intent, int Support, int Predicted, double Precision, double Recall, double F1);

public sealed record Confusion(string Gold, string Predicted, int Count);

public sealed record EntityFamilyScore(string Family, int GoldSupport, int Compared, int Matches, double ExactMatch);

public sealed record BudgetScore(
    int GoldBudgetLines,
    int AmountMatches,
    double ExactMatch,
    int AmountAndKindMatches,
    double KindExactMatch,
    int NoBudgetLines,
    int FalseBudgets,
    double FalseBudgetRate);

public sealed record CalibrationScore(double ExpectedCalibrationError, double ConfidentCoverage, double ConfidentAccuracy, double? NegativeLogLikelihood);

public sealed record NluMetrics(
    int Count,
    double Accuracy,
    double MacroF1,
    IReadOnlyList<IntentScore> PerIntent,
    IReadOnlyList<Confusion> Confusions,
    BudgetScore Budget,
    IReadOnlyList<EntityFamilyScore> Entities,
    CalibrationScore Calibration);

/// <summary>A gold line with what the NLU said about it.</summary>
public sealed record EvaluatedExample(LabelledExample Gold, NluResult Predicted)
{
    /// <summary>The probability the model gave the gold intent, when known (for the NLL).</summary>
    public double? GoldProbability { get; init; }
}

/// <summary>
/// Scores NLU answers against gold lines: intent accuracy, per-intent precision/recall/F1 and macro-F1,
/// budget exact-match (amount, and amount with kind) over lines with a gold budget, the false-budget rate over
/// lines without one, exact-match per other entity family, and calibration (ECE over 10 bins, the share and
/// accuracy of answers at or above <see cref="NluConfidence.ClarifyThreshold"/>, NLL when probabilities are given).
/// </summary>
public static class NluEvaluator
{
    /// <summary>The entity families compared besides the budget, with their wire names.</summary>
    public static IReadOnlyList<string> EntityFamilies { get; } =
    [
        "food_type", "location_preference", "time_preference", "taste_preference", "companions", "urgency",
        "dietary_restrictions", "portion_size", "exclusions",
    ];

    public static NluMetrics Evaluate(IReadOnlyList<EvaluatedExample> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var intents = Intents.All;
        var confusion = new int[intents.Count, intents.Count];
        var correct = 0;
        foreach (var example in examples)
        {
            var gold = IndexOf(intents, example.Gold.Intent);
            var predicted = IndexOf(intents, example.Predicted.Intent);
            confusion[gold, predicted]++;
            correct += gold == predicted ? 1 : 0;
        }

        var perIntent = new List<IntentScore>();
        var f1s = new List<double>();
        for (var i = 0; i < intents.Count; i++)
        {
            var truePositives = confusion[i, i];
            var support = Enumerable.Range(0, intents.Count).Sum(j => confusion[i, j]);
            var predictedCount = Enumerable.Range(0, intents.Count).Sum(j => confusion[j, i]);
            var precision = Ratio(truePositives, predictedCount);
            var recall = Ratio(truePositives, support);
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perIntent.Add(new IntentScore(intents[i], support, predictedCount, Round(precision), Round(recall), Round(f1)));
            if (support > 0 || predictedCount > 0)
            {
                f1s.Add(f1); // macro-F1 over the intents that occur in the gold lines or the predictions
            }
        }
        var macroF1 = f1s.Count == 0 ? 0 : f1s.Average();

        var confusions = new List<Confusion>();
        for (var i = 0; i < intents.Count; i++)
        {
            for (var j = 0; j < intents.Count; j++)
            {
                if (i != j && confusion[i, j] > 0)
                {
                    confusions.Add(new Confusion(intents[i], intents[j], confusion[i, j]));
                }
            }
        }

        return new NluMetrics(
            examples.Count,
            Round(Ratio(correct, examples.Count)),
            Round(macroF1),
            perIntent,
            confusions.OrderByDescending(c => c.Count).ThenBy(c => c.Gold, StringComparer.Ordinal).ThenBy(c => c.Predicted, StringComparer.Ordinal).ToArray(),
            ScoreBudget(examples),
            EntityFamilies.Select(f => ScoreFamily(examples, f)).ToArray(),
            ScoreCalibration(examples));
    }

    /// <summary>Lines with a gold budget whose extracted amount (or kind) differs: what the budget parser gets wrong.</summary>
    public static IEnumerable<EvaluatedExample> BudgetFailures(IEnumerable<EvaluatedExample> examples) =>
        examples.Where(e => e.Gold.Entities.Budget is not null
            && (e.Predicted.Entities.Budget != e.Gold.Entities.Budget || e.Predicted.Entities.BudgetKind != e.Gold.Entities.BudgetKind));

    /// <summary>Lines without a gold budget where a budget was extracted.</summary>
    public static IEnumerable<EvaluatedExample> FalseBudgets(IEnumerable<EvaluatedExample> examples) =>
        examples.Where(e => e.Gold.Entities.Budget is null && e.Predicted.Entities.Budget is not null);

    /// <summary>The value of one entity family as a comparable string (lists as a sorted set), or null when absent.</summary>
    public static string? FamilyValue(Entities entities, string family)
    {
        ArgumentNullException.ThrowIfNull(entities);
        return family switch
        {
            "food_type" => entities.FoodType,
            "budget" => entities.Budget?.ToString(CultureInfo.InvariantCulture),
            "budget_kind" => entities.BudgetKind,
            "location_preference" => entities.LocationPreference,
            "time_preference" => entities.TimePreference,
            "taste_preference" => entities.TastePreference,
            "companions" => entities.Companions?.ToString(),
            "urgency" => entities.Urgency,
            "dietary_restrictions" => SetValue(entities.DietaryRestrictions),
            "portion_size" => entities.PortionSize,
            "exclusions" => SetValue(entities.Exclusions),
            _ => throw new ArgumentException($"unknown entity family {family}", nameof(family)),
        };
    }

    private static BudgetScore ScoreBudget(IReadOnlyList<EvaluatedExample> examples)
    {
        var withBudget = examples.Where(e => e.Gold.Entities.Budget is not null).ToArray();
        var amountMatches = withBudget.Count(e => e.Predicted.Entities.Budget == e.Gold.Entities.Budget);
        var kindMatches = withBudget.Count(e => e.Predicted.Entities.Budget == e.Gold.Entities.Budget
            && e.Predicted.Entities.BudgetKind == e.Gold.Entities.BudgetKind);
        var without = examples.Count - withBudget.Length;
        var falseBudgets = FalseBudgets(examples).Count();
        return new BudgetScore(
            withBudget.Length, amountMatches, Round(Ratio(amountMatches, withBudget.Length)),
            kindMatches, Round(Ratio(kindMatches, withBudget.Length)),
            without, falseBudgets, Round(Ratio(falseBudgets, without)));
    }

    private static EntityFamilyScore ScoreFamily(IReadOnlyList<EvaluatedExample> examples, string family)
    {
        var support = 0;
        var compared = 0;
        var matches = 0;
        foreach (var example in examples)
        {
            var gold = FamilyValue(example.Gold.Entities, family);
            var predicted = FamilyValue(example.Predicted.Entities, family);
            support += gold is null ? 0 : 1;
            if (gold is null && predicted is null)
            {
                continue;
            }
            compared++;
            matches += gold == predicted ? 1 : 0;
        }
        return new EntityFamilyScore(family, support, compared, matches, Round(Ratio(matches, compared)));
    }

    private static CalibrationScore ScoreCalibration(IReadOnlyList<EvaluatedExample> examples)
    {
        const int bins = 10;
        var count = new int[bins];
        var confidence = new double[bins];
        var correct = new double[bins];
        var confident = 0;
        var confidentCorrect = 0;
        foreach (var example in examples)
        {
            var c = Math.Clamp(example.Predicted.Confidence, 0, 1);
            var bin = Math.Min(bins - 1, (int)(c * bins));
            var right = example.Predicted.Intent == example.Gold.Intent;
            count[bin]++;
            confidence[bin] += c;
            correct[bin] += right ? 1 : 0;
            if (NluConfidence.IsConfident(example.Predicted))
            {
                confident++;
                confidentCorrect += right ? 1 : 0;
            }
        }
        var ece = 0.0;
        for (var b = 0; b < bins; b++)
        {
            if (count[b] > 0)
            {
                ece += (double)count[b] / examples.Count * Math.Abs(correct[b] / count[b] - confidence[b] / count[b]);
            }
        }
        double? nll = examples.Count > 0 && examples.All(e => e.GoldProbability is not null)
            ? Round(examples.Average(e => -Math.Log(Math.Max(e.GoldProbability!.Value, 1e-12))))
            : null;
        return new CalibrationScore(Round(ece), Round(Ratio(confident, examples.Count)), Round(Ratio(confidentCorrect, confident)), nll);
    }

    private static string? SetValue(IReadOnlyList<string>? values) =>
        values is { Count: > 0 } ? string.Join('|', values.Distinct().Order(StringComparer.Ordinal)) : null;

    private static int IndexOf(IReadOnlyList<string> intents, string intent)
    {
        for (var i = 0; i < intents.Count; i++)
        {
            if (intents[i] == intent)
            {
                return i;
            }
        }
        throw new ArgumentException($"unknown intent {intent}", nameof(intent));
    }

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? 0 : (double)numerator / denominator;

    private static double Round(double value) => Math.Round(value, 4, MidpointRounding.ToEven);
}
