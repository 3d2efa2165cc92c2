using Naviyam.Lexicons;
using Naviyam.Ranking;
using Naviyam.Training.Ranking;

namespace Naviyam.Ranking.Tests;

/// <summary>Models and inputs the tests share.</summary>
internal static class TestModels
{
    /// <summary>Every weight drawn at random (seeded), so that each part of the graph moves the score.</summary>
    public static WideDeepModel Random(int seed, int dimension = 8, int hidden1 = 32, int hidden2 = 16)
    {
        var random = new Random(seed);
        var model = new WideDeepModel(dimension, hidden1, hidden2) { Bias = (float)(random.NextDouble() - 0.5) };
        foreach (var tensor in model.Tensors)
        {
            for (var i = 0; i < tensor.Length; i++)
            {
                tensor[i] = (float)((random.NextDouble() * 2 - 1) * 0.4);
            }
        }
        return model;
    }

    public static byte[] Export(WideDeepModel model) => WideDeepOnnxExporter.Export(model, new WideDeepModelInfo(1, 1, "{}"));

    /// <summary>Feature rows with random continuous values and random indices, each inside its own range.</summary>
    public static float[] RandomRows(int rows, int seed)
    {
        var random = new Random(seed);
        var features = new float[rows * WideDeepFeatures.Count];
        for (var r = 0; r < rows; r++)
        {
            var row = features.AsSpan(r * WideDeepFeatures.Count, WideDeepFeatures.Count);
            for (var c = 0; c < WideDeepFeatures.ContinuousCount; c++)
            {
                row[c] = (float)(random.NextDouble() * 3 - 1);
            }
            var indices = row[WideDeepFeatures.ContinuousCount..];
            indices[WideDeepFeatures.UserIndex] = random.Next(WideDeepFeatures.UserBuckets);
            indices[WideDeepFeatures.ShopIndex] = WideDeepFeatures.UserBuckets + random.Next(WideDeepFeatures.ShopBuckets);
            indices[WideDeepFeatures.CategoryIndex] = WideDeepFeatures.UserBuckets + WideDeepFeatures.ShopBuckets + random.Next(WideDeepFeatures.CategorySlots);
            var offset = 0;
            for (var field = 0; field < WideDeepFeatures.WideIndexCount; field++)
            {
                indices[WideDeepFeatures.DeepIndexCount + field] = offset + random.Next(WideDeepFeatures.WideFields[field].Size);
                offset += WideDeepFeatures.WideFields[field].Size;
            }
        }
        return features;
    }

    /// <summary>The committed ranker, as copied beside the test binaries with the rest of <c>data/</c>.</summary>
    public static string CommittedModelPath => WideDeepModelFormat.PathIn(new DataPaths());

    public static string CommittedMetricsPath => Path.Combine(Path.GetDirectoryName(CommittedModelPath)!, WideDeepModelFormat.MetricsFileName);
}
