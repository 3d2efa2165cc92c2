using Naviyam.Lexicons;

namespace Naviyam.Ranking;

/// <summary>
/// The contract between the ranker's trainer (which writes the ONNX file) and <see cref="OnnxWideDeepScoringModel"/>
/// (which runs it): file and tensor names and the metadata keys stored in the model's <c>metadata_props</c>.
/// </summary>
public static class WideDeepModelFormat
{
    public const string ModelFileName = "wide-deep.onnx";
    public const string MetricsFileName = "metrics.json";

    /// <summary>float [batch, <see cref="WideDeepFeatures.ContinuousCount"/>]: the continuous columns of the feature rows.</summary>
    public const string ContinuousInput = "continuous";

    /// <summary>int64 [batch, <see cref="WideDeepFeatures.IndexCount"/>]: the index columns (embedding rows, then wide weights).</summary>
    public const string IndicesInput = "indices";

    /// <summary>float [batch]: the probability that the child picks the candidate.</summary>
    public const string ScoresOutput = "scores";

    /// <summary>The feature version the model was trained on (<see cref="WideDeepFeatures.Version"/>).</summary>
    public const string FeaturesKey = "naviyam.features";

    public const string ContinuousCountKey = "naviyam.continuous";
    public const string IndexCountKey = "naviyam.indices";
    public const string EmbeddingRowsKey = "naviyam.embedding_rows";
    public const string WideSizeKey = "naviyam.wide_size";
    public const string SeedKey = "naviyam.seed";

    /// <summary>Share of the training rows that came from the behaviour simulation rather than logs ("1" = all simulated).</summary>
    public const string SimulatedShareKey = "naviyam.simulated_share";

    /// <summary>The trainer's hyper-parameters as one JSON object (informative).</summary>
    public const string HyperParametersKey = "naviyam.hyperparameters";

    public const string VersionPrefix = "widedeep-";

    /// <summary>Where the trained ranker ships: <c>data/models/ranker/wide-deep.onnx</c> under the data root.</summary>
    public static string PathIn(DataPaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return Path.Combine(paths.Root, "models", "ranker", ModelFileName);
    }

    /// <summary>"widedeep-" + the first 12 hex digits of the file's SHA-256.</summary>
    public static string VersionOf(ReadOnlySpan<byte> modelBytes) => VersionPrefix + Sha256Of(modelBytes)[..12];

    public static string Sha256Of(ReadOnlySpan<byte> bytes) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
}
