using System.Globalization;
using System.Runtime.InteropServices;
using Google.Protobuf;
using Onnx;
using Naviyam.Nlu.Model;

namespace Naviyam.Training;

/// <summary>What the exporter stores next to the weights, in the model's <c>metadata_props</c>.</summary>
public sealed record OnnxModelInfo(
    IReadOnlyList<string> Intents,
    string FeaturizerVersion,
    int CueRepeat,
    int Seed,
    string HyperParametersJson);

/// <summary>
/// Writes a <see cref="FastTextModel"/> as a standard ONNX graph (IR 8, opset 17) that ONNX Runtime runs:
/// <c>ids</c> int64 [batch, max_len] → Gather(embeddings) → ReduceSum(axis 1) → Div(counts) → MatMul(weights)
/// → Add(bias) → Div(temperature) → Softmax → <c>probabilities</c> float [batch, classes].
/// The output is a pure function of the parameters and <see cref="OnnxModelInfo"/> (no timestamps), so the
/// same training run gives the same bytes.
/// </summary>
public static class OnnxExporter
{
    public const long IrVersion = 8;
    public const long OpsetVersion = 17;
    public const string ProducerName = "naviyam-fasttext-trainer";

    public static byte[] Export(FastTextModel model, OnnxModelInfo info)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(info);
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("ONNX raw tensor data is little-endian.");
        }
        if (info.Intents.Count != model.Classes)
        {
            throw new ArgumentException($"{info.Intents.Count} intents for a model with {model.Classes} classes", nameof(info));
        }
        var padding = model.Embeddings.AsSpan((int)model.PaddingId * model.Dimension, model.Dimension);
        if (padding.ContainsAnyExcept(0f))
        {
            throw new InvalidOperationException("The padding row of the embedding table must be zero.");
        }

        var graph = new GraphProto { Name = "naviyam_intent_fasttext" };
        graph.Input.Add(TensorValue(IntentModelFormat.IdsInput, TensorProto.Types.DataType.Int64, Dim("batch"), Dim("max_len")));
        graph.Input.Add(TensorValue(IntentModelFormat.CountsInput, TensorProto.Types.DataType.Float, Dim("batch"), Dim(1)));
        graph.Output.Add(TensorValue(IntentModelFormat.ProbabilitiesOutput, TensorProto.Types.DataType.Float, Dim("batch"), Dim(model.Classes)));

        graph.Initializer.Add(FloatTensor("embeddings", model.Embeddings, model.Buckets + 1, model.Dimension));
        graph.Initializer.Add(FloatTensor("weights", model.Weights, model.Dimension, model.Classes));
        graph.Initializer.Add(FloatTensor("bias", model.Bias, model.Classes));
        graph.Initializer.Add(FloatTensor("temperature", [model.Temperature]));
        var axes = new TensorProto { Name = "sum_axes", DataType = (int)TensorProto.Types.DataType.Int64 };
        axes.Dims.Add(1);
        axes.Int64Data.Add(1);
        graph.Initializer.Add(axes);

        graph.Node.Add(Node("Gather", "gather", ["embeddings", IntentModelFormat.IdsInput], "bag", Int("axis", 0)));
        graph.Node.Add(Node("ReduceSum", "sum", ["bag", "sum_axes"], "bag_sum", Int("keepdims", 0)));
        graph.Node.Add(Node("Div", "mean", ["bag_sum", IntentModelFormat.CountsInput], "hidden"));
        graph.Node.Add(Node("MatMul", "linear", ["hidden", "weights"], "linear_out"));
        graph.Node.Add(Node("Add", "add_bias", ["linear_out", "bias"], "logits"));
        graph.Node.Add(Node("Div", "scale", ["logits", "temperature"], "scaled_logits"));
        graph.Node.Add(Node("Softmax", "softmax", ["scaled_logits"], IntentModelFormat.ProbabilitiesOutput, Int("axis", -1)));

        var proto = Model(graph, ProducerName, "Naviyam intent classifier: hashed n-gram embedding bag (fastText style), temperature-calibrated.");
        Metadata(proto, IntentModelFormat.IntentsKey, string.Join(',', info.Intents));
        Metadata(proto, IntentModelFormat.BucketsKey, model.Buckets.ToString(CultureInfo.InvariantCulture));
        Metadata(proto, IntentModelFormat.DimensionKey, model.Dimension.ToString(CultureInfo.InvariantCulture));
        Metadata(proto, IntentModelFormat.FeaturizerKey, info.FeaturizerVersion);
        Metadata(proto, IntentModelFormat.CueRepeatKey, info.CueRepeat.ToString(CultureInfo.InvariantCulture));
        Metadata(proto, IntentModelFormat.TemperatureKey, model.Temperature.ToString("R", CultureInfo.InvariantCulture));
        Metadata(proto, IntentModelFormat.SeedKey, info.Seed.ToString(CultureInfo.InvariantCulture));
        Metadata(proto, IntentModelFormat.HyperParametersKey, info.HyperParametersJson);
        return proto.ToByteArray();
    }

    /// <summary>A model of the team's (IR 8, opset 17, domain kr.naviyam) around <paramref name="graph"/>.</summary>
    internal static ModelProto Model(GraphProto graph, string producerName, string docString)
    {
        var proto = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = producerName,
            ProducerVersion = "1",
            Domain = "kr.naviyam",
            ModelVersion = 1,
            DocString = docString,
            Graph = graph,
        };
        proto.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = OpsetVersion });
        return proto;
    }

    internal static void Metadata(ModelProto proto, string key, string value) =>
        proto.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });

    internal static TensorProto FloatTensor(string name, float[] values, params long[] dims)
    {
        var tensor = new TensorProto
        {
            Name = name,
            DataType = (int)TensorProto.Types.DataType.Float,
            RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(values.AsSpan())),
        };
        tensor.Dims.AddRange(dims);
        return tensor;
    }

    internal static TensorShapeProto.Types.Dimension Dim(string symbol) => new() { DimParam = symbol };

    internal static TensorShapeProto.Types.Dimension Dim(long size) => new() { DimValue = size };

    internal static ValueInfoProto TensorValue(string name, TensorProto.Types.DataType type, params TensorShapeProto.Types.Dimension[] dims)
    {
        var shape = new TensorShapeProto();
        shape.Dim.AddRange(dims);
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = shape } },
        };
    }

    internal static AttributeProto Int(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    internal static NodeProto Node(string op, string name, string[] inputs, string output, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = op, Name = name };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        node.Attribute.AddRange(attributes);
        return node;
    }
}
