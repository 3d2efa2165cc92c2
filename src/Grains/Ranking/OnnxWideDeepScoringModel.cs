using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using Naviyam.Hosting;

namespace Naviyam.Ranking;

/// <summary>The trained ranker's file, read once per silo; every <see cref="OnnxWideDeepScoringModel"/> builds its session from it.</summary>
public sealed class WideDeepModelFile
{
    public WideDeepModelFile(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        Bytes = bytes;
        Sha256 = WideDeepModelFormat.Sha256Of(bytes);
        Version = WideDeepModelFormat.VersionOf(bytes);
    }

    public static WideDeepModelFile Load(string path) => new(File.ReadAllBytes(path));

    public byte[] Bytes { get; }

    public string Sha256 { get; }

    /// <summary>"widedeep-" + the first 12 hex digits of the file's SHA-256: what turns log as the ranking model.</summary>
    public string Version { get; }
}

/// <summary>
/// The learned ranker: a Wide&amp;Deep network run by ONNX Runtime over <see cref="WideDeepFeatures"/> rows, all
/// candidates of a turn in one session run. Scores are the model's probability that the child picks the shop; it
/// only orders what retrieval gave it (one score per row, in row order, each row scored on its own).
/// </summary>
/// <remarks>
/// One instance per <see cref="RankerGrain"/> activation (registered scoped: Orleans builds each activation from its
/// own service scope and disposes it on deactivation). An instance owns its session and its input and output buffers,
/// so a call allocates nothing per candidate and takes no lock; Orleans runs one call at a time per activation, and a
/// concurrent call is refused rather than allowed to corrupt the buffers. The session runs on one thread: the stateless
/// worker's activations (up to one per core) are the parallelism. The weights (under 2 MB) are copied per session,
/// which costs little next to sharing one session's buffers between threads.
/// </remarks>
public sealed class OnnxWideDeepScoringModel : IScoringModel, IDisposable
{
    private static readonly string[] InputNames = [WideDeepModelFormat.ContinuousInput, WideDeepModelFormat.IndicesInput];
    private static readonly string[] OutputNames = [WideDeepModelFormat.ScoresOutput];

    private readonly InferenceSession session;
    private readonly RunOptions runOptions = new();
    private float[] continuous = [];
    private long[] indices = [];
    private float[] output = [];
    private OrtValue[] inputValues = [];
    private OrtValue[] outputValues = [];
    private int boundRows = -1;
    private int busy;
    private bool disposed;

    public OnnxWideDeepScoringModel(WideDeepModelFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        Version = file.Version;        session = OnnxSessions.SingleThreaded(file.Bytes);
        try
        {
            Check(session.ModelMetadata.CustomMetadataMap);
        }
        catch
        {
            session.Dispose();
            runOptions.Dispose();
            throw;
        }
        Reserve(256);
    }

    public string Version { get; }

    public void Score(ReadOnlySpan<float> features, int featureCount, Span<float> scores)
    {
        if (featureCount != WideDeepFeatures.Count)
        {
            throw new ArgumentException($"Expected {WideDeepFeatures.Count} features per row (WideDeepFeatures), got {featureCount}.", nameof(featureCount));
        }
        var rows = scores.Length;
        if (features.Length != rows * featureCount)
        {
            throw new ArgumentException($"{features.Length} features do not make {rows} rows of {featureCount}.", nameof(features));
        }
        ObjectDisposedException.ThrowIf(disposed, this);
        if (rows == 0)
        {
            return;
        }
        if (Interlocked.Exchange(ref busy, 1) != 0)
        {
            throw new InvalidOperationException("An OnnxWideDeepScoringModel serves one call at a time (one per RankerGrain activation).");
        }
        try
        {
            Reserve(rows);
            Bind(rows);
            for (var row = 0; row < rows; row++)
            {
                var source = features.Slice(row * featureCount, featureCount);
                source[..WideDeepFeatures.ContinuousCount].CopyTo(continuous.AsSpan(row * WideDeepFeatures.ContinuousCount));
                var ids = indices.AsSpan(row * WideDeepFeatures.IndexCount, WideDeepFeatures.IndexCount);
                var idColumns = source[WideDeepFeatures.ContinuousCount..];
                for (var i = 0; i < ids.Length; i++)
                {
                    ids[i] = (long)idColumns[i];
                }
            }
            session.Run(runOptions, InputNames, inputValues, OutputNames, outputValues);
            output.AsSpan(0, rows).CopyTo(scores);
        }
        finally
        {
            Volatile.Write(ref busy, 0);
        }
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }
        disposed = true;
        DisposeValues();
        session.Dispose();
        runOptions.Dispose();
    }

    /// <summary>Grows the buffers (doubling) so a larger turn never allocates again.</summary>
    private void Reserve(int rows)
    {
        if (output.Length >= rows)
        {
            return;
        }
        var capacity = Math.Max(rows, output.Length * 2);
        DisposeValues();
        continuous = new float[capacity * WideDeepFeatures.ContinuousCount];
        indices = new long[capacity * WideDeepFeatures.IndexCount];
        output = new float[capacity];
    }

    /// <summary>Tensors over the first <paramref name="rows"/> rows of the buffers, remade only when the row count changes.</summary>
    private void Bind(int rows)
    {
        if (rows == boundRows)
        {
            return;
        }
        DisposeValues();
        inputValues =
        [
            OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, continuous.AsMemory(0, rows * WideDeepFeatures.ContinuousCount),
                [rows, WideDeepFeatures.ContinuousCount]),
            OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, indices.AsMemory(0, rows * WideDeepFeatures.IndexCount),
                [rows, WideDeepFeatures.IndexCount]),
        ];
        outputValues = [OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, output.AsMemory(0, rows), [rows])];
        boundRows = rows;
    }

    private void DisposeValues()
    {
        foreach (var value in inputValues)
        {
            value.Dispose();
        }
        foreach (var value in outputValues)
        {
            value.Dispose();
        }
        inputValues = [];
        outputValues = [];
        boundRows = -1;
    }

    private static void Check(IReadOnlyDictionary<string, string> metadata)
    {
        var features = Required(metadata, WideDeepModelFormat.FeaturesKey);
        if (features != WideDeepFeatures.Version)
        {
            throw new InvalidDataException($"The ranker was trained on features {features}; this build has {WideDeepFeatures.Version}. Retrain it (train-ranker).");
        }
        Expect(metadata, WideDeepModelFormat.ContinuousCountKey, WideDeepFeatures.ContinuousCount);
        Expect(metadata, WideDeepModelFormat.IndexCountKey, WideDeepFeatures.IndexCount);
        Expect(metadata, WideDeepModelFormat.EmbeddingRowsKey, WideDeepFeatures.EmbeddingRows);
        Expect(metadata, WideDeepModelFormat.WideSizeKey, WideDeepFeatures.WideSize);
    }

    private static void Expect(IReadOnlyDictionary<string, string> metadata, string key, int expected)
    {
        var value = Required(metadata, key);
        if (value != expected.ToString(CultureInfo.InvariantCulture))
        {
            throw new InvalidDataException($"The ranker's {key} is {value}; this build's features need {expected}. Retrain it (train-ranker).");
        }
    }

    private static string Required(IReadOnlyDictionary<string, string> metadata, string key) =>
        metadata.TryGetValue(key, out var value) && value.Length > 0
            ? value
            : throw new InvalidDataException($"The ranker model lacks the metadata property '{key}'.");
}
