using System.Text.Json.Serialization;
using Naviyam.Embeddings;

namespace Naviyam.Training.Embedding;

/// <summary>How a wish threshold sorts one split: the share of held-out wish phrasings and of other sentences it lets through.</summary>
public sealed record WishGateScore(
    [property: JsonPropertyName("wishes")] int Wishes,
    [property: JsonPropertyName("wishes_passed")] double WishesPassed,
    [property: JsonPropertyName("other_sentences")] int Others,
    [property: JsonPropertyName("other_sentences_passed")] double OthersPassed);

/// <summary>The threshold <see cref="WishRecognizer"/> serves with, chosen on dev, and how it sorts dev and test.</summary>
public sealed record WishGateReport(
    [property: JsonPropertyName("threshold")] double Threshold,
    [property: JsonPropertyName("dev")] WishGateScore Dev,
    [property: JsonPropertyName("test")] WishGateScore Test);

/// <summary>
/// Chooses the hybrid similarity to the nearest trained wish phrasing from which a text counts as a free wish. Positives
/// are a split's held-out wish phrasings; negatives the NLU corpus's sentences of the same split that name no food
/// (some of which are wishes in all but label, "배터지게 먹고 싶다"). The threshold maximises the share of wishes passed
/// minus the share of others passed on dev; test is only reported.
/// </summary>
public static class WishGate
{
    public static WishGateReport Choose(string dataDirectory, EmbeddingDataset dataset, TextEncoder encoder, TfIdfVectorizer lexical)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(lexical);
        var heldOut = dataset.HeldOut.Where(q => q.Source == "wish").Select(q => q.Text).ToHashSet(StringComparer.Ordinal);
        var anchors = WishFile.Load(Path.Combine(dataDirectory, "embedding", "wishes.json"))
            .SelectMany(w => w.Phrases).Where(p => !heldOut.Contains(p)).ToArray();
        var anchorVectors = encoder.Embed(anchors);
        var anchorGrams = anchors.Select(lexical.Vector).ToArray();
        double[] Nearest(IReadOnlyList<string> texts)
        {
            var vectors = encoder.Embed(texts);
            return texts.Select((text, t) =>
            {
                var grams = lexical.Vector(text);
                return anchors.Select((_, a) => lexical.Fuse(TfIdfVectorizer.Cosine(grams, anchorGrams[a]), VectorIndex.Dot(vectors[t], anchorVectors[a]))).Max();
            }).ToArray();
        }
        (double[] Wishes, double[] Others) Scores(string split) => (
            Nearest(dataset.Split(split).Where(q => q.Source == "wish").Select(q => q.Text).ToArray()),
            Nearest(NluDataset.LoadSplit(dataDirectory, split).Where(e => string.IsNullOrEmpty(e.Entities.FoodType)).Select(e => e.Text).ToArray()));

        var dev = Scores(EmbeddingDataset.Dev);
        var threshold = dev.Wishes.Concat(dev.Others).Distinct().Order()
            .OrderByDescending(t => Passed(dev.Wishes, t) - Passed(dev.Others, t)).ThenByDescending(t => t).First();
        var test = Scores(EmbeddingDataset.Test);
        return new WishGateReport(Math.Round(threshold, 4), Score(dev, threshold), Score(test, threshold));
    }

    private static double Passed(double[] scores, double threshold) => scores.Length == 0 ? 0 : scores.Count(s => s >= threshold) / (double)scores.Length;

    private static WishGateScore Score((double[] Wishes, double[] Others) scores, double threshold) => new(
        scores.Wishes.Length, Math.Round(Passed(scores.Wishes, threshold), 4), scores.Others.Length, Math.Round(Passed(scores.Others, threshold), 4));
}
