using Naviyam.Ranking;
using Naviyam.Training.Ranking;

namespace Naviyam.Ranking.Tests;

/// <summary>The exported graph, run by a real ONNX Runtime session, against the trainer's C# forward pass.</summary>
public class OnnxParityTests
{
    [Theory]
    [InlineData(11, 8, 32, 16)]
    [InlineData(12, 4, 8, 3)]
    public void Onnx_runtime_scores_equal_the_csharp_forward_pass_on_random_inputs(int seed, int dimension, int hidden1, int hidden2)
    {
        var model = TestModels.Random(seed, dimension, hidden1, hidden2);
        using var served = new OnnxWideDeepScoringModel(new WideDeepModelFile(TestModels.Export(model)));
        var rows = TestModels.RandomRows(1_000, seed + 100);

        var expected = model.Score(rows);
        var actual = new float[expected.Length];
        served.Score(rows, WideDeepFeatures.Count, actual);

        expected.Should().Contain(s => s < 0.2f).And.Contain(s => s > 0.8f, "random weights spread the scores, so parity is tested across the range");
        for (var i = 0; i < expected.Length; i++)
        {
            actual[i].Should().BeApproximately(expected[i], 1e-5f, $"row {i}");
        }
    }

    [Fact]
    public void Every_part_of_the_graph_reaches_the_score()
    {
        var model = TestModels.Random(5);
        var rows = TestModels.RandomRows(64, 6);
        var before = Serve(model, rows);

        // Zeroing one part at a time (embeddings, W1, W3, wide, wide linear) must change the served scores, or the export dropped it.
        foreach (var part in new[] { 0, 1, 5, 6, 7 })
        {
            var changed = TestModels.Random(5);
            Array.Clear(changed.Tensors[part]);
            Serve(changed, rows).Should().NotEqual(before);
            changed.Score(rows).Should().Equal(Serve(changed, rows), (a, b) => Math.Abs(a - b) <= 1e-5f);
        }
    }

    [Fact]
    public void The_same_model_exports_to_the_same_bytes()
    {
        TestModels.Export(TestModels.Random(9)).Should().Equal(TestModels.Export(TestModels.Random(9)));
        TestModels.Export(TestModels.Random(9)).Should().NotEqual(TestModels.Export(TestModels.Random(10)));
    }

    [Fact]
    public void A_wide_only_model_is_not_exported() =>
        FluentActions.Invoking(() => WideDeepOnnxExporter.Export(new WideDeepModel(8, 32, 16, hasDeep: false), new WideDeepModelInfo(1, 1, "{}")))
            .Should().Throw<ArgumentException>();

    private static float[] Serve(WideDeepModel model, float[] rows)
    {
        using var served = new OnnxWideDeepScoringModel(new WideDeepModelFile(TestModels.Export(model)));
        var scores = new float[rows.Length / WideDeepFeatures.Count];
        served.Score(rows, WideDeepFeatures.Count, scores);
        return scores;
    }
}
