namespace Naviyam.Training;

/// <summary>
/// Temperature scaling (Guo et al., 2017): one scalar T that divides the logits, chosen to minimise the
/// negative log-likelihood of a held-out split (dev — never test). It changes confidences, not the arg-max.
/// </summary>
public static class TemperatureScaling
{
    /// <summary>The grid searched: 0.05, 0.06, …, 5.00.</summary>
    public static IEnumerable<float> Grid => Enumerable.Range(5, 496).Select(i => i / 100f);

    /// <summary>The temperature of <see cref="Grid"/> with the lowest NLL on <paramref name="heldOut"/> (smallest on ties).</summary>
    public static float Fit(FastTextModel model, IReadOnlyList<TrainingExample> heldOut)
    {
        var logits = heldOut.Select(e => model.Logits(e.Ids)).ToArray();
        var labels = heldOut.Select(e => e.Label).ToArray();
        var best = 1f;
        var bestLoss = double.PositiveInfinity;
        foreach (var t in Grid)
        {
            var loss = NegativeLogLikelihood(logits, labels, t);
            if (loss < bestLoss)
            {
                bestLoss = loss;
                best = t;
            }
        }
        return best;
    }

    /// <summary>Mean negative log-likelihood of the gold labels under softmax(logits / T).</summary>
    public static double NegativeLogLikelihood(FastTextModel model, IReadOnlyList<TrainingExample> examples, float temperature) =>
        NegativeLogLikelihood(examples.Select(e => model.Logits(e.Ids)).ToArray(), examples.Select(e => e.Label).ToArray(), temperature);

    public static double NegativeLogLikelihood(float[][] logits, int[] labels, float temperature)
    {
        var total = 0.0;
        for (var i = 0; i < logits.Length; i++)
        {
            var row = logits[i];
            var max = double.NegativeInfinity;
            foreach (var z in row)
            {
                max = Math.Max(max, z / (double)temperature);
            }
            var sum = 0.0;
            foreach (var z in row)
            {
                sum += Math.Exp(z / (double)temperature - max);
            }
            total += -(row[labels[i]] / (double)temperature - max - Math.Log(sum));
        }
        return logits.Length == 0 ? 0 : total / logits.Length;
    }
}
