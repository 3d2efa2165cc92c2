using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using Naviyam.Hosting;
using Naviyam.Lexicons;
using Naviyam.Preprocessing;

namespace Naviyam.Nlu.Model;

/// <summary>
/// The learned intent classifier at inference time: an ONNX Runtime session over the model written by the
/// trainer (<c>data/models/nlu/intent.onnx</c>) and the featurizer configured from the model's metadata.
/// Thread-safe (<see cref="InferenceSession.Run(RunOptions, IReadOnlyCollection{string}, IReadOnlyCollection{OrtValue}, IReadOnlyCollection{string}, IReadOnlyCollection{OrtValue})"/>
/// is, and the scratch buffers are per thread); one instance per process.
/// </summary>
public sealed class IntentModel : IDisposable
{
    private static readonly string[] InputNames = [IntentModelFormat.IdsInput, IntentModelFormat.CountsInput];
    private static readonly string[] OutputNames = [IntentModelFormat.ProbabilitiesOutput];

    [ThreadStatic] private static Scratch? scratch;

    private readonly InferenceSession session;
    private readonly RunOptions runOptions = new();
    private readonly OrtMemoryInfo memoryInfo = OrtMemoryInfo.DefaultInstance;

    public IntentModel(byte[] modelBytes, CueLexicon cues, FoodLexicon baseFoods)
    {
        ArgumentNullException.ThrowIfNull(modelBytes);
        Sha256 = IntentModelFormat.Sha256Of(modelBytes);
        Version = IntentModelFormat.VersionOf(modelBytes);
        session = OnnxSessions.SingleThreaded(modelBytes);
        try
        {
            Metadata = new Dictionary<string, string>(session.ModelMetadata.CustomMetadataMap, StringComparer.Ordinal);
            Intents = Required(IntentModelFormat.IntentsKey).Split(',');
            var featurizer = Required(IntentModelFormat.FeaturizerKey);
            if (featurizer != NgramFeaturizer.Version)
            {
                throw new InvalidDataException(
                    $"The model was trained with featurizer {featurizer}; this build has {NgramFeaturizer.Version}. Retrain the model.");
            }
            Temperature = double.Parse(Required(IntentModelFormat.TemperatureKey), CultureInfo.InvariantCulture);
            Featurizer = new NgramFeaturizer(
                cues,
                baseFoods,
                int.Parse(Required(IntentModelFormat.BucketsKey), CultureInfo.InvariantCulture),
                int.Parse(Required(IntentModelFormat.CueRepeatKey), CultureInfo.InvariantCulture));
            var output = session.OutputMetadata[IntentModelFormat.ProbabilitiesOutput];
            if (output.Dimensions.Length != 2 || output.Dimensions[1] != Intents.Count)
            {
                throw new InvalidDataException($"The model's output has shape [{string.Join(", ", output.Dimensions)}], not [batch, {Intents.Count}].");
            }
        }
        catch
        {
            session.Dispose();
            runOptions.Dispose();
            throw;
        }
    }

    /// <summary>Loads the model file; the featurizer needs the cue lexicon and the base food lexicon (foods.json).</summary>
    public static IntentModel Load(string path, CueLexicon cues, FoodLexicon baseFoods) =>
        new(File.ReadAllBytes(path), cues, baseFoods);

    /// <summary>Where the trained model ships: <c>data/models/nlu/intent.onnx</c> beside the binaries.</summary>
    public static string DefaultPath => new DataPaths().IntentModel;

    /// <summary>"fasttext-" + the first 12 hex digits of the model file's SHA-256.</summary>
    public string Version { get; }

    public string Sha256 { get; }

    /// <summary>The intents in the order of the model's output columns.</summary>
    public IReadOnlyList<string> Intents { get; }

    /// <summary>The temperature baked into the graph (fitted on the dev split).</summary>
    public double Temperature { get; }

    public NgramFeaturizer Featurizer { get; }

    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>Classifies one message.</summary>
    public IntentPrediction Predict(PreprocessedText text)
    {
        var buffers = scratch ??= new Scratch();
        buffers.Ids.Clear();
        Featurizer.Featurize(text, buffers.Ids);
        return ToPrediction(Probabilities(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(buffers.Ids)));
    }

    /// <summary>Classifies several messages in one session run.</summary>
    public IReadOnlyList<IntentPrediction> PredictBatch(IReadOnlyList<PreprocessedText> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var ids = new long[texts.Count][];
        for (var i = 0; i < texts.Count; i++)
        {
            ids[i] = Featurizer.Featurize(texts[i]);
        }
        return Probabilities(ids).Select(ToPrediction).ToArray();
    }

    /// <summary>The calibrated probabilities of one row of feature ids (in <see cref="Intents"/> order).</summary>
    public float[] Probabilities(ReadOnlySpan<long> ids)
    {
        var buffers = scratch ??= new Scratch();
        var length = Math.Max(ids.Length, 1);
        var row = buffers.Row(length);
        if (ids.IsEmpty)
        {
            row[0] = Featurizer.PaddingId;
        }
        else
        {
            ids.CopyTo(row);
        }
        buffers.Count[0] = Math.Max(ids.Length, 1);
        var result = new float[Intents.Count];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(memoryInfo, row.AsMemory(0, length), [1, length]);
        using var countsValue = OrtValue.CreateTensorValueFromMemory(memoryInfo, buffers.Count.AsMemory(), [1, 1]);
        using var output = OrtValue.CreateTensorValueFromMemory(memoryInfo, result.AsMemory(), [1, result.Length]);
        session.Run(runOptions, InputNames, [idsValue, countsValue], OutputNames, [output]);
        return result;
    }

    /// <summary>The calibrated probabilities of several rows of feature ids, padded into one batch.</summary>
    public float[][] Probabilities(IReadOnlyList<long[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return [];
        }
        var width = Math.Max(1, rows.Max(r => r.Length));
        var ids = new long[rows.Count * width];
        Array.Fill(ids, Featurizer.PaddingId);
        var counts = new float[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            rows[i].CopyTo(ids, i * width);
            counts[i] = Math.Max(rows[i].Length, 1);
        }
        var flat = new float[rows.Count * Intents.Count];
        using (var idsValue = OrtValue.CreateTensorValueFromMemory(ids, [rows.Count, width]))
        using (var countsValue = OrtValue.CreateTensorValueFromMemory(counts, [rows.Count, 1]))
        using (var output = OrtValue.CreateTensorValueFromMemory(flat, [rows.Count, Intents.Count]))
        {
            session.Run(runOptions, InputNames, [idsValue, countsValue], OutputNames, [output]);
        }
        var result = new float[rows.Count][];
        for (var i = 0; i < rows.Count; i++)
        {
            result[i] = flat.AsSpan(i * Intents.Count, Intents.Count).ToArray();
        }
        return result;
    }

    public void Dispose()
    {
        session.Dispose();
        runOptions.Dispose();
    }

    private IntentPrediction ToPrediction(float[] probabilities)
    {
        var best = 0;
        for (var i = 1; i < probabilities.Length; i++)
        {
            if (probabilities[i] > probabilities[best])
            {
                best = i;
            }
        }
        return new IntentPrediction(Intents[best], probabilities[best], probabilities, Intents);
    }

    private string Required(string key) =>
        Metadata.TryGetValue(key, out var value) && value.Length > 0
            ? value
            : throw new InvalidDataException($"The intent model lacks the metadata property '{key}'.");

    private sealed class Scratch
    {
        private long[] row = new long[256];

        public List<long> Ids { get; } = new(256);

        public float[] Count { get; } = new float[1];

        public long[] Row(int length)
        {
            if (row.Length < length)
            {
                row = new long[Math.Max(length, row.Length * 2)];
            }
            return row;
        }
    }
}

/// <summary>The model's answer for one message: the arg-max intent, its calibrated probability and all of them.</summary>
public sealed record IntentPrediction(string Intent, double Confidence, IReadOnlyList<float> Probabilities, IReadOnlyList<string> Intents)
{
    public double ProbabilityOf(string intent)
    {
        for (var i = 0; i < Intents.Count; i++)
        {
            if (Intents[i] == intent)
            {
                return Probabilities[i];
            }
        }
        return 0;
    }
}
