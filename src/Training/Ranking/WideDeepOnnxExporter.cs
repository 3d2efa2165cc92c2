using System.Globalization;
using Google.Protobuf;
using Onnx;
using Naviyam.Ranking;
using static Naviyam.Training.OnnxExporter;

namespace Naviyam.Training.Ranking;

/// <summary>What the exporter stores beside the weights, in the model's <c>metadata_props</c>.</summary>
public sealed record WideDeepModelInfo(int Seed, double SimulatedShare, string HyperParametersJson);

/// <summary>
/// Writes a <see cref="WideDeepModel"/> as a standard ONNX graph (IR 8, opset 17) that ONNX Runtime runs, one batch
/// per turn:
/// <code>
/// indices int64[N, 12] ─ Slice[:, 0:3] ─ Gather(embeddings) ─ Flatten ─┐
/// continuous float[N, 18] ─────────────────────────────────────────── Concat ─ MatMul(w1) ─ Add(b1) ─ Relu
///   ─ MatMul(w2) ─ Add(b2) ─ Relu ─ MatMul(w3) ─ Add(b3) ──────────────────────────┐ (deep logit)
/// indices ─ Slice[:, 3:12] ─ Gather(wide) ─ ReduceSum(axis 1) ─────────────────── Add (wide sum)
/// continuous ─ MatMul(wide_linear) ─────────────────────────────────────────────── Add ─ Sigmoid ─ Squeeze ─ scores float[N]
/// </code>
/// The bytes are a pure function of the parameters and the info (no timestamps): the same training run gives the same file.
/// </summary>
public static class WideDeepOnnxExporter
{
    public const string ProducerName = "naviyam-wide-deep-trainer";

    public static byte[] Export(WideDeepModel model, WideDeepModelInfo info)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(info);
        if (!model.HasDeep)
        {
            throw new ArgumentException("Only a Wide&Deep model is exported; the wide-only model is a baseline.", nameof(model));
        }
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("ONNX raw tensor data is little-endian.");
        }
        const int F = WideDeepFeatures.ContinuousCount;
        const int K = WideDeepFeatures.IndexCount;
        var float32 = TensorProto.Types.DataType.Float;

        var graph = new GraphProto { Name = "naviyam_ranker_wide_deep" };
        graph.Input.Add(TensorValue(WideDeepModelFormat.ContinuousInput, float32, Dim("batch"), Dim(F)));
        graph.Input.Add(TensorValue(WideDeepModelFormat.IndicesInput, TensorProto.Types.DataType.Int64, Dim("batch"), Dim(K)));
        graph.Output.Add(TensorValue(WideDeepModelFormat.ScoresOutput, float32, Dim("batch")));

        graph.Initializer.Add(FloatTensor("embeddings", model.Embeddings, WideDeepFeatures.EmbeddingRows, model.EmbeddingDimension));
        graph.Initializer.Add(FloatTensor("w1", model.W1, model.InputWidth, model.Hidden1));
        graph.Initializer.Add(FloatTensor("b1", model.B1, model.Hidden1));
        graph.Initializer.Add(FloatTensor("w2", model.W2, model.Hidden1, model.Hidden2));
        graph.Initializer.Add(FloatTensor("b2", model.B2, model.Hidden2));
        graph.Initializer.Add(FloatTensor("w3", model.W3, model.Hidden2, 1));
        graph.Initializer.Add(FloatTensor("b3", [model.Bias], 1));
        graph.Initializer.Add(FloatTensor("wide", model.Wide, WideDeepFeatures.WideSize));
        graph.Initializer.Add(FloatTensor("wide_linear", model.WideLinear, F, 1));
        graph.Initializer.Add(Int64Tensor("deep_start", 0));
        graph.Initializer.Add(Int64Tensor("deep_end", WideDeepFeatures.DeepIndexCount));
        graph.Initializer.Add(Int64Tensor("wide_start", WideDeepFeatures.DeepIndexCount));
        graph.Initializer.Add(Int64Tensor("wide_end", K));
        graph.Initializer.Add(Int64Tensor("axis_1", 1));

        graph.Node.Add(Node("Slice", "deep_ids", [WideDeepModelFormat.IndicesInput, "deep_start", "deep_end", "axis_1"], "deep_ids"));
        graph.Node.Add(Node("Gather", "embed", ["embeddings", "deep_ids"], "embedded", Int("axis", 0)));
        graph.Node.Add(Node("Flatten", "flatten", ["embedded"], "embedded_flat", Int("axis", 1)));
        graph.Node.Add(Node("Concat", "deep_input", ["embedded_flat", WideDeepModelFormat.ContinuousInput], "deep_input", Int("axis", 1)));
        graph.Node.Add(Node("MatMul", "layer1", ["deep_input", "w1"], "layer1"));
        graph.Node.Add(Node("Add", "layer1_bias", ["layer1", "b1"], "layer1_biased"));
        graph.Node.Add(Node("Relu", "layer1_relu", ["layer1_biased"], "hidden1"));
        graph.Node.Add(Node("MatMul", "layer2", ["hidden1", "w2"], "layer2"));
        graph.Node.Add(Node("Add", "layer2_bias", ["layer2", "b2"], "layer2_biased"));
        graph.Node.Add(Node("Relu", "layer2_relu", ["layer2_biased"], "hidden2"));
        graph.Node.Add(Node("MatMul", "layer3", ["hidden2", "w3"], "layer3"));
        graph.Node.Add(Node("Add", "deep_logit", ["layer3", "b3"], "deep_logit"));

        graph.Node.Add(Node("Slice", "wide_ids", [WideDeepModelFormat.IndicesInput, "wide_start", "wide_end", "axis_1"], "wide_ids"));
        graph.Node.Add(Node("Gather", "wide_gather", ["wide", "wide_ids"], "wide_weights", Int("axis", 0)));
        graph.Node.Add(Node("ReduceSum", "wide_sum", ["wide_weights", "axis_1"], "wide_sum", Int("keepdims", 1)));
        graph.Node.Add(Node("MatMul", "wide_linear", [WideDeepModelFormat.ContinuousInput, "wide_linear"], "wide_linear_out"));

        graph.Node.Add(Node("Add", "deep_plus_wide", ["deep_logit", "wide_sum"], "deep_plus_wide"));
        graph.Node.Add(Node("Add", "logit", ["deep_plus_wide", "wide_linear_out"], "logit"));
        graph.Node.Add(Node("Sigmoid", "probability", ["logit"], "probability"));
        graph.Node.Add(Node("Squeeze", "scores", ["probability", "axis_1"], WideDeepModelFormat.ScoresOutput));

        var proto = Model(graph, ProducerName,
            "Naviyam shop ranker: Wide&Deep (hashed cross features + embeddings and an MLP), probability of a pick.");
        Metadata(proto, WideDeepModelFormat.FeaturesKey, WideDeepFeatures.Version);
        Metadata(proto, WideDeepModelFormat.ContinuousCountKey, Invariant(F));
        Metadata(proto, WideDeepModelFormat.IndexCountKey, Invariant(K));
        Metadata(proto, WideDeepModelFormat.EmbeddingRowsKey, Invariant(WideDeepFeatures.EmbeddingRows));
        Metadata(proto, WideDeepModelFormat.WideSizeKey, Invariant(WideDeepFeatures.WideSize));
        Metadata(proto, WideDeepModelFormat.SeedKey, Invariant(info.Seed));
        Metadata(proto, WideDeepModelFormat.SimulatedShareKey, info.SimulatedShare.ToString("0.####", CultureInfo.InvariantCulture));
        Metadata(proto, WideDeepModelFormat.HyperParametersKey, info.HyperParametersJson);
        return proto.ToByteArray();
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static TensorProto Int64Tensor(string name, long value)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Int64 };
        tensor.Dims.Add(1);
        tensor.Int64Data.Add(value);
        return tensor;
    }
}

/// <summary>
/// Reads the parameters back from a file <see cref="WideDeepOnnxExporter"/> wrote, so a shipped model can be trained
/// further on logged interactions (<see cref="RankerTrainingCommand.Retrain"/>) instead of starting over.
/// </summary>
public static class WideDeepOnnxImporter
{
    public static WideDeepModel Import(byte[] onnx)
    {
        ArgumentNullException.ThrowIfNull(onnx);
        var graph = ModelProto.Parser.ParseFrom(onnx).Graph;
        var tensors = graph.Initializer.ToDictionary(t => t.Name, StringComparer.Ordinal);
        float[] Read(string name)
        {
            if (!tensors.TryGetValue(name, out var tensor) || tensor.DataType != (int)TensorProto.Types.DataType.Float)
            {
                throw new InvalidDataException($"The model has no float tensor '{name}': not a Wide&Deep file of this trainer.");
            }
            return System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(tensor.RawData.Span).ToArray();
        }
        var w1 = tensors.GetValueOrDefault("w1") ?? throw new InvalidDataException("The model has no deep part.");
        var inputWidth = (int)w1.Dims[0];
        var hidden1 = (int)w1.Dims[1];
        var hidden2 = (int)tensors["w2"].Dims[1];
        var dimension = (int)tensors["embeddings"].Dims[1];
        var model = new WideDeepModel(dimension, hidden1, hidden2);
        if (model.InputWidth != inputWidth || tensors["wide"].Dims[0] != WideDeepFeatures.WideSize)
        {
            throw new InvalidDataException("The model was trained on another feature layout. Retrain it.");
        }
        var parts = new[] { "embeddings", "w1", "b1", "w2", "b2", "w3", "wide", "wide_linear" };
        var targets = model.Tensors;
        for (var i = 0; i < parts.Length; i++)
        {
            var values = Read(parts[i]);
            if (values.Length != targets[i].Length)
            {
                throw new InvalidDataException($"'{parts[i]}' holds {values.Length} values, {targets[i].Length} expected.");
            }
            values.CopyTo(targets[i], 0);
        }
        model.Bias = Read("b3")[0];
        return model;
    }
}
