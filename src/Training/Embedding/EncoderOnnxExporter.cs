using System.Globalization;
using Google.Protobuf;
using static Naviyam.Training.OnnxExporter;
using Naviyam.Embeddings;
using Onnx;

namespace Naviyam.Training.Embedding;

/// <summary>
/// Writes an <see cref="EncoderModel"/> as a standard ONNX graph (IR 8, opset 17) that ONNX Runtime runs:
/// <c>ids</c> int64 [batch, max_len]; a = Gather(weights), A = Max(ReduceSum(a), floor);
/// semantic: ReduceSum(Gather(embeddings) × a) / A → MatMul(projection) = z → √(1−s) · z / Max(‖z‖, floor);
/// lexical: ReduceSum(Cast(Gather(lexical)) × a) / A = l → √s · l / Max(‖l‖, floor);
/// Concat(semantic, lexical) → <c>embedding</c> float [batch, dimension + lexical width].
/// The bytes are a pure function of the parameters and the metadata (no timestamps): one training run, one file.
/// </summary>
public static class EncoderOnnxExporter
{
    public const string ProducerName = "naviyam-encoder-trainer";

    public static byte[] Export(EncoderModel model, int seed, string hyperParametersJson)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("ONNX raw tensor data is little-endian.");
        }
        if (model.Embeddings.AsSpan((int)model.PaddingId * model.Width, model.Width).ContainsAnyExcept(0f))
        {
            throw new InvalidOperationException("The padding row of the embedding table must be zero.");
        }

        var graph = new GraphProto { Name = "naviyam_text_encoder" };
        graph.Input.Add(TensorValue(TextEncoderFormat.IdsInput, TensorProto.Types.DataType.Int64, Dim("batch"), Dim("max_len")));
        graph.Output.Add(TensorValue(TextEncoderFormat.EmbeddingOutput, TensorProto.Types.DataType.Float, Dim("batch"), Dim(model.OutputDimension)));

        graph.Initializer.Add(FloatTensor("embeddings", model.Embeddings, model.Buckets + 1, model.Width));
        graph.Initializer.Add(FloatTensor("weights", model.Weights(), model.Buckets + 1, 1));
        graph.Initializer.Add(FloatTensor("projection", model.Projection, model.Width, model.Dimension));
        graph.Initializer.Add(FloatTensor("norm_floor", [TextEncoderFormat.NormFloor]));
        graph.Initializer.Add(FloatTensor("semantic_scale", [model.SemanticScale]));
        graph.Initializer.Add(FloatTensor("lexical_scale", [model.LexicalScale]));
        var lexical = new TensorProto
        {
            Name = "lexical",
            DataType = (int)TensorProto.Types.DataType.Int8,
            RawData = ByteString.CopyFrom(System.Runtime.InteropServices.MemoryMarshal.AsBytes(model.Lexical.AsSpan())),
        };
        lexical.Dims.AddRange([model.Buckets + 1, model.LexicalWidth]);
        graph.Initializer.Add(lexical);
        var axes = new TensorProto { Name = "axis_1", DataType = (int)TensorProto.Types.DataType.Int64 };
        axes.Dims.Add(1);
        axes.Int64Data.Add(1);
        graph.Initializer.Add(axes);

        graph.Node.Add(Node("Gather", "gather_weights", ["weights", TextEncoderFormat.IdsInput], "bag_weights", Int("axis", 0)));
        graph.Node.Add(Node("ReduceSum", "weight_sum", ["bag_weights", "axis_1"], "total_weight", Int("keepdims", 0)));
        graph.Node.Add(Node("Max", "floored_weight", ["total_weight", "norm_floor"], "safe_weight"));

        graph.Node.Add(Node("Gather", "gather", ["embeddings", TextEncoderFormat.IdsInput], "bag", Int("axis", 0)));
        graph.Node.Add(Node("Mul", "weigh", ["bag", "bag_weights"], "weighted"));
        graph.Node.Add(Node("ReduceSum", "bag_sum", ["weighted", "axis_1"], "summed", Int("keepdims", 0)));
        graph.Node.Add(Node("Div", "mean", ["summed", "safe_weight"], "hidden"));
        graph.Node.Add(Node("MatMul", "project", ["hidden", "projection"], "projected"));
        Normalize(graph, "projected", "semantic_scale", "semantic");

        graph.Node.Add(Node("Gather", "gather_lexical", ["lexical", TextEncoderFormat.IdsInput], "lexical_signs", Int("axis", 0)));
        graph.Node.Add(Node("Cast", "lexical_float", ["lexical_signs"], "lexical_bag", Int("to", (long)TensorProto.Types.DataType.Float)));
        graph.Node.Add(Node("Mul", "weigh_lexical", ["lexical_bag", "bag_weights"], "lexical_weighted"));
        graph.Node.Add(Node("ReduceSum", "lexical_sum", ["lexical_weighted", "axis_1"], "lexical_summed", Int("keepdims", 0)));
        graph.Node.Add(Node("Div", "lexical_mean", ["lexical_summed", "safe_weight"], "lexical_hidden"));
        Normalize(graph, "lexical_hidden", "lexical_scale", "lexical_part");

        graph.Node.Add(Node("Concat", "join", ["semantic", "lexical_part"], TextEncoderFormat.EmbeddingOutput, Int("axis", -1)));

        var proto = new ModelProto
        {
            IrVersion = 8,
            ProducerName = ProducerName,
            ProducerVersion = "1",
            Domain = "kr.naviyam",
            ModelVersion = 1,
            DocString = "Naviyam text encoder: hashed syllable/jamo n-gram embedding bag with learned weights, projection, L2 normalisation; trained contrastively.",
            Graph = graph,
        };
        proto.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 17 });
        Metadata(proto, TextEncoderFormat.FeaturizerKey, EmbeddingFeaturizer.Version);
        Metadata(proto, TextEncoderFormat.BucketsKey, model.Buckets.ToString(CultureInfo.InvariantCulture));
        Metadata(proto, TextEncoderFormat.DimensionKey, model.OutputDimension.ToString(CultureInfo.InvariantCulture));
        Metadata(proto, TextEncoderFormat.SeedKey, seed.ToString(CultureInfo.InvariantCulture));
        Metadata(proto, TextEncoderFormat.HyperParametersKey, hyperParametersJson);
        return proto.ToByteArray();
    }

    /// <summary>scale · x / Max(‖x‖, floor), row by row.</summary>
    private static void Normalize(GraphProto graph, string input, string scale, string output)
    {
        graph.Node.Add(Node("Mul", input + "_square", [input, input], input + "_squares"));
        graph.Node.Add(Node("ReduceSum", input + "_square_sum", [input + "_squares", "axis_1"], input + "_square_sum", Int("keepdims", 1)));
        graph.Node.Add(Node("Sqrt", input + "_norm", [input + "_square_sum"], input + "_norm"));
        graph.Node.Add(Node("Max", input + "_floored_norm", [input + "_norm", "norm_floor"], input + "_safe_norm"));
        graph.Node.Add(Node("Div", input + "_unit", [input, input + "_safe_norm"], input + "_unit"));
        graph.Node.Add(Node("Mul", input + "_scaled", [input + "_unit", scale], output));
    }
}
