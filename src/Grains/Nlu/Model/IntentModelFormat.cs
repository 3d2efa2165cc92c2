namespace Naviyam.Nlu.Model;

/// <summary>
/// The contract between the trainer (which writes the ONNX file) and <see cref="IntentModel"/> (which reads
/// it): tensor names and the metadata keys stored in the model's <c>metadata_props</c>.
/// </summary>
public static class IntentModelFormat
{
    /// <summary>int64 [batch, max_len]: feature ids, padded with <see cref="NgramFeaturizer.PaddingId"/>.</summary>
    public const string IdsInput = "ids";

    /// <summary>float [batch, 1]: the number of real (non-padding) ids of each row, at least 1.</summary>
    public const string CountsInput = "counts";

    /// <summary>float [batch, intents]: calibrated class probabilities, in the order of <see cref="IntentsKey"/>.</summary>
    public const string ProbabilitiesOutput = "probabilities";

    /// <summary>Comma-separated intent names, in output column order.</summary>
    public const string IntentsKey = "naviyam.intents";

    public const string BucketsKey = "naviyam.buckets";

    public const string FeaturizerKey = "naviyam.featurizer";

    public const string CueRepeatKey = "naviyam.cue_repeat";

    public const string TemperatureKey = "naviyam.temperature";

    public const string SeedKey = "naviyam.seed";

    public const string DimensionKey = "naviyam.dimension";

    /// <summary>The trainer's hyper-parameters as one JSON object (informative).</summary>
    public const string HyperParametersKey = "naviyam.hyperparameters";

    /// <summary>Prefix of <see cref="IntentModel.Version"/>; the rest is the start of the file's SHA-256.</summary>
    public const string VersionPrefix = "fasttext-";

    /// <summary>The model version of a model file's bytes: "fasttext-" + the first 12 hex digits of its SHA-256.</summary>
    public static string VersionOf(ReadOnlySpan<byte> modelBytes) => VersionPrefix + Sha256Of(modelBytes)[..12];

    public static string Sha256Of(ReadOnlySpan<byte> bytes) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
}
