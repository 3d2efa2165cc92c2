using System.Globalization;
using Google.Protobuf;
using static Naviyam.Training.OnnxExporter;
using Naviyam.Embeddings;
using Onnx;

namespace Naviyam.Training.Embedding;

/// <summary>
/// Writes an <see cref="EncoderModel"/> as a standard ONNX graph (IR 8, opset 17) that ONNX Runtime runs:
/// <c>ids</c> int64 [batch, max_len] → Gather(embeddings) → ReduceSum(axis 1) → Div(counts) → MatMul(projection) = z;
/// z / Max(Sqrt(ReduceSum(z·z)), floor) → <c>embedding</c> float [batch, dimension].
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
        graph.Input.Add(TensorValue(TextEncoderFormat.CountsInput, TensorProto.Types.DataType.Float, Dim("batch"), Dim(1)));
        graph.Output.Add(TensorValue(TextEncoderFormat.EmbeddingOutput, TensorProto.Types.DataType.Float, Dim("batch"), Dim(model.Dimension)));

        graph.Initializer.Add(FloatTensor("embeddings", model.Embeddings, model.Buckets + 1, model.Width));
        graph.Initializer.Add(FloatTensor("projection", model.Projection, model.Width, model.Dimension));
        graph.Initializer.Add(FloatTensor("norm_floor", [TextEncoderFormat.NormFloor]));
        var axes = new TensorProto { Name = "axis_1", DataType = (int)TensorProto.Types.DataType.Int64 };
        axes.Dims.Add(1);
        axes.Int64Data.Add(1);
        graph.Initializer.Add(axes);

        graph.Node.Add(Node("Gather", "gather", ["embeddings", TextEncoderFormat.IdsInput], "bag", Int("axis", 0)));
        graph.Node.Add(Node("ReduceSum", "bag_sum", ["bag", "axis_1"], "summed", Int("keepdims", 0)));
        graph.Node.Add(Node("Div", "mean", ["summed", TextEncoderFormat.CountsInput], "hidden"));
        graph.Node.Add(Node("MatMul", "project", ["hidden", "projection"], "projected"));
        graph.Node.Add(Node("Mul", "square", ["projected", "projected"], "squares"));
        graph.Node.Add(Node("ReduceSum", "square_sum", ["squares", "axis_1"], "square_sum", Int("keepdims", 1)));
        graph.Node.Add(Node("Sqrt", "norm", ["square_sum"], "norm"));
        graph.Node.Add(Node("Max", "floored_norm", ["norm", "norm_floor"], "safe_norm"));
        graph.Node.Add(Node("Div", "normalize", ["projected", "safe_norm"], TextEncoderFormat.EmbeddingOutput));

        var proto = new ModelProto
        {
            IrVersion = 8,
            ProducerName = ProducerName,
            ProducerVersion = "1",
            Domain = "kr.naviyam",
            ModelVersion = 1,
            DocString = "Naviyam text encoder: hashed syllable/jamo n-gram embedding bag, projection, L2 normalisation; trained contrastively.",
            Graph = graph,
        };
        proto.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 17 });
        Metadata(proto, TextEncoderFormat.FeaturizerKey, EmbeddingFeaturizer.Version);
        Metadata(proto, TextEncoderFormat.BucketsKey, model.Buckets.ToString(CultureInfo.InvariantCulture));
        Metadata(proto, TextEncoderFormat.DimensionKey, model.Dimension.ToString(CultureInfo.InvariantCulture));
        Metadata(proto, TextEncoderFormat.SeedKey, seed.ToString(CultureInfo.InvariantCulture));
        Metadata(proto, TextEncoderFormat.HyperParametersKey, hyperParametersJson);
        return proto.ToByteArray();
    }
}
