using System.Globalization;
using Naviyam.Nlu;
using Naviyam.Nlu.Model;

namespace Naviyam.Training;

/// <summary>Prints <see cref="NluMetrics"/> for people.</summary>
public static class NluReport
{
    public static void Write(TextWriter output, string split, NluMetrics metrics) => Write(output, split, metrics, run: null, details: false);

    internal static void Write(TextWriter output, string split, NluMetrics metrics, SplitRun? run, bool details = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(metrics);
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"== {split}: {metrics.Count} lines =="));
        var alone = run is null ? "" : string.Create(c, $" (model alone: accuracy {run.ModelOnly.Accuracy:P2}, macro-F1 {run.ModelOnly.MacroF1:F4})");
        output.WriteLine(string.Create(c, $"intent accuracy {metrics.Accuracy:P2}, macro-F1 {metrics.MacroF1:F4}{alone}"));
        output.WriteLine("  intent              support  precision  recall   F1");
        foreach (var s in metrics.PerIntent)
        {
            output.WriteLine(string.Create(c, $"  {s.Intent,-18} {s.Support,7}  {s.Precision,9:F3}  {s.Recall,6:F3}  {s.F1,5:F3}"));
        }
        if (metrics.Confusions.Count > 0)
        {
            output.WriteLine("  confusions (gold → predicted): " + string.Join(", ", metrics.Confusions.Take(8).Select(x => $"{x.Gold}→{x.Predicted} {x.Count}")));
        }
        var b = metrics.Budget;
        output.WriteLine(string.Create(c,
            $"budget exact-match {b.ExactMatch:P2} ({b.AmountMatches}/{b.GoldBudgetLines}), with kind {b.KindExactMatch:P2}; false budgets {b.FalseBudgets}/{b.NoBudgetLines} ({b.FalseBudgetRate:P2})"));
        output.WriteLine("entity exact-match (lines where gold or prediction has the family): "
            + string.Join(", ", metrics.Entities.Select(e => string.Create(c, $"{e.Family} {e.ExactMatch:P1} ({e.Matches}/{e.Compared})"))));
        var cal = metrics.Calibration;
        output.WriteLine(string.Create(c,
            $"calibration: ECE {cal.ExpectedCalibrationError:F4}, NLL {cal.NegativeLogLikelihood?.ToString("F4", c) ?? "n/a"}; confidence ≥ {NluConfidence.ClarifyThreshold:0.00} on {cal.ConfidentCoverage:P1} of lines, {cal.ConfidentAccuracy:P2} of them right"));
        if (run is not null)
        {
            output.WriteLine("overrides: " + string.Join(", ", run.Overrides.Select(o => $"{o.Name} fired {o.Fired} (changed the model {o.Changed})")));
        }
        // The held-out test split is scored, never listed: seeing its failing lines would be tuning on it.
        if (details && run is not null && split != NluDataset.Test)
        {
            foreach (var e in run.Examples.Where(e => e.Predicted.Intent != e.Gold.Intent))
            {
                output.WriteLine(string.Create(c, $"  intent  {e.Gold.Intent,-16} → {e.Predicted.Intent,-16} {e.Predicted.Confidence:0.00}  {e.Gold.Text}"));
            }
            foreach (var e in NluEvaluator.BudgetFailures(run.Examples))
            {
                output.WriteLine($"  budget  gold {e.Gold.Entities.Budget} {e.Gold.Entities.BudgetKind} → {e.Predicted.Entities.Budget?.ToString(c) ?? "none"} {e.Predicted.Entities.BudgetKind}  {e.Gold.Text}");
            }
            foreach (var e in NluEvaluator.FalseBudgets(run.Examples))
            {
                output.WriteLine($"  budget  gold none → {e.Predicted.Entities.Budget?.ToString(c)} {e.Predicted.Entities.BudgetKind}  {e.Gold.Text}");
            }
            foreach (var family in NluEvaluator.EntityFamilies)
            {
                foreach (var e in run.Examples)
                {
                    var gold = NluEvaluator.FamilyValue(e.Gold.Entities, family);
                    var predicted = NluEvaluator.FamilyValue(e.Predicted.Entities, family);
                    if (gold != predicted)
                    {
                        output.WriteLine($"  {family}  gold {gold ?? "none"} → {predicted ?? "none"}  {e.Gold.Text}");
                    }
                }
            }
        }
    }
}
