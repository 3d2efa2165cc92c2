using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using Naviyam.Hosting;
using Naviyam.Lexicons;

namespace Naviyam.Embeddings;

/// <summary>
/// The trained text encoder at inference time: one ONNX Runtime session over <c>data/models/embedder/encoder.onnx</c>
/// and the featurizer configured from the model's metadata. Thread-safe (the session's <c>Run</c> is); one per process.
/// </summary>
public sealed class TextEncoder : IDisposable
{
    private static readonly string[] InputNames = [TextEncoderFormat.IdsInput];
    private static readonly string[] OutputNames = [TextEncoderFormat.EmbeddingOutput];

    private readonly InferenceSession session;
    private readonly RunOptions runOptions = new();
    private readonly ReaderWriterLockSlim running = new(LockRecursionPolicy.NoRecursion);
    private bool disposed;

    public TextEncoder(byte[] modelBytes)
    {
        ArgumentNullException.ThrowIfNull(modelBytes);
        Sha256 = Naviyam.Nlu.Model.IntentModelFormat.Sha256Of(modelBytes);
        Version = TextEncoderFormat.VersionOf(modelBytes);        session = OnnxSessions.SingleThreaded(modelBytes);
        try
        {
            var metadata = session.ModelMetadata.CustomMetadataMap;
            string Required(string key) => metadata.TryGetValue(key, out var value) && value.Length > 0
                ? value
                : throw new InvalidDataException($"The text encoder lacks the metadata property '{key}'.");
            var featurizer = Required(TextEncoderFormat.FeaturizerKey);
            if (featurizer != EmbeddingFeaturizer.Version)
            {
                throw new InvalidDataException(
                    $"The text encoder was trained with featurizer {featurizer}; this build has {EmbeddingFeaturizer.Version}. Retrain it.");
            }
            Featurizer = new EmbeddingFeaturizer(int.Parse(Required(TextEncoderFormat.BucketsKey), CultureInfo.InvariantCulture));
            Dimension = int.Parse(Required(TextEncoderFormat.DimensionKey), CultureInfo.InvariantCulture);
            HyperParameters = metadata.TryGetValue(TextEncoderFormat.HyperParametersKey, out var hyperParameters) ? hyperParameters : "";
            var output = session.OutputMetadata[TextEncoderFormat.EmbeddingOutput];
            if (output.Dimensions.Length != 2 || output.Dimensions[1] != Dimension)
            {
                throw new InvalidDataException($"The encoder's output has shape [{string.Join(", ", output.Dimensions)}], not [batch, {Dimension}].");
            }
        }
        catch
        {
            session.Dispose();
            runOptions.Dispose();
            throw;
        }
    }

    public static TextEncoder Load(string path) => new(File.ReadAllBytes(path));

    /// <summary>Where the trained encoder ships: <c>data/models/embedder/encoder.onnx</c> beside the binaries.</summary>
    public static string PathIn(DataPaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return System.IO.Path.Combine(paths.Root, "models", "embedder", "encoder.onnx");
    }

    /// <summary>"ngram-encoder-" + the first 12 hex digits of the file's SHA-256.</summary>
    public string Version { get; }

    public string Sha256 { get; }

    public int Dimension { get; }

    public EmbeddingFeaturizer Featurizer { get; }

    /// <summary>The trainer's options as JSON (seed, split shares …), as the model's metadata carries them.</summary>
    public string HyperParameters { get; }

    /// <summary>Embeds every text in one session run; row i of the result is text i's unit vector (zero for a text with no letter).</summary>
    public float[][] Embed(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var rows = new long[texts.Count][];
        for (var i = 0; i < texts.Count; i++)
        {
            rows[i] = Featurizer.Featurize(texts[i]);
        }
        return Run(rows);
    }

    /// <summary>Runs rows of featurizer ids, padded into one batch.</summary>
    public float[][] Run(IReadOnlyList<long[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return [];
        }
        var width = Math.Max(1, rows.Max(r => r.Length));
        var ids = new long[rows.Count * width];
        Array.Fill(ids, Featurizer.PaddingId);
        for (var i = 0; i < rows.Count; i++)
        {
            rows[i].CopyTo(ids, i * width);
        }
        var flat = new float[rows.Count * Dimension];
        // A run after Dispose would crash the process inside ONNX Runtime (a background index build outliving its host):
        // runs hold the read lock, Dispose waits for them with the write lock, and a later run throws instead.
        running.EnterReadLock();
        try
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, [rows.Count, width]);
            using var output = OrtValue.CreateTensorValueFromMemory(flat, [rows.Count, Dimension]);
            session.Run(runOptions, InputNames, [idsValue], OutputNames, [output]);
        }
        finally
        {
            running.ExitReadLock();
        }
        var result = new float[rows.Count][];
        for (var i = 0; i < rows.Count; i++)
        {
            result[i] = flat.AsSpan(i * Dimension, Dimension).ToArray();
        }
        return result;
    }

    public void Dispose()
    {
        running.EnterWriteLock();
        try
        {
            if (disposed)
            {
                return;
            }
            disposed = true;
            session.Dispose();
            runOptions.Dispose();
        }
        finally
        {
            running.ExitWriteLock();
        }
    }
}
